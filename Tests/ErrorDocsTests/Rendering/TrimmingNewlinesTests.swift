import Foundation
import Testing
@testable import ErrorDocs

/// The fast trims give what Foundation's `trimmingCharacters(in:)` gives, and a table cell is
/// what joining lines and escaping pipes with Foundation gives, with paragraphs and list items
/// kept apart.
@Suite struct TrimmingNewlinesTests {
    @Test(arguments: [
        "", "\n", "\r\n", "code", "\ncode\n\n", "\r\ncode\r\n", "\u{2028}code\u{2029}", "\u{85}code\u{85}",
        "  code  ", "\n  code\n  more\n", "\t\ncode\n\t", "é\n", "\n\u{1F600}", "\u{0B}\u{0C}x\u{0D}",
    ])
    func matchesFoundation(text: String) {
        #expect(text.trimmingNewlines() == text.trimmingCharacters(in: .newlines))
    }

    @Test(arguments: [
        "", " ", "<p>code</p>\n", "\u{A0}code\u{3000}", "\u{2009}\tcode\u{200B}", "\u{1680}\u{205F}x\u{202F}\n",
        "\n\r\n code \u{85}", "é ", "\u{2028}\u{2029}x",
    ])
    func whitespaceTrimMatchesFoundation(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(arguments: [
        "", "plain", "a | b", "||", "line one\nline two", "\n\nfirst\nsecond\n", "crlf\r\nnext", "x\u{2028}y",
        "`a|b` and é|ü", "trailing pipe |\n",
    ])
    func tableCellMatchesFoundation(markdown: String) {
        let expected = markdown.trimmingCharacters(in: .newlines).split(whereSeparator: \.isNewline).joined(separator: " ")
            .replacingOccurrences(of: "|", with: "\\|")
        #expect(ErrorView.Text(markdown: markdown, html: "").cell == expected)
    }

    /// A GFM table cell holds inline text only: without the breaks a family's two paragraphs
    /// of handling, or its steps, ran together in the Markdown status playbook.
    @Test(arguments: [
        ("First paragraph\nwraps.\n\nSecond  |  one.", "First paragraph wraps.<br><br>Second  \\|  one."),
        ("Steps:\n\n- one\n  continued\n- two\n* three\n+ four", "Steps:<br><br>- one continued<br>- two<br>* three<br>+ four"),
        ("1. first\n2) second\n10. tenth", "1. first<br>2) second<br>10. tenth"),
        ("crlf\r\n\r\nparagraph\r\n- item", "crlf<br><br>paragraph<br>- item"),
        ("blank with spaces\n   \nnext", "blank with spaces<br><br>next"),
        ("not a list:\n-dash\n2.5 million\n1234567890. long", "not a list: -dash 2.5 million 1234567890. long"),
    ])
    func tableCellKeepsParagraphsAndListItemsApart(markdown: String, cell: String) {
        #expect(ErrorView.Text(markdown: markdown, html: "").cell == cell)
    }
}
