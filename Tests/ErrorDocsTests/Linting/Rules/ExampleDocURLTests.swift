import ErrorDocsModel
import Testing

@Suite struct ExampleDocURLTests {
    static let rule = "example-doc-url"

    static func body(docURL: String) -> String {
        TemporaryCatalog.error(
            replacing: "    message: Something is wrong.", with: "    message: Something is wrong.\n    doc_url: \(docURL)")
    }

    @Test func aBodyWithAnotherErrorsURLIsReportedAtTheValue() throws {
        let found = try lint([
            "catalog.yaml": TemporaryCatalog.settingsWithDocURLField,
            "errors/x.yaml": Self.body(docURL: "https://docs.test.example/errors/other_error"),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:14:14 [\(Self.rule)]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message
            == "example body's 'doc_url' is 'https://docs.test.example/errors/other_error' but the error's documentation URL is 'https://docs.test.example/errors/bad_request'")
        #expect(found.first?.notes.isEmpty == true)
    }

    @Test func aCatalogDocURLWithoutCodeLeavesTheExamplesToCatalogURLs() throws {
        let found = try lint([
            "catalog.yaml": TemporaryCatalog.settingsWithDocURLField.replacingOccurrences(of: "errors/{code}", with: "errors/"),
            "errors/x.yaml": Self.body(docURL: "https://docs.test.example/errors/other_error"),
        ])
        #expect(found.with(rule: Self.rule).isEmpty)
        #expect(found.with(rule: "catalog-urls").count == 1)
    }

    @Test func aBodyWithoutTheFieldIsReportedAtTheBody() throws {
        let found = try lint([
            "catalog.yaml": TemporaryCatalog.settingsWithDocURLField,
            "errors/x.yaml": TemporaryCatalog.error(),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:12:5 [\(Self.rule)]"])
        #expect(found.first?.message
            == "example body must have 'doc_url': https://docs.test.example/errors/bad_request (envelope 'standard' carries the documentation URL there)")
    }

    @Test func aValueThatIsNotTextIsReportedAtTheValue() throws {
        let found = try lint([
            "catalog.yaml": TemporaryCatalog.settingsWithDocURLField,
            "errors/x.yaml": Self.body(docURL: "42"),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:14:14 [\(Self.rule)]"])
        #expect(found.first?.message.hasPrefix("example body must have 'doc_url'") == true)
    }

    @Test func theErrorsOwnURLPasses() throws {
        let found = try lint([
            "catalog.yaml": TemporaryCatalog.settingsWithDocURLField,
            "errors/x.yaml": Self.body(docURL: "https://docs.test.example/errors/bad_request"),
        ]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func anEnvelopeWithoutDocURLFieldNeedsNoURL() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error()]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }
}
