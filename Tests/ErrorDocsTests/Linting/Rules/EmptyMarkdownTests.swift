import ErrorDocsModel
import Testing

@Suite struct EmptyMarkdownTests {
    @Test func anEmptyMeaningIsReportedAtTheValue() throws {
        let file = TemporaryCatalog.error(replacing: "meaning: The body is not what the endpoint expects.", with: "meaning: \"\"")
        let found = try lint(["errors/x.yaml": file]).with(rule: "empty-markdown")
        #expect(found.positions == ["errors/x.yaml:6:10 [empty-markdown]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "meaning is empty")
    }

    @Test func aBlankCausesItemIsReportedAtTheItem() throws {
        let file = TemporaryCatalog.error(replacing: "  - A field is missing.", with: "  - A field is missing.\n  - \"   \"")
        let found = try lint(["errors/x.yaml": file]).with(rule: "empty-markdown")
        #expect(found.positions == ["errors/x.yaml:9:5 [empty-markdown]"])
        #expect(found.first?.message == "causes item is empty")
    }

    @Test func aBlankRecoverySnippetIsReported() throws {
        let file = TemporaryCatalog.error(extra: "recovery:\n  - language: python\n    code: \" \"")
        let found = try lint(["errors/x.yaml": file]).with(rule: "empty-markdown")
        #expect(found.positions == ["errors/x.yaml:18:11 [empty-markdown]"])
        #expect(found.first?.message == "recovery code is empty")
    }

    /// Plain-text fields and list items too: each would render as an empty line or table cell.
    @Test func anEmptyScopeEndpointHeaderNameAndDeprecationNoteAreReported() throws {
        let extra = """
            scope: ""
            endpoints: ["", POST /v1/send]
            headers:
              - {name: "", description: Seconds to wait.}
            deprecated: {since: 1.0.0, note: " "}
            """
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: extra)]).with(rule: "empty-markdown")
        #expect(found.map(\.message) == ["scope is empty", "endpoints item is empty", "header name is empty", "deprecation note is empty"])
        #expect(found.positions == ["errors/x.yaml:16:8 [empty-markdown]", "errors/x.yaml:17:13 [empty-markdown]",
                                    "errors/x.yaml:19:12 [empty-markdown]", "errors/x.yaml:20:34 [empty-markdown]"])
    }

    @Test func aBlankFamilyHandlingIsReportedInCatalogYAML() throws {
        let settings = TemporaryCatalog.settings(replacing: "handling: Fix the request.", with: "handling: \" \"")
        let found = try lint(["catalog.yaml": settings]).with(rule: "empty-markdown")
        #expect(found.positions == ["catalog.yaml:25:15 [empty-markdown]"])
    }

    @Test func aGuideWithOnlyATitleIsReportedAtItsSecondLine() throws {
        let found = try lint(["guides/empty.md": "# Empty\n\n   \n"]).with(rule: "empty-markdown")
        #expect(found.positions == ["guides/empty.md:2:1 [empty-markdown]"])
        #expect(found.first?.message == "guide 'empty' is empty")
    }

    @Test func filledFieldsPass() throws {
        let found = try lint([
            "errors/x.yaml": TemporaryCatalog.error(),
            "guides/intro.md": "# Intro\n\nSome text.\n",
        ]).with(rule: "empty-markdown")
        #expect(found.isEmpty)
    }
}
