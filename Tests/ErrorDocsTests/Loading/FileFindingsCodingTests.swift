@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

/// What the error-file rules found in a file comes back from the cache as it was made, and a
/// damaged form is refused (the file is then linted again).
@Suite struct FileFindingsCodingTests {
    static let file = "Content/errors/x.yaml"
    static let findings = Linter.FileFindings(
        diagnostics: [
            Diagnostic("retry-after-header", .warning, at: SourceLocation(file: file, line: 3, column: 9), "the policy is retry_after",
                       notes: [Diagnostic.Note("family policy set here", at: SourceLocation(file: "Content/catalog.yaml", line: 33, column: 21))]),
            Diagnostic("summary-length", .error, at: SourceLocation(file: file, line: 5, column: 10), "summary is 200 characters"),
        ],
        internalLinks: [
            MarkdownFields.Link(field: "'x' meaning", destination: "errors/y", isImage: false, location: SourceLocation(file: file, line: 7, column: 14)),
            MarkdownFields.Link(field: "'x' details", destination: "guides/a b#c", isImage: true, location: SourceLocation(file: file, line: 12, column: 3)),
        ],
        samePageLinks: [
            MarkdownFields.Link(field: "'x' meaning", destination: "#causes", isImage: false, location: SourceLocation(file: file, line: 7, column: 30),
                                page: .error("x")),
        ],
        comparedFacts: "compared-facts1")

    @Test func findingsComeBackAsTheyWere() throws {
        let bytes = try FileFindingsCoding.encode(Self.findings)
        #expect(try FileFindingsCoding.decode(bytes, file: Self.file) == Self.findings)
        let empty = try FileFindingsCoding.encode(Linter.FileFindings())
        #expect(try FileFindingsCoding.decode(empty, file: Self.file) == Linter.FileFindings())
    }

    @Test func aDamagedFormIsRefused() throws {
        let bytes = try FileFindingsCoding.encode(Self.findings)
        #expect(throws: (any Error).self) { try FileFindingsCoding.decode(Array(bytes.dropLast()), file: Self.file) }
        #expect(throws: (any Error).self) { try FileFindingsCoding.decode(bytes + [0], file: Self.file) }
        // The image flag of the first link (after its field and destination) set to 2.
        var writer = LoadedFileCoding.Writer()
        writer.string("")
        writer.array([0]) { writer, _ in
            writer.string("field")
            writer.string("errors/y")
            writer.int(2)
            writer.location(SourceLocation(file: Self.file, line: 1, column: 1))
        }
        #expect(throws: (any Error).self) { try FileFindingsCoding.decode(writer.bytes, file: Self.file) }
    }

    /// A loaded file's cache entry carries its findings with the hash of the catalog.yaml they
    /// were found with: they come back with that hash only (another catalog.yaml may change
    /// which rules run), and a damaged findings part refuses the whole entry.
    @Test func findingsInALoadedEntryComeBackOnlyWithTheirCatalogYAML() throws {
        let repository = LoadedFileCodingTests.repository
        let file = repository.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml").path
        let loaded = try CatalogLoader(directory: repository.appendingPathComponent("Content").path).loadErrorFile(file)
        let bytes = try LoadedFileCoding.encode(loaded.definitions, loaded.problems,
                                                findings: LoadedFileCoding.Findings(settings: "settings-hash-1", found: Self.findings))
        let same = try LoadedFileCoding.decode(bytes, file: Self.file, settings: "settings-hash-1")
        #expect(same.findings == Self.findings)
        #expect(same.definitions.count == loaded.definitions.count)
        let other = try LoadedFileCoding.decode(bytes, file: Self.file, settings: "settings-hash-2")
        #expect(other.findings == nil)
        #expect(LoadedFileCodingTests.deepDescription(other.definitions) == LoadedFileCodingTests.deepDescription(same.definitions))
        let without = try LoadedFileCoding.decode(try LoadedFileCoding.encode(loaded.definitions, loaded.problems), file: Self.file, settings: "settings-hash-1")
        #expect(without.findings == nil)
        #expect(throws: LoadedFileCoding.Malformed.self) {
            try LoadedFileCoding.decode(Array(bytes.dropLast()), file: Self.file, settings: "settings-hash-2")
        }
    }
}
