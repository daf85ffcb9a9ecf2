@testable import ErrorDocs
import Testing

@Suite struct CommonMarkTests {
    @Test func rawHTMLAndScriptLinksAreNeutralised() {
        let html = CommonMark.html("<script>alert(1)</script>\n\n[click](javascript:alert(1)) <b onclick=x>bold</b>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("<a href=\"\">click</a>"))
    }

    @Test func linksAreFoundWithTheirLineAndColumn() {
        let markdown = "First line with [a link](https://a.example).\nSecond line, ![an image](pic.png) and\n<https://auto.example>\n"
        let links = CommonMark.links(in: markdown)
        #expect(links == [
            .init(destination: "https://a.example", isImage: false, line: 1, column: 17),
            .init(destination: "pic.png", isImage: true, line: 2, column: 14),
            .init(destination: "https://auto.example", isImage: false, line: 3, column: 1),
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        let links = CommonMark.links(in: "Café — voir [ici](https://x.example)")
        #expect(links.map(\.column) == [13])
    }

    @Test func aLinkInsideAListItemKeepsItsPosition() {
        let links = CommonMark.links(in: "- one\n- two [x](errors/rate_limited)\n")
        #expect(links.map { "\($0.line):\($0.column)" } == ["2:7"])
    }

    /// Text without "[" or "<" is not parsed for links: every kind of link has one of them.
    @Test func everyKindOfLinkIsFoundAndPlainTextHasNone() {
        #expect(CommonMark.links(in: "See [the guide][g].\n\n[g]: https://g.example\n").map(\.destination) == ["https://g.example"])
        #expect(CommonMark.links(in: "![](a.png) <mailto:a@b.example>").map(\.destination) == ["a.png", "mailto:a@b.example"])
        #expect(CommonMark.links(in: "Bare https://x.example and *emphasis*, `code`, &#91;x&#93;(y).").isEmpty)
    }

    /// Raw HTML as cmark parses it, at the line and column (in characters) of its `<`, even
    /// where cmark's own position is off: after a continuation line's stripped indent and after
    /// a backslash hard break.
    @Test func rawHTMLIsFoundWhereItStartsAndCodeAndAutolinksAreNot() {
        let markdown = "Café <b>x</b> `<i>` <https://a.example>\n   <em>y</em> \\\n<br>\n\n  <div>\n  z\n  </div>\n\n```\n<p>\n```\n"
        let found = CommonMark.contents(of: markdown)
        #expect(found.rawHTML.map { "\($0.line):\($0.column) \($0.isBlock ? "block" : "inline") \($0.html)" } == [
            "1:6 inline <b>", "1:10 inline </b>", "2:4 inline <em>", "2:9 inline </em>", "3:1 inline <br>",
            "5:3 block <div>\n  z\n  </div>",
        ])
        #expect(found.links.map { "\($0.line):\($0.column)" } == ["1:21"])
        #expect(CommonMark.contents(of: "<b>x</b>, <b>y</b>").rawHTML.map(\.column) == [1, 5, 11, 15])
    }

    @Test func emptyMarkdownRendersAsNothing() {
        #expect(CommonMark.html("") == "")
        #expect(CommonMark.links(in: "").isEmpty)
    }

    /// The Markdown twins get what safe mode leaves of the HTML: no raw HTML, no script links.
    @Test func theMarkdownTwinLosesRawHTMLAndScriptLinks() {
        let hostile = "Send *one* <img src=x onerror=\"a()\"> request.\n\n<script>\nalert(1)\n</script>\n\n[x](javascript:alert(1)) ![p](data:image/png;base64,AA)\n"
        let twin = CommonMark.withoutRawHTML(hostile)
        #expect(!twin.contains("<img") && !twin.contains("<script") && !twin.contains("javascript:"), "\(twin)")
        #expect(twin.contains("Send *one*") && twin.contains("data:image/png;base64,AA"), "\(twin)")
        let plain = "Use `<b>` in code, [a link](errors/rate_limited), & *emphasis*.\n"
        #expect(CommonMark.withoutRawHTML(plain) == plain, "Markdown without raw HTML stays as written")
    }

    @Test func aCodeBlockLeftOpenAtTheEndIsClosed() {
        #expect(CommonMark.closingOpenFence("Text:\n\n```json\n{}\n") == "Text:\n\n```json\n{}\n```")
        #expect(CommonMark.closingOpenFence("~~~~\ncode") == "~~~~\ncode\n~~~~")
        #expect(CommonMark.closingOpenFence("````\n```\nstill code") == "````\n```\nstill code\n````", "a shorter fence does not close it")
    }

    @Test func aClosedOrIndentedCodeBlockIsLeftAsItIs() {
        for markdown in ["```\ncode\n```", "```\ncode\n```\n\nAfter.", "    indented ```", "- item\n\n  ```\n  open in a list item",
                         "> ```\n> open in a quote", "No code at all."] {
            #expect(CommonMark.closingOpenFence(markdown) == markdown, "\(markdown)")
        }
    }
}
