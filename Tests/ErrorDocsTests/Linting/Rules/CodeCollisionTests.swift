import ErrorDocsModel
import Testing

@Suite struct CodeCollisionTests {
    static let rule = "code-collision"

    @Test func codesDifferingOnlyByCaseOrSeparatorAreReportedAtTheLaterWithANoteAtTheFirst() throws {
        let file = """
            errors:
              - code: rate_limited
                title: One
              - code: Rate_Limited
                title: Two
              - code: rate.limited
                title: Three
            """
        let found = try lint(["errors/list.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/list.yaml:4:11 [\(Self.rule)]", "errors/list.yaml:6:11 [\(Self.rule)]"])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.first?.message
            == "code 'Rate_Limited' collides with 'rate_limited': they differ only by letter case or '_' versus '.'")
        #expect(found.flatMap(\.notes).map { "\($0.location)" } == ["errors/list.yaml:2:11", "errors/list.yaml:2:11"])
        #expect(found.first?.notes.first?.message == "'rate_limited' defined here")
    }

    @Test func aCollisionAcrossFilesIsReportedInLoadOrder() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error("smtp.mailbox_full"),
            "errors/b.yaml": TemporaryCatalog.error("smtp_mailbox_full"),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["errors/b.yaml:1:7 [\(Self.rule)]"])
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/a.yaml:1:7"])
    }

    @Test func codesBeyondASCIIFoldByCaseToo() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error("größe_überschritten"),
            "errors/b.yaml": TemporaryCatalog.error("GRÖSSE.ÜBERSCHRITTEN"),
            "errors/c.yaml": TemporaryCatalog.error("Größe.Überschritten"),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["errors/c.yaml:1:7 [\(Self.rule)]"], "ß is not SS: only c folds to a's form")
    }

    /// A generated SDK would number the later one (`A_B_2`), which adding a code could shift.
    @Test(arguments: [("a_b", "a__b", "A_B", "TypeScript and Python"), ("info", "info_", "INFO", "TypeScript and Python"),
                      ("x1", "x_1", "x1", "Swift"), ("api_x", "a_p_i_x", "ErrorCodeAPIX", "Go")])
    func codesThatGetTheSameSDKNameCollide(first: String, second: String, name: String, language: String) throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error(first),
            "errors/b.yaml": TemporaryCatalog.error(second),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["errors/b.yaml:1:7 [\(Self.rule)]"])
        #expect(found.first?.message == "code '\(second)' collides with '\(first)': both are named \(name) in the \(language) SDK")
    }

    @Test func identicalCodesAreLeftToDuplicateCode() throws {
        let diagnostics = try lint([
            "errors/a.yaml": TemporaryCatalog.error(),
            "errors/b.yaml": TemporaryCatalog.error(),
        ])
        #expect(diagnostics.with(rule: Self.rule).isEmpty)
        #expect(diagnostics.with(rule: "duplicate-code").count == 1)
    }

    @Test func distinctCodesPass() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error("rate_limited"),
            "errors/b.yaml": TemporaryCatalog.error("legacy.rate_limited"),
            "errors/c.yaml": TemporaryCatalog.error("rate_limited_v2"),
        ]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }
}
