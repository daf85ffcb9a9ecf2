import ErrorDocsModel
import Testing

@Suite struct StatusRangeTests {
    @Test func anErrorStatusAboveTheRangeIsReportedInTheErrorAndTheExample() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(status: 600)]).with(rule: "status-range")
        #expect(found.positions == ["errors/x.yaml:3:9 [status-range]", "errors/x.yaml:10:11 [status-range]"])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.first?.message == "HTTP status 600 is outside 100–599")
    }

    @Test func anExampleStatusBelowTheRangeIsReported() throws {
        let file = TemporaryCatalog.error(replacing: "example:\n  status: 400", with: "example:\n  status: 99")
        let found = try lint(["errors/x.yaml": file]).with(rule: "status-range")
        #expect(found.positions == ["errors/x.yaml:10:11 [status-range]"])
    }

    @Test func aFamilyStatusOutsideTheRangeIsReportedInCatalogYAML() throws {
        let settings = TemporaryCatalog.settings(replacing: "statuses: [400, 422]", with: "statuses: [99, 400, 422]")
        let found = try lint(["catalog.yaml": settings]).with(rule: "status-range")
        #expect(found.positions == ["catalog.yaml:26:16 [status-range]"])
    }

    @Test(arguments: [100, 599])
    func theBoundariesPass(status: Int) throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(status: status)]).with(rule: "status-range")
        #expect(found.isEmpty)
    }
}
