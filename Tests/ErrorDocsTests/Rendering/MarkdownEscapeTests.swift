@testable import ErrorDocs
import Testing

@Suite struct MarkdownEscapeTests {
    @Test func markupCharactersAreEscapedAndTheRestKept() {
        #expect(escapeMarkdownText(#"<img src=x onerror="a()"> & *b* [c](d) `e` ~f~ g|h \ i"#)
            == #"\<img src=x onerror="a()"\> \& \*b\* \[c\](d) \`e\` \~f\~ g\|h \\ i"#)
        #expect(escapeMarkdownText("Rate limit exceeded (429), retry in 2.5 s!") == "Rate limit exceeded (429), retry in 2.5 s!")
        #expect(escapeMarkdownText("") == "")
    }

    @Test func anUnderscoreInsideAWordStaysReadable() {
        #expect(escapeMarkdownText("rate_limited and smtp.user_unknown") == "rate_limited and smtp.user_unknown")
        #expect(escapeMarkdownText("_x_ and key_... and __init__") == #"\_x\_ and key\_... and \_\_init\_\_"#)
    }

    @Test func nothingCanStartABlock() {
        #expect(escapeMarkdownText("# not a heading") == ##"\# not a heading"##)
        #expect(escapeMarkdownText("- not a list") == #"\- not a list"#)
        #expect(escapeMarkdownText("2024. A year") == #"2024\. A year"#)
        #expect(escapeMarkdownText("1.3.0 and 2.5") == "1.3.0 and 2.5")
        #expect(escapeMarkdownText("> not a quote") == #"\> not a quote"#)
        #expect(escapeMarkdownText("one\nline\r\nonly") == "one line only")
    }

    @Test func aFenceIsLongerThanAnyRunOfBackticksInside() {
        #expect(markdownFence(for: "print(1)") == "```")
        #expect(markdownFence(for: "a\n```\n<script>\n````x") == "`````")
        #expect(markdownFence(for: "~~~~ x", info: "py`thon") == "~~~~~", "backticks cannot be in a backtick fence's info string")
    }

    @Test func aCodeSpanShowsItsTextExactly() {
        #expect(markdownCodeSpan("GET /v1/x?a=1&b=_c*") == "`GET /v1/x?a=1&b=_c*`", "nothing is escaped in code")
        #expect(markdownCodeSpan("a `b` c") == "``a `b` c``")
        #expect(markdownCodeSpan("`x``") == "``` `x`` ```", "a backtick at an end needs a space inside the delimiter")
        #expect(markdownCodeSpan(" x ") == "`  x  `", "CommonMark takes one space off each end")
        #expect(markdownCodeSpan("a\r\nb\nc") == "`a b c`")
        #expect(markdownCodeSpan("a|b", inTableCell: true) == #"`a\|b`"#)
        #expect(markdownCodeSpan("") == "")
    }

    @Test func aURLIsAnAutolinkWrittenAsItIs() {
        #expect(markdownURL("https://x.example/~a/errors?code=b_c&lang=en") == "<https://x.example/~a/errors?code=b_c&lang=en>")
        #expect(markdownURL("https://x.example/a b") == "[https://x.example/a b](<https://x.example/a b>)", "a space ends an autolink")
        #expect(markdownURL("/errors/a_") == #"[/errors/a\_](</errors/a\_>)"#, "no scheme, no autolink")
        #expect(markdownURL("") == "")
    }
}
