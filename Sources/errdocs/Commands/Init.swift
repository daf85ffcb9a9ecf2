import ArgumentParser
import ErrorDocs
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a starter catalog to edit.",
        discussion: """
            Writes catalog.yaml and two example errors into DIR (Content by default). With \
            --templates, also copies the built-in theme to Templates/ beside it, so you can \
            change the look; 'errdocs build' uses that folder when it exists. Existing files are \
            never overwritten.
            """
    )

    @OptionGroup var location: CatalogLocation

    @Option(name: .long, help: "Name of the API or product the catalog documents.")
    var name = "Example API"

    @Flag(name: .long, help: "Also copy the built-in theme to Templates/ beside the catalog; with a catalog there already, copy only the theme.")
    var templates = false

    func run() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty, !name.contains(where: \.isNewline) else {
            printError("error: --name must be one line of text, such as --name \"Acme API\"")
            throw ExitCode(2)
        }
        // With --templates, a catalog that exists already is left as it is: only the theme is added.
        let addingTheme = templates && FileManager.default.fileExists(atPath: location.directory + "/catalog.yaml")
        var files = addingTheme ? [] : StarterCatalog.files(name: name).map { (location.directory + "/" + $0.path, $0.text) }
        if templates {
            let folder = location.sibling("Templates")
            files += Theme.builtInFiles.map { (folder + "/" + $0.path, $0.text) }
        }
        let existing = files.map(\.0).filter { FileManager.default.fileExists(atPath: $0) }
        guard existing.isEmpty else {
            printError("error: not overwriting existing files: \(existing.joined(separator: ", "))")
            throw ExitCode(2)
        }
        do {
            for (path, text) in files {
                let url = URL(fileURLWithPath: path)
                try FileTree.makeFolder(url.deletingLastPathComponent().path)
                try Data(text.utf8).write(to: url)
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if addingTheme {
            print("created \(LintSummary.plural(files.count, "file")) in \(location.sibling("Templates")); the catalog in \(location.directory) is left as it is")
        } else {
            print("created \(LintSummary.plural(files.count, "file")) in \(location.directory)\(templates ? " and \(location.sibling("Templates"))" : "")")
        }
        print("next: edit \(location.directory)/errors/, then run 'errdocs lint \(location.directory)' and 'errdocs build \(location.directory)'")
    }
}
