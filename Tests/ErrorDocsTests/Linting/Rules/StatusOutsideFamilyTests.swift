import ErrorDocsModel
import Testing

@Suite struct StatusOutsideFamilyTests {
    @Test func aStatusTheFamilyDoesNotListIsAWarningAtTheStatus() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(status: 503)]).with(rule: "status-outside-family")
        #expect(found.positions == ["errors/x.yaml:3:9 [status-outside-family]"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "status 503 is not one of family 'validation' statuses (400, 422)")
    }

    @Test func aStatusTheFamilyListsPasses() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(status: 422)]).with(rule: "status-outside-family")
        #expect(found.isEmpty)
    }

    @Test func aFamilyWithoutStatusesAcceptsAnyStatus() throws {
        let settings = TemporaryCatalog.settings(replacing: "    statuses: [400, 422]\n", with: "")
        let found = try lint([
            "catalog.yaml": settings,
            "errors/x.yaml": TemporaryCatalog.error(status: 418),
        ]).with(rule: "status-outside-family")
        #expect(found.isEmpty)
    }

    @Test func anErrorInAnUnknownFamilyIsLeftToTheUnknownFamilyRule() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(status: 503, family: "billing")])
            .with(rule: "status-outside-family")
        #expect(found.isEmpty)
    }
}
