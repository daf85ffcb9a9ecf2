import ArgumentParser
import ErrorDocs
import ErrorDocsModel
import Foundation

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a catalog and report every problem.",
        discussion: """
            Reads catalog.yaml, errors/**/*.yaml and guides/*.md and runs every lint rule. Each \
            problem is printed as

              path:line:col: severity: message [rule-id]

            the format compilers use, so editors and CI annotate the right line, followed by \
            the source line with a caret under the column. --format github, json and sarif \
            print the same diagnostics for GitHub Actions, scripts and code-scanning tools \
            (docs/lint-output.md describes each shape). Colour is used only on a terminal, \
            and never when NO_COLOR is set.

            Exit status: 0 when there is no error (warnings allowed), 1 when there is at least \
            one error, 2 when the folder cannot be read or the command line is wrong.
            """
    )

    @OptionGroup var location: CatalogLocation

    @Option(name: .long, help: ArgumentHelp("Output format: text, github, json or sarif.", valueName: "FORMAT"))
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only diagnostics, without the summary line (text and github formats).")
    var quiet = false

    @Flag(name: .long, help: ArgumentHelp(
        "Also parse each recovery snippet with its language's toolchain.",
        discussion: "Python: python3 (compile), JavaScript: node --check, Swift: swiftc -parse, shell: bash -n, Go: gofmt -e. Languages whose toolchain is not installed are reported as skipped."))
    var checkSnippets = false

    func run() throws {
        let report: Pipeline.LintReport
        do {
            // The tool exits right after: the catalog's memory is left to the exit. Only the
            // snippet check reads the errors' bodies after lint.
            report = try Pipeline.lint(location.directory, freeingMemory: false, keepingBodies: checkSnippets)
        } catch {
            printError("error: \(error)")
            if let log = format.renderFailure("\(error)", toolVersion: ErrorDocsVersion.current) { writeOutput(Data(log.utf8)) }
            throw ExitCode(2)
        }
        var diagnostics = report.diagnostics
        if checkSnippets {
            diagnostics = (diagnostics + (try checkSnippets(report.catalog))).sortedByLocation()
        }
        if strict {
            diagnostics = diagnostics.warningsAsErrors()
        }
        let summary = LintSummary(diagnostics, files: report.catalog.files.count, errorDefinitions: report.catalog.errors.count)
        let colour = wantsColour(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        let context = ReportContext(summary: summary, toolVersion: ErrorDocsVersion.current, colour: colour, quiet: quiet)
        writeOutput(Data(format.render(diagnostics, context).utf8))
        if summary.errors > 0 { throw ExitCode(1) }
    }

    /// Syntax errors in recovery snippets; says on standard error what was checked and skipped.
    private func checkSnippets(_ catalog: Catalog) throws -> [Diagnostic] {
        let result = try SnippetChecker().check(catalog)
        let checked = result.checked.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        printError("snippets: checked \(checked.isEmpty ? "none" : checked.joined(separator: ", "))")
        for (language, skip) in result.skipped.sorted(by: { $0.key < $1.key }) {
            printError("snippets: skipped \(LintSummary.plural(skip.count, "\(language) snippet")): \(skip.reason)")
        }
        return result.diagnostics
    }
}

extension ReportFormat: ExpressibleByArgument {}
