import ArgumentParser
import ErrorDocs
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lint a catalog, then write its documentation site.",
        discussion: """
            Writes, into the output folder (Site/ beside the catalog by default):
              index.html, errors/<code>/index.html, families/<id>/index.html,
              status-codes/index.html, retries/index.html, guides/<slug>/index.html
                                    the HTML site, with relative links (works from file://)
              404.html              the page hosts show for a missing address
              assets/               the theme's style sheet and script
              markdown/             the same pages as Markdown
              llms.txt, llms-full.txt
                                    an index of the Markdown pages for AI agents, and
                                    all of them in one file
              registry.json         every error as data, for SDKs
              registry.schema.json  the JSON Schema of registry.json
              sitemap.xml           every page's address (when catalog.yaml has base_url)

            Pages use the templates in Templates/ beside the catalog when that folder exists, \
            and the built-in theme for anything it does not override. Nothing is written when \
            the catalog has an error: the previous site stays exactly as it was. The output \
            folder is replaced whole, so errdocs only writes to a folder it created. Warnings \
            (including those only a build finds, such as a link to a #fragment a page does \
            not have) are printed and do not stop the build, unless --strict is given.

            Builds are incremental: a record of the last build, kept beside the output \
            (.Site.errdocs-cache for Site/), holds content hashes of every input, so only pages \
            whose inputs changed are rendered again; unchanged files keep their bytes and times. \
            A catalog file whose size, time and inode are as recorded is not read again. Delete \
            the record to force a full build. The previous site is kept beside the output too \
            (.Site.errdocs-spare for Site/) and brought up to date by the next build, and so \
            are the error files as loaded, with what the lint rules found in each \
            (.Site.errdocs-loaded, and .Site.errdocs-loaded.recent for the few loaded since), so \
            that a rebuild parses and lints only the files that changed.
            """
    )

    @OptionGroup var location: CatalogLocation

    @Option(name: .shortAndLong, help: ArgumentHelp("Folder to write the site to. (default: Site beside the catalog)", valueName: "DIR"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Theme folder overriding the built-in templates. (default: Templates beside the catalog, if present)", valueName: "DIR"))
    var templates: String?

    @Flag(name: .long, help: "Treat warnings as errors: write nothing when there is any.")
    var strict = false

    func validate() throws {
        try requireNonEmpty(output, "--output")
        try requireNonEmpty(templates, "--templates")
    }

    func run() throws {
        let outputPath = output ?? location.sibling("Site")
        var templatesPath = templates
        if templatesPath == nil {
            let candidate = location.sibling("Templates")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), isFolder.boolValue {
                templatesPath = candidate
            }
        }
        let report: Pipeline.BuildReport
        do {
            var folder = try FolderOutput(path: outputPath, protecting: [location.directory] + (templatesPath.map { [$0] } ?? []))
            let bar = ProgressBar.onTerminal("Rendering")
            defer { bar?.finish() }
            var progress: (@Sendable (Int, Int) -> Void)?
            if let bar { progress = { done, total in bar.update(done, total) } }
            // The tool exits right after: the build's memory is left to the exit.
            report = try Pipeline.build(location.directory, templates: templatesPath, into: &folder, freeingMemory: false,
                                        strict: strict, progress: progress)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let summary = LintSummary(report.diagnostics, files: 0, errorDefinitions: report.errorCount)
        let colour = wantsColour(isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        let context = ReportContext(summary: summary, toolVersion: ErrorDocsVersion.current, colour: colour, quiet: true)
        FileHandle.standardError.write(Data(ReportFormat.text.render(report.diagnostics, context).utf8))
        let errors = summary.errors
        if errors > 0 {
            printError("build failed: \(LintSummary.plural(errors, "error")); \(outputPath) was not changed")
            throw ExitCode(1)
        }
        let site = "\(LintSummary.plural(report.fileCount, "file")) for \(LintSummary.plural(report.errorCount, "error"))"
        if report.upToDate {
            print("\(outputPath) is up to date: nothing changed since it was built (\(site))")
        } else {
            print("wrote \(site) to \(outputPath) (\(report.written.count) rendered, \(report.kept.count) unchanged pages kept)")
        }
    }
}
