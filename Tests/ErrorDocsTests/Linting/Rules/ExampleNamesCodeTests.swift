import ErrorDocsModel
import Testing

@Suite struct ExampleNamesCodeTests {
    @Test func anExampleCarryingAnotherCodeIsReportedAtThatValue() throws {
        let file = TemporaryCatalog.error(replacing: "    error: bad_request", with: "    error: other_error")
        let found = try lint(["errors/x.yaml": file]).with(rule: "example-names-code")
        #expect(found.positions == ["errors/x.yaml:12:12 [example-names-code]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "example body's 'error' is 'other_error' but the error's code is 'bad_request'")
    }

    @Test func anExampleWithoutTheCodeFieldIsReportedAtTheBody() throws {
        let file = TemporaryCatalog.error(replacing: "    error: bad_request\n", with: "")
        let found = try lint(["errors/x.yaml": file]).with(rule: "example-names-code")
        #expect(found.positions == ["errors/x.yaml:12:5 [example-names-code]"])
        #expect(found.first?.message.contains("must have 'error': bad_request") == true)
    }

    @Test func aCodeFieldThatIsNotTextIsReported() throws {
        let file = TemporaryCatalog.error(replacing: "    error: bad_request", with: "    error: 400")
        let found = try lint(["errors/x.yaml": file]).with(rule: "example-names-code")
        #expect(found.positions == ["errors/x.yaml:12:12 [example-names-code]"])
    }

    @Test func anExampleCarryingItsOwnCodePasses() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error()]).with(rule: "example-names-code")
        #expect(found.isEmpty)
    }

    @Test func anEnvelopeWithoutCodeFieldIsNotChecked() throws {
        let settings = TemporaryCatalog.settings(replacing: "    code_field: error\n", with: "")
        let file = TemporaryCatalog.error(replacing: "    error: bad_request", with: "    error: other_error")
        let found = try lint(["catalog.yaml": settings, "errors/x.yaml": file]).with(rule: "example-names-code")
        #expect(found.isEmpty)
    }
}
