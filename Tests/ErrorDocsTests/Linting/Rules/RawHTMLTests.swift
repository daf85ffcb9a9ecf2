import ErrorDocsModel
import Testing

@Suite struct RawHTMLTests {
    static let rule = "raw-html"
    static let meaning = "meaning: The body is not what the endpoint expects."

    /// The new-user review's case: the page shows `(not delivered)` without the emphasis.
    @Test func boldTagsInAOneLineMeaningAreReportedOnceAtTheOpeningTag() throws {
        // `meaning: ` puts the text at column 10 of line 6; `<b>` is its 18th character.
        let file = TemporaryCatalog.error(replacing: Self.meaning, with: "meaning: The message was (<b>not</b> delivered).")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:6:27 [\(Self.rule)]"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message
            == "raw HTML '<b>' in 'bad_request' meaning is left out of the pages; write **…** instead")
    }

    /// cmark does not count the indent it strips from a paragraph's continuation line, nor the
    /// line break after a backslash; the reported positions are where the tags are.
    @Test func tagsOnLaterLinesOfABlockScalarAreReportedWhereTheyAre() throws {
        let meaning = #"""
            meaning: |
              First line, then
                 an <em>indented</em> continuation, a hard break \
              <code>x</code> and Café <a href="https://a.example">a link</a>.
            """#
        let file = TemporaryCatalog.error(replacing: Self.meaning, with: meaning)
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:8:9 [\(Self.rule)]", "errors/x.yaml:9:3 [\(Self.rule)]",
                                    "errors/x.yaml:9:27 [\(Self.rule)]"])
        #expect(found.map(\.message) == [
            "raw HTML '<em>' in 'bad_request' meaning is left out of the pages; write *…* instead",
            "raw HTML '<code>' in 'bad_request' meaning is left out of the pages; write `…` instead",
            "raw HTML '<a href=\"https://a.example\">' in 'bad_request' meaning is left out of the pages; "
                + "write a Markdown link, [text](url), instead",
        ])
    }

    @Test(arguments: [
        ("<strong>x</strong>", "; write **…** instead"),
        ("<i>x</i>", "; write *…* instead"),
        ("x<br>y", "; end the line with a backslash for a line break instead"),
        ("<BR/>", "; end the line with a backslash for a line break instead"),
        ("<span class=\"k\">x</span>", ""),
        ("<a name=\"top\">x</a>", ""),
        ("x</b>", ""),
    ])
    func eachTagGetsItsMarkdownEquivalentWhenThereIsAnObviousOne(html: String, suggestion: String) throws {
        let file = TemporaryCatalog.error(replacing: "  - A field is missing.", with: "  - 'A field \(html) is missing.'")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        let tag = String(html[html.firstIndex(of: "<")!...].prefix { $0 != ">" }) + ">"
        #expect(found.map(\.message) == ["raw HTML '\(tag)' in 'bad_request' causes item is left out of the pages\(suggestion)"])
        #expect(found.positions == ["errors/x.yaml:8:\(14 + html.distance(from: html.startIndex, to: html.firstIndex(of: "<")!)) [\(Self.rule)]"])
    }

    /// Autolinks are links, and HTML in code is code: cmark keeps both, so they are not reported.
    /// HTML comments are left out, as comments should be.
    @Test func autolinksCodeSpansCodeBlocksAndCommentsPass() throws {
        let meaning = """
            meaning: |
              Send `Authorization: Bearer <token>` to <https://api.example.com> or
              <support@example.com>; a < b and a<b are text. <!-- a note for authors -->

              ```html
              <b>not</b>
              ```

                  <div>indented code</div>
            """
        let file = TemporaryCatalog.error(replacing: Self.meaning, with: meaning)
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func anHTMLBlockInAGuideIsReportedOnceAtItsFirstLine() throws {
        let guide = """
            # Status

            Some text.

            <details>
            <summary>More</summary>
            Hidden.
            </details>

            """
        let found = try lint(["guides/status.md": guide, "errors/x.yaml": TemporaryCatalog.error()]).with(rule: Self.rule)
        #expect(found.positions == ["guides/status.md:5:1 [\(Self.rule)]"])
        #expect(found.first?.message == "HTML block '<details>' in guide 'status' is left out of the pages")
    }

    @Test func aLineBreakTagInAFamilyHandlingIsReportedInCatalogYAML() throws {
        // `    handling: ` puts the value at column 15 of line 25.
        let settings = TemporaryCatalog.settings(replacing: "handling: Fix the request.", with: "handling: Fix the request.<br>Then retry.")
        let found = try lint(["catalog.yaml": settings, "errors/x.yaml": TemporaryCatalog.error()]).with(rule: Self.rule)
        #expect(found.positions == ["catalog.yaml:25:31 [\(Self.rule)]"])
        #expect(found.first?.message.hasPrefix("raw HTML '<br>' in family 'validation' handling is left out of the pages") == true)
    }

    /// Raw HTML is found in the same parse as links, which runs also when no link rule does.
    @Test func rawHTMLIsReportedWithTheLinkRulesDisabledAndNotWhenItIsDisabled() throws {
        let file = TemporaryCatalog.error(replacing: Self.meaning, with: "meaning: Not <b>sent</b>; see [x](http://x.example).")
        let withoutLinkRules = try lint([
            "catalog.yaml": TemporaryCatalog.settings + "\nlint:\n  disable: [internal-link, external-link-https]",
            "errors/x.yaml": file,
        ])
        #expect(withoutLinkRules.positions == ["errors/x.yaml:6:14 [\(Self.rule)]"])
        let disabled = try lint([
            "catalog.yaml": TemporaryCatalog.settings + "\nlint:\n  disable: [raw-html]",
            "errors/x.yaml": file,
        ])
        #expect(disabled.positions == ["errors/x.yaml:6:31 [external-link-https]"])
    }
}
