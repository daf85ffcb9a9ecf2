import ErrorDocs
import ErrorDocsModel
import Testing

@Suite struct RequiredFieldTests {
    @Test func aCompleteErrorHasNoMissingFields() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error()])
        #expect(diagnostics.with(rule: "required-field").isEmpty)
    }

    @Test func anErrorWithoutMeaningIsReportedAtTheStartOfItsMapping() throws {
        let file = TemporaryCatalog.error(replacing: "meaning: The body is not what the endpoint expects.\n", with: "")
        let found = try lint(["errors/x.yaml": file]).with(rule: "required-field")
        #expect(found.positions == ["errors/x.yaml:1:1 [required-field]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "error 'bad_request' is missing required key 'meaning'")
    }

    @Test func aResponseErrorNeedsStatusAndExample() throws {
        let file = """
            title: No code
            family: validation
            summary: Summary.
            meaning: Meaning.
            causes: [A cause.]
            quick_fix: [A fix.]
            """
        let found = try lint(["errors/x.yaml": file]).with(rule: "required-field")
        #expect(found.positions == Array(repeating: "errors/x.yaml:1:1 [required-field]", count: 3))
        #expect(found.map(\.message).sorted() == [
            "error definition is missing required key 'code'",
            "error definition is missing required key 'example'",
            "error definition is missing required key 'status'",
        ])
    }

    @Test func anSMTPErrorNeedsSMTPButNotStatusOrExample() throws {
        let file = """
            code: smtp.rejected
            title: Rejected
            surface: smtp
            family: validation
            summary: Summary.
            meaning: Meaning.
            causes: [A cause.]
            quick_fix: [A fix.]
            """
        let found = try lint(["errors/x.yaml": file]).with(rule: "required-field")
        #expect(found.positions == ["errors/x.yaml:1:1 [required-field]"])
        #expect(found.first?.message.hasSuffix("missing required key 'smtp'") == true)
    }

    @Test func anEventErrorNeedsItsEventName() throws {
        let file = """
            code: message.dropped
            title: Dropped
            surface: event
            family: server
            summary: Summary.
            meaning: Meaning.
            causes: [A cause.]
            quick_fix: [A fix.]
            """
        let found = try lint(["errors/x.yaml": file]).with(rule: "required-field")
        #expect(found.map(\.message) == ["error 'message.dropped' is missing required key 'event'"])
    }

    /// The rule's documentation once said an error needs "at least one of `causes` and
    /// `quick_fix`"; each is required.
    @Test func causesAndQuickFixAreEachRequiredAsTheDocumentationSays() throws {
        let withoutCauses = TemporaryCatalog.error(replacing: "causes:\n  - A field is missing.\n", with: "")
        let withoutFix = TemporaryCatalog.error(replacing: "quick_fix:\n  - Fix the body.", with: "")
        #expect(try lint(["errors/x.yaml": withoutCauses]).with(rule: "required-field").map(\.message)
            == ["error 'bad_request' is missing required key 'causes'"])
        #expect(try lint(["errors/x.yaml": withoutFix]).with(rule: "required-field").map(\.message)
            == ["error 'bad_request' is missing required key 'quick_fix'"])
        let documentation = try #require(RuleDocumentation.named("required-field")).explanation
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(!documentation.contains("at least one of"), "\(documentation)")
        #expect(documentation.contains("`causes` and `quick_fix` (each list with at least one item)"), "\(documentation)")
    }

    @Test func anEmptyCausesListIsReported() throws {
        let file = TemporaryCatalog.error(replacing: "causes:\n  - A field is missing.", with: "causes: []")
        let found = try lint(["errors/x.yaml": file]).with(rule: "required-field")
        #expect(found.positions == ["errors/x.yaml:1:1 [required-field]"])
        #expect(found.first?.message == "error 'bad_request' needs at least one item in 'causes'")
    }

    @Test func aRecoveryEntryWithoutCodeIsReportedAtTheEntry() throws {
        let file = TemporaryCatalog.error(extra: "recovery:\n  - language: python\n    title: Retry")
        let found = try lint(["errors/x.yaml": file]).with(rule: "required-field")
        #expect(found.positions == ["errors/x.yaml:17:5 [required-field]"])
        #expect(found.first?.message.hasSuffix("missing required key 'code'") == true)
    }

    @Test func catalogYAMLWithoutDocURLIsReportedAtItsFirstLine() throws {
        let settings = TemporaryCatalog.settings(replacing: "doc_url: https://docs.test.example/errors/{code}\n", with: "")
        let found = try lint(["catalog.yaml": settings]).with(rule: "required-field")
        #expect(found.positions == ["catalog.yaml:1:1 [required-field]"])
        #expect(found.first?.message == "catalog.yaml is missing required key 'doc_url'")
    }

    @Test func aFamilyWithoutHandlingIsReportedAtTheFamily() throws {
        let settings = TemporaryCatalog.settings(replacing: "    handling: Fix the request.\n", with: "")
        let found = try lint(["catalog.yaml": settings]).with(rule: "required-field")
        #expect(found.positions == ["catalog.yaml:22:5 [required-field]"])
        #expect(found.first?.message == "family 'validation' is missing required key 'handling'")
    }

    @Test func anEnvelopeWithoutDescriptionIsReportedAtTheEnvelope() throws {
        let settings = TemporaryCatalog.settings(replacing: "    description: The error body.\n", with: "")
        let found = try lint(["catalog.yaml": settings]).with(rule: "required-field")
        #expect(found.positions == ["catalog.yaml:8:5 [required-field]"])
        #expect(found.first?.message == "envelope 'standard' is missing required key 'description'")
    }
}
