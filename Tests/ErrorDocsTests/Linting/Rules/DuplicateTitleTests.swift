import ErrorDocsModel
import Testing

@Suite struct DuplicateTitleTests {
    static let rule = "duplicate-title"

    @Test func aTitleUsedTwiceIgnoringCaseAndSpacesIsReportedAtTheSecondWithANoteAtTheFirst() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error(
                "first_error", replacing: "title: Bad request first_error", with: "title: Rate limit exceeded"),
            "errors/b.yaml": TemporaryCatalog.error(
                "second_error", replacing: "title: Bad request second_error", with: "title: \"  rate LIMIT exceeded \""),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["errors/b.yaml:2:8 [\(Self.rule)]"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "title '  rate LIMIT exceeded ' is also the title of 'first_error'")
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/a.yaml:2:8"])
        #expect(found.first?.notes.first?.message == "'first_error' has the same title here")
    }

    @Test func aThirdErrorWithTheSameTitlePointsAtTheFirstToo() throws {
        let file = """
            errors:
              - code: one
                title: Same
              - code: two
                title: Same
              - code: three
                title: same
            """
        let found = try lint(["errors/list.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/list.yaml:5:12 [\(Self.rule)]", "errors/list.yaml:7:12 [\(Self.rule)]"])
        #expect(found.flatMap(\.notes).map { "\($0.location)" } == ["errors/list.yaml:3:12", "errors/list.yaml:3:12"])
    }

    @Test func distinctTitlesPass() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error("first_error"),
            "errors/b.yaml": TemporaryCatalog.error("second_error"),
        ]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }
}
