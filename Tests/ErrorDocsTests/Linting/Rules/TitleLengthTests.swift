import ErrorDocsModel
import Testing

@Suite struct TitleLengthTests {
    static func error(title: String) -> String {
        TemporaryCatalog.error(replacing: "title: Bad request bad_request", with: "title: \(title)")
    }

    @Test func aTitleOf101CharactersIsReportedAtTheTitle() throws {
        let found = try lint(["errors/x.yaml": Self.error(title: String(repeating: "a", count: 101))]).with(rule: "title-length")
        #expect(found.positions == ["errors/x.yaml:2:8 [title-length]"])
        #expect(found.first?.message == "title is 101 characters; the limit is 100")
    }

    @Test func aTitleOf100CharactersPasses() throws {
        let found = try lint(["errors/x.yaml": Self.error(title: String(repeating: "é", count: 100))]).with(rule: "title-length")
        #expect(found.isEmpty)
    }

    @Test func aTitleOnTwoLinesIsReported() throws {
        let found = try lint(["errors/x.yaml": Self.error(title: "|\n  Line one\n  line two")]).with(rule: "title-length")
        #expect(found.positions == ["errors/x.yaml:2:8 [title-length]"])
        #expect(found.first?.message == "title must be a single line")
    }

    @Test func aFamilyTitleIsCheckedToo() throws {
        let settings = TemporaryCatalog.settings(replacing: "title: Rate limit", with: "title: \"Rate\\nlimit\"")
        let found = try lint(["catalog.yaml": settings]).with(rule: "title-length")
        #expect(found.positions.count == 1 && found.positions[0].hasPrefix("catalog.yaml:"), "\(found.positions)")
        #expect(found.first?.message == "title must be a single line")
    }
}
