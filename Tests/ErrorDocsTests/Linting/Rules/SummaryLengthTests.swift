import ErrorDocsModel
import Testing

@Suite struct SummaryLengthTests {
    static func error(summary: String) -> String {
        TemporaryCatalog.error(replacing: "summary: The request could not be understood.", with: "summary: \(summary)")
    }

    @Test func aSummaryOf201CharactersIsReportedAtTheSummary() throws {
        let found = try lint(["errors/x.yaml": Self.error(summary: String(repeating: "a", count: 201))])
            .with(rule: "summary-length")
        #expect(found.positions == ["errors/x.yaml:5:10 [summary-length]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "summary is 201 characters; the limit is 200")
    }

    @Test func aSummaryOf200CharactersPasses() throws {
        let found = try lint(["errors/x.yaml": Self.error(summary: String(repeating: "é", count: 200))])
            .with(rule: "summary-length")
        #expect(found.isEmpty)
    }

    @Test func aSummaryOnTwoLinesIsReported() throws {
        let found = try lint(["errors/x.yaml": Self.error(summary: "|\n  Line one.\n  Line two.")])
            .with(rule: "summary-length")
        #expect(found.positions == ["errors/x.yaml:5:10 [summary-length]"])
        #expect(found.first?.message == "summary must be a single line")
    }

    @Test func aFoldedSummaryIsOneLine() throws {
        let found = try lint(["errors/x.yaml": Self.error(summary: ">\n  Line one\n  continued.")])
            .with(rule: "summary-length")
        #expect(found.isEmpty)
    }

    @Test func aLongFamilySummaryIsReportedInCatalogYAML() throws {
        let settings = TemporaryCatalog.settings(
            replacing: "summary: Too many requests.", with: "summary: \(String(repeating: "b", count: 250))")
        let found = try lint(["catalog.yaml": settings]).with(rule: "summary-length")
        #expect(found.positions == ["catalog.yaml:30:14 [summary-length]"])
    }
}
