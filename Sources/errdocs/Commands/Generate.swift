import ArgumentParser
import ErrorDocs
import Foundation

extension SDKLanguage: ExpressibleByArgument {}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate an SDK error module (Swift, TypeScript, Python or Go) from a catalog.",
        discussion: """
            Writes one source file into the output folder (sdk/<language> beside the catalog by \
            default), so SDKs get typed constants instead of string matching:
              swift       ErrorCode.swift   enum ErrorCode: String, CaseIterable, Sendable
              typescript  errorCodes.ts     ErrorCode union type and frozen object
              python      error_codes.py    class ErrorCode(str, enum.Enum)
              go          errorcodes.go     package errorcodes, type ErrorCode string

            Each module gives every code's HTTP status (or SMTP reply, or event), family, retry \
            policy, documentation URL, title and deprecation; a lookup from a code string that \
            handles unknown codes; and retryDelay / isRetryable / withJitter helpers that apply \
            the retry policy with the same rules in every language (see docs/sdk.md).

            The output is the same bytes for the same catalog. Nothing is written when the \
            catalog has an error. errdocs only overwrites files it generated, and never deletes \
            anything.

            Examples:
              errdocs generate swift
              errdocs generate typescript --output web/src/generated Content
            """
    )

    @Argument(help: ArgumentHelp("The SDK language: swift, typescript, python or go.", valueName: "LANGUAGE"))
    var language: SDKLanguage

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the module to. (default: sdk/<language> beside the catalog)", valueName: "DIR"))
    var output: String?

    @OptionGroup var location: CatalogLocation

    func validate() throws {
        try requireNonEmpty(output, "--output")
    }

    func run() throws {
        let outputPath = output ?? location.sibling("sdk/\(language.rawValue)")
        let report: Pipeline.GenerateReport
        do {
            let folder = try SDKFolder(path: outputPath, catalog: location.directory, example: "sdk/\(language.rawValue)")
            report = try Pipeline.generate(language, from: location.directory)
            if !report.files.isEmpty { try folder.write(report.files) }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let summary = LintSummary(report.diagnostics, files: 0, errorDefinitions: report.errorCount)
        let colour = wantsColour(isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        let context = ReportContext(summary: summary, toolVersion: ErrorDocsVersion.current, colour: colour, quiet: true)
        FileHandle.standardError.write(Data(ReportFormat.text.render(report.diagnostics, context).utf8))
        if summary.errors > 0 {
            printError("generate failed: \(LintSummary.plural(summary.errors, "error")); nothing was written to \(outputPath)")
            throw ExitCode(1)
        }
        let paths = report.files.map { outputPath.hasSuffix("/") ? outputPath + $0.path : outputPath + "/" + $0.path }.joined(separator: ", ")
        print("wrote \(paths) for \(LintSummary.plural(report.errorCount, "error"))")
    }
}
