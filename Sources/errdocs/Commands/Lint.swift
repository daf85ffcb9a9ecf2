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

            the format compilers use, so editors and CI annotate the right line.

            Exit status: 0 when there is no error (warnings allowed), 1 when there is at least \
            one error, 2 when the folder cannot be read or the command line is wrong.
            """
    )

    @OptionGroup var location: CatalogLocation

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only diagnostics, without the summary line.")
    var quiet = false

    @Flag(name: .long, help: ArgumentHelp(
        "Also parse each recovery snippet with its language's toolchain.",
        discussion: "Python: python3 (compile), JavaScript: node --check, Swift: swiftc -parse, shell: bash -n, Go: gofmt -e. Languages whose toolchain is not installed are reported as skipped."))
    var checkSnippets = false

    func run() throws {
        let report: Pipeline.LintReport
        do {
            report = try Pipeline.lint(location.directory)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        var diagnostics = report.diagnostics
        if checkSnippets {
            diagnostics = (diagnostics + (try checkSnippets(report.catalog))).sortedByLocation()
        }
        if strict {
            diagnostics = diagnostics.map { var copy = $0; copy.severity = .error; return copy }
        }
        for diagnostic in diagnostics {
            print(diagnostic)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !quiet {
            print("\(Self.plural(errors, "error")), \(Self.plural(warnings, "warning")) in \(Self.plural(report.catalog.files.count, "file")) (\(Self.plural(report.catalog.errors.count, "error definition")))")
        }
        if errors > 0 { throw ExitCode(1) }
    }

    /// Syntax errors in recovery snippets; says on standard error what was checked and skipped.
    private func checkSnippets(_ catalog: Catalog) throws -> [Diagnostic] {
        let result = try SnippetChecker().check(catalog)
        let checked = result.checked.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        printError("snippets: checked \(checked.isEmpty ? "none" : checked.joined(separator: ", "))")
        for (language, skip) in result.skipped.sorted(by: { $0.key < $1.key }) {
            printError("snippets: skipped \(Self.plural(skip.count, "\(language) snippet")): \(skip.reason)")
        }
        return result.diagnostics
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
