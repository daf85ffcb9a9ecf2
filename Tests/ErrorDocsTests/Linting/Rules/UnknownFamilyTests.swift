import ErrorDocsModel
import Testing

@Suite struct UnknownFamilyTests {
    @Test func anErrorNamingAnUndefinedFamilyIsReportedAtTheFamily() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(family: "billing")]).with(rule: "unknown-family")
        #expect(found.positions == ["errors/x.yaml:4:9 [unknown-family]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "unknown family 'billing'; catalog.yaml defines: validation, rate_limit, server")
    }

    @Test func aMisspeltFamilyGetsTheNearestDefinedOneSuggested() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(status: 429, family: "rate_limits")]).with(rule: "unknown-family")
        #expect(found.first?.message
            == "unknown family 'rate_limits'; catalog.yaml defines: validation, rate_limit, server; did you mean 'rate_limit'?")
    }

    @Test func errorsInDefinedFamiliesPass() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error("a_error"),
            "errors/b.yaml": TemporaryCatalog.error("b_error", status: 503, family: "server"),
        ]).with(rule: "unknown-family")
        #expect(found.isEmpty)
    }
}
