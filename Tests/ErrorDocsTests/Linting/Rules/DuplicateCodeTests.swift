import ErrorDocsModel
import Testing

@Suite struct DuplicateCodeTests {
    @Test func aCodeDefinedInTwoFilesIsReportedAtTheSecondWithANoteAtTheFirst() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error(),
            "errors/b.yaml": TemporaryCatalog.error(),
        ]).with(rule: "duplicate-code")
        #expect(found.positions == ["errors/b.yaml:1:7 [duplicate-code]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/a.yaml:1:7"])
        #expect(found.first?.notes.first?.message == "'bad_request' first defined here")
    }

    @Test func aCodeDefinedTwiceInOneListIsReportedAtTheSecond() throws {
        let file = """
            errors:
              - code: twice
                title: One
              - code: twice
                title: Two
            """
        let found = try lint(["errors/list.yaml": file]).with(rule: "duplicate-code")
        #expect(found.positions == ["errors/list.yaml:4:11 [duplicate-code]"])
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/list.yaml:2:11"])
    }

    @Test func aThirdDefinitionPointsAtTheFirstToo() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error(),
            "errors/b.yaml": TemporaryCatalog.error(),
            "errors/c.yaml": TemporaryCatalog.error(),
        ]).with(rule: "duplicate-code")
        #expect(found.positions == ["errors/b.yaml:1:7 [duplicate-code]", "errors/c.yaml:1:7 [duplicate-code]"])
        #expect(found.flatMap(\.notes).map { "\($0.location)" } == ["errors/a.yaml:1:7", "errors/a.yaml:1:7"])
    }

    @Test func distinctCodesPass() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error("first_error"),
            "errors/b.yaml": TemporaryCatalog.error("second_error"),
        ]).with(rule: "duplicate-code")
        #expect(found.isEmpty)
    }
}
