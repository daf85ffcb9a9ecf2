import ErrorDocsModel
import Testing

@Suite struct ExampleStatusMatchesTests {
    @Test func anExampleWithAnotherStatusIsReportedAtTheExampleStatus() throws {
        let file = TemporaryCatalog.error(replacing: "example:\n  status: 400", with: "example:\n  status: 422")
        let found = try lint(["errors/x.yaml": file]).with(rule: "example-status-matches")
        #expect(found.positions == ["errors/x.yaml:10:11 [example-status-matches]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "example status 422 differs from the error's status 400")
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/x.yaml:3:9"])
    }

    @Test func anExampleWithTheErrorsStatusPasses() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(status: 422)]).with(rule: "example-status-matches")
        #expect(found.isEmpty)
    }
}
