@testable import ErrorDocs
import Foundation
import Testing

/// Page keys name each error's parts of registry.json and llms-full.txt, so no two errors may
/// share one, not even two errors of one file that show the same sidebar and link nowhere.
@Suite struct PageKeysTests {
    /// Two errors in one file, neither related to anything, and a third of their family (a small
    /// one: every page lists all three) in a file of its own.
    static func catalog() throws -> TemporaryCatalog {
        func item(_ code: String) -> String {
            TemporaryCatalog.error(code).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 ? "  - " + $0.element : "    " + $0.element }.joined(separator: "\n")
        }
        return try TemporaryCatalog([
            "errors/pair.yaml": "errors:\n" + item("first_of_pair") + "\n" + item("second_of_pair") + "\n",
            "errors/single.yaml": TemporaryCatalog.error("unprocessable", status: 422),
        ])
    }

    @Test func errorsOfOneFileWithTheSameSidebarHaveKeysOfTheirOwn() throws {
        let catalog = try Self.catalog()
        defer { catalog.remove() }
        let report = try Pipeline.lint(catalog.root.path)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let theme = try #require(try Theme.load(overlay: nil).theme)
        let index = ViewBuilder.ErrorIndex(report.catalog)
        let keys = PageKeys(inputs: try BuildInputs(directory: catalog.root.path, theme: theme), catalog: report.catalog, index: index)
        let pageKeys = index.errors.indices.map { keys.errorPage(position: $0) }
        #expect(index.errors.map { $0.code?.value } == ["first_of_pair", "second_of_pair", "unprocessable"])
        #expect(Set(pageKeys).count == 3)
    }

    /// What a shared key would break: llms-full.txt copies each error's page from the previous
    /// file by key, so a rebuild would copy one error's page for both.
    @Test func aRebuildMakesTheLargeFilesAsACleanBuildDoes() throws {
        let catalog = try Self.catalog()
        defer { catalog.remove() }
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        func build(_ name: String) throws -> URL {
            var output = try FolderOutput(path: parent.appendingPathComponent(name).path)
            let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
            #expect(report.succeeded, "\(report.diagnostics)")
            return output.folder
        }
        let rebuilt = try build("Site")
        let single = catalog.root.appendingPathComponent("errors/single.yaml")
        try Data(TemporaryCatalog.error("unprocessable", status: 422)
            .replacingOccurrences(of: "A field is missing.", with: "A field is missing, again.").utf8).write(to: single)
        _ = try build("Site")
        let clean = try build("Clean")
        for file in ["llms-full.txt", "registry.json"] {
            let built = try String(contentsOf: rebuilt.appendingPathComponent(file), encoding: .utf8)
            #expect(built == (try String(contentsOf: clean.appendingPathComponent(file), encoding: .utf8)), "\(file)")
        }
    }
}
