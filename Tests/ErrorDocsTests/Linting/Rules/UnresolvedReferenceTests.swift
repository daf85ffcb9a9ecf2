import ErrorDocsModel
import Testing

@Suite struct UnresolvedReferenceTests {
    @Test func aRelatedCodeThatIsNotDefinedIsReportedAtTheReference() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "related: [missing_code]")])
            .with(rule: "unresolved-reference")
        #expect(found.positions == ["errors/x.yaml:16:11 [unresolved-reference]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "related code 'missing_code' is not defined in the catalog")
    }

    @Test func anErrorListingItselfAsRelatedIsReported() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "related: [bad_request]")])
            .with(rule: "unresolved-reference")
        #expect(found.positions == ["errors/x.yaml:16:11 [unresolved-reference]"])
        #expect(found.first?.message == "'bad_request' lists itself as related")
    }

    @Test func aReplacementCodeThatIsNotDefinedIsReported() throws {
        let file = TemporaryCatalog.error(extra: "deprecated: {since: 1.0.0, replaced_by: gone}")
        let found = try lint(["errors/x.yaml": file]).with(rule: "unresolved-reference")
        #expect(found.positions == ["errors/x.yaml:16:41 [unresolved-reference]"])
        #expect(found.first?.message == "replacement code 'gone' is not defined in the catalog")
    }

    @Test func referencesToDefinedErrorsInOtherFilesPass() throws {
        let diagnostics = try lint([
            "errors/a.yaml": TemporaryCatalog.error("first_error", extra: "related: [second_error]"),
            "errors/b.yaml": TemporaryCatalog.error(
                "second_error", extra: "related: [first_error]\ndeprecated: {since: 1.0.0, replaced_by: first_error}"),
        ])
        #expect(diagnostics.with(rule: "unresolved-reference").isEmpty)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
