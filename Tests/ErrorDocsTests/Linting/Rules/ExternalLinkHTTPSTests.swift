import ErrorDocsModel
import Testing

@Suite struct ExternalLinkHTTPSTests {
    static let rule = "external-link-https"

    @Test func anHTTPLinkOnTheThirdLineOfABlockScalarIsReportedAtTheLink() throws {
        // meaning: | is line 6; its text's third line is line 9, indented by two spaces.
        let file = TemporaryCatalog.error(replacing: "meaning: The body is not what the endpoint expects.", with: """
            meaning: |
              First line.
              Second line.
              Check the [status page](http://status.example.com) first.
            """)
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:9:13 [\(Self.rule)]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message
            == "link 'http://status.example.com' in 'bad_request' meaning uses http; write it as an https:// URL")
        #expect(found.first?.notes.isEmpty == true)
    }

    @Test func anFTPLinkInASingleLineQuotedStringIsReportedAfterTheQuote() throws {
        // Line 8 is `  - 'Get [the list](ftp://...`: the quote is at column 5, the link at column 10.
        let file = TemporaryCatalog.error(
            replacing: "  - A field is missing.", with: "  - 'Get [the list](ftp://files.example.com/errors.txt).'")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:8:10 [\(Self.rule)]"])
        #expect(found.first?.message
            == "link 'ftp://files.example.com/errors.txt' in 'bad_request' causes item uses the 'ftp:' scheme; external links must be https:// URLs (or mailto:)")
    }

    /// `/errors/foo` works only at the host's root and never from file://; the message names
    /// the site-relative form when the rest is one.
    @Test func aRootRelativeLinkIsReportedWithTheSiteRelativeForm() throws {
        let file = TemporaryCatalog.error(
            replacing: "  - A field is missing.", with: "  - See [x](/errors/bad_request#causes) and [p](/pricing).")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:8:9 [\(Self.rule)]", "errors/x.yaml:8:45 [\(Self.rule)]"])
        #expect(found.first?.message == "link '/errors/bad_request#causes' in 'bad_request' causes item is root-relative, so it breaks "
                + "from file:// and when base_url has a path; write a page of this site relative to the site root "
                + "('errors/bad_request#causes') and any other page as an absolute https:// URL")
        #expect(found.last?.message.contains("relative to the site root (errors/<code>)") == true)
        let asInternal = try lint(["errors/x.yaml": file]).with(rule: "internal-link")
        #expect(asInternal.isEmpty, "reported once, by this rule")
    }

    @Test func aProtocolRelativeLinkInAGuideIsReported() throws {
        let guide = """
            # Status

            Our status page:
            see [it](//status.example.com/now).

            """
        let found = try lint(["guides/status.md": guide, "errors/x.yaml": TemporaryCatalog.error()]).with(rule: Self.rule)
        #expect(found.positions == ["guides/status.md:4:5 [\(Self.rule)]"])
        #expect(found.first?.message
            == "link '//status.example.com/now' in guide 'status' is protocol-relative; write it as an absolute https:// URL")
    }

    @Test func anAutolinkWithHTTPInAnEnvelopeDescriptionIsReported() throws {
        // `    description: ` puts the value at column 18 of line 9; the autolink starts at its fifth character.
        let settings = TemporaryCatalog.settings(
            replacing: "description: The error body.", with: "description: See <http://schemas.example.com/error>.")
        let found = try lint(["catalog.yaml": settings, "errors/x.yaml": TemporaryCatalog.error()]).with(rule: Self.rule)
        #expect(found.positions == ["catalog.yaml:9:22 [\(Self.rule)]"])
        #expect(found.first?.message.hasPrefix("link 'http://schemas.example.com/error' in envelope 'standard' description") == true)
    }

    @Test(arguments: ["http://example.com", "HTTP://example.com", "ftp://example.com/x", "javascript:alert(1)", "https:///no-host", "data:text/plain,hi", "file:///etc/passwd"])
    func nonHTTPSDestinationsAreReported(destination: String) throws {
        // `details: "` puts the text at column 11 of line 16; the link starts at its fifth character.
        let file = TemporaryCatalog.error(extra: "details: \"See [this](\(destination)).\"")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:16:15 [\(Self.rule)]"])
    }

    @Test func httpsLinksMailtoLinksAndInternalLinksPass() throws {
        let meaning = """
            meaning: |
              See the [status page](https://status.example.com/incidents?x=1#now), write to
              [support](mailto:support@example.com), read <https://docs.example.com> or
              ![a chart](https://cdn.example.com/chart.png). Also [the error](errors/bad_request)
              and [a section](#details).
            """
        let found = try lint([
            "errors/x.yaml": TemporaryCatalog.error(replacing: "meaning: The body is not what the endpoint expects.", with: meaning),
        ]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }
}
