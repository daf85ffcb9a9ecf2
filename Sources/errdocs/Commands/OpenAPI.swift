import ArgumentParser
import ErrorDocs
import Foundation

struct OpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Write the catalog's errors as OpenAPI 3.1 components, for API specs to $ref.",
        discussion: """
            Prints (or writes to --output) an OpenAPI 3.1 document in JSON, with no paths:
              components.schemas    one schema per envelope; its code field lists the
                                    codes of the errors using it
              components.responses  one response per HTTP error, named by its code: the
                                    envelope's content type, the example body, headers,
                                    and x-errdocs (status, family, retry, doc URL)
              x-error-codes         every code (SMTP replies, events and removed codes
                                    too) with its status, family, retryable flag, doc URL

            Point your own spec at it, e.g.
              $ref: 'errors.openapi.json#/components/responses/rate_limited'

            Examples of an application/problem+json envelope (RFC 9457) get 'type' set to the \
            error's documentation URL. docs/openapi.md describes the document. The output is \
            the same bytes for the same catalog. Nothing is written when the catalog has an \
            error (exit 1); exit 2 when a file cannot be read or written.

            Examples:
              errdocs openapi > errors.openapi.json
              errdocs openapi Content --output api/errors.openapi.json
            """
    )

    @OptionGroup var location: CatalogLocation

    @Option(name: .shortAndLong, help: ArgumentHelp("File to write the document to. (default: standard output)", valueName: "FILE"))
    var output: String?

    func validate() throws {
        try requireNonEmpty(output, "--output")
    }

    func run() throws {
        let report: Pipeline.OpenAPIReport
        do {
            report = try Pipeline.openAPI(from: location.directory)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let summary = LintSummary(report.diagnostics, files: 0, errorDefinitions: report.errorCount)
        let colour = wantsColour(isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        let context = ReportContext(summary: summary, toolVersion: ErrorDocsVersion.current, colour: colour, quiet: true)
        FileHandle.standardError.write(Data(ReportFormat.text.render(report.diagnostics, context).utf8))
        guard summary.errors == 0, let document = report.document else {
            printError("openapi failed: \(LintSummary.plural(summary.errors, "error")); nothing was written")
            throw ExitCode(1)
        }
        guard let output else {
            writeOutput(document)
            return
        }
        // Written through a symbolic link, to the file it names.
        let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        guard !FileTree.path(target.path, isWithin: location.directory) else {
            printError("error: refusing to write \(output): it is inside the catalog \(location.directory), whose files it would replace; write it beside the catalog")
            throw ExitCode(2)
        }
        var info = stat()
        if lstat(target.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR:
                printError("error: cannot write \(output): it is a folder; name the file to write, such as \(output.hasSuffix("/") ? output : output + "/")errors.openapi.json")
                throw ExitCode(2)
            default:
                printError("error: refusing to write \(output): it is not a regular file (a device, a pipe or a socket), which writing the document would replace; leave --output out to print it")
                throw ExitCode(2)
            }
        }
        do {
            try FileTree.makeFolder(target.deletingLastPathComponent().path)
            try document.write(to: target, options: .atomic)
        } catch let problem as FileTree.Problem {
            printError("error: \(problem)")
            throw ExitCode(2)
        } catch {
            printError("error: cannot write \(output): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
            throw ExitCode(2)
        }
        print("wrote \(output) for \(LintSummary.plural(report.errorCount, "error"))")
    }
}
