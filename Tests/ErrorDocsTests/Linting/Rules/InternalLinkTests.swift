import ErrorDocsModel
import Testing

@Suite struct InternalLinkTests {
    static let rule = "internal-link"

    @Test func aLinkToAMissingErrorOnTheThirdLineOfABlockScalarIsReportedAtTheLink() throws {
        // meaning: | is line 6; its text's third line is line 9, indented by two spaces.
        let file = TemporaryCatalog.error(replacing: "meaning: The body is not what the endpoint expects.", with: """
            meaning: |
              First line.
              Second line.
              See [the quota](errors/no_such_code) for details.
            """)
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:9:7 [\(Self.rule)]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message
            == "link 'errors/no_such_code' in 'bad_request' meaning points at error 'no_such_code', which is not defined in the catalog")
        #expect(found.first?.notes.isEmpty == true)
    }

    @Test func aLinkToAMissingGuideInASingleLineQuotedStringIsReportedAfterTheQuote() throws {
        // Line 8 is `  - "Read [...`: the quote is at column 5, the link at column 11.
        let file = TemporaryCatalog.error(
            replacing: "  - A field is missing.", with: "  - \"Read [the guide](guides/missing) first.\"")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:8:11 [\(Self.rule)]"])
        #expect(found.first?.message
            == "link 'guides/missing' in 'bad_request' causes item points at guide 'missing', but there is no guides/missing.md")
    }

    @Test func aLinkInAGuideThatIsNotAPageFormIsReportedInTheGuideWithTheAcceptedForms() throws {
        let guide = """
            # Retrying

            Intro paragraph.

            Read [the playbook](status-code) before retrying.

            """
        let found = try lint(["guides/retrying.md": guide, "errors/x.yaml": TemporaryCatalog.error()]).with(rule: Self.rule)
        #expect(found.positions == ["guides/retrying.md:5:6 [\(Self.rule)]"])
        let message = try #require(found.first?.message)
        #expect(message.hasPrefix("link 'status-code' in guide 'retrying' is not a page of this site"))
        #expect(message.contains("errors/<code>, families/<id>, guides/<slug>, status-codes, retries or index"))
    }

    @Test func aLinkToAnUnlistedFamilyInCatalogYAMLIsReported() throws {
        // `    handling: ` puts the value at column 15 of line 25; the link starts at its fifth character.
        let settings = TemporaryCatalog.settings(
            replacing: "handling: Fix the request.", with: "handling: See [server errors](families/servers).")
        let found = try lint(["catalog.yaml": settings, "errors/x.yaml": TemporaryCatalog.error()]).with(rule: Self.rule)
        #expect(found.positions == ["catalog.yaml:25:19 [\(Self.rule)]"])
        #expect(found.first?.message
            == "link 'families/servers' in family 'validation' handling points at family 'servers', which catalog.yaml does not list")
    }

    @Test(arguments: ["../bad_request", "errors/", "errors/a/b", "foo/bar", "bad_request", "index.html", ""])
    func relativeDestinationsOutsideTheAcceptedFormsAreReported(destination: String) throws {
        // `details: "` puts the text at column 11 of line 16; the link starts at its fifth character.
        let file = TemporaryCatalog.error(extra: "details: \"See [this](\(destination)).\"")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:16:15 [\(Self.rule)]"])
        #expect(found.first?.message.contains("is not a page of this site; internal links take one of the forms") == true)
    }

    @Test func imagesWithARelativePathAreCheckedToo() throws {
        let file = TemporaryCatalog.error(extra: "details: \"![diagram](images/flow.png)\"")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:16:11 [\(Self.rule)]"])
        #expect(found.first?.message.hasPrefix("image 'images/flow.png' in 'bad_request' details") == true)
    }

    @Test func everyMarkdownFieldOfAnErrorIsChecked() throws {
        let extra = """
            details: "[a](nowhere/details)"
            prevention:
              - "[b](nowhere/prevention)"
            recovery:
              - language: python
                code: pass
                description: "[c](nowhere/recovery)"
            headers:
              - {name: X-Test, description: "[d](nowhere/header)"}
            deprecated: {since: "1.0.0", note: "[e](nowhere/note)"}
            """
        let file = TemporaryCatalog.error(extra: extra)
            .replacingOccurrences(of: "  - Fix the body.", with: "  - \"[f](nowhere/quick_fix)\"")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == [
            "errors/x.yaml:15:6 [\(Self.rule)]", "errors/x.yaml:16:11 [\(Self.rule)]", "errors/x.yaml:18:6 [\(Self.rule)]",
            "errors/x.yaml:22:19 [\(Self.rule)]", "errors/x.yaml:24:34 [\(Self.rule)]", "errors/x.yaml:25:37 [\(Self.rule)]",
        ])
    }

    @Test func everyAcceptedFormThatResolvesPasses() throws {
        let meaning = """
            meaning: |
              [a](errors/bad_request) [b](errors/bad_request/) [c](errors/bad_request#recovery)
              [d](errors/bad_request/#recovery) [e](families/validation) [f](guides/retrying/)
              [g](status-codes) [h](retries#backoff) [i](index) [j](errors/other.code)
              Not internal: [k](https://example.com/x) [l](/absolute) [m](#section) [n](mailto:a@example.com)
            """
        let guide = "# Retrying\n\nSee [the error](errors/bad_request) and [the family](families/server).\n"
        let found = try lint([
            "errors/x.yaml": TemporaryCatalog.error(replacing: "meaning: The body is not what the endpoint expects.", with: meaning),
            "errors/y.yaml": TemporaryCatalog.error("other.code"),
            "guides/retrying.md": guide,
        ]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }
}
