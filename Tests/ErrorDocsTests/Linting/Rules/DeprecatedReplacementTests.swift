import ErrorDocsModel
import Testing

@Suite struct DeprecatedReplacementTests {
    static let rule = "deprecated-replacement"

    @Test func aReplacementThatIsDeprecatedTooIsReportedWithANoteAtItsDeprecation() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error(
                "quota_exceeded", extra: "deprecated: {since: \"1.2.0\", replaced_by: daily_limit_reached}"),
            "errors/b.yaml": TemporaryCatalog.error(
                "daily_limit_reached", extra: "deprecated: {since: \"1.3.0\", replaced_by: daily_quota_exceeded}"),
            "errors/c.yaml": TemporaryCatalog.error("daily_quota_exceeded"),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["errors/a.yaml:16:43 [\(Self.rule)]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message
            == "replacement 'daily_limit_reached' is deprecated too; name the error that replaces it instead")
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/b.yaml:16:13"])
        #expect(found.first?.notes.first?.message == "'daily_limit_reached' deprecated here")
    }

    @Test func anErrorReplacedByItselfIsReportedAtReplacedBy() throws {
        let file = TemporaryCatalog.error("old_code", extra: "deprecated:\n  since: \"1.0.0\"\n  replaced_by: old_code")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:18:16 [\(Self.rule)]"])
        #expect(found.first?.message == "'old_code' cannot be replaced by itself")
        #expect(found.first?.notes.isEmpty == true)
    }

    @Test func aMissingReplacementIsLeftToUnresolvedReference() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "deprecated: {replaced_by: nothing_here}")])
        #expect(diagnostics.with(rule: Self.rule).isEmpty)
        #expect(diagnostics.with(rule: "unresolved-reference").positions == ["errors/x.yaml:16:27 [unresolved-reference]"])
    }

    @Test func aCurrentReplacementPasses() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error(
                "quota_exceeded", extra: "deprecated: {since: \"1.2.0\", replaced_by: daily_quota_exceeded}"),
            "errors/c.yaml": TemporaryCatalog.error("daily_quota_exceeded"),
        ]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }
}
