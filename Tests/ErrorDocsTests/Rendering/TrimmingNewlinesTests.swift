import Foundation
import Testing
@testable import ErrorDocs

/// The fast trims give what Foundation's `trimmingCharacters(in:)` gives, and a table cell is
/// what joining lines and escaping pipes with Foundation gives.
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
        "", "plain", "a | b", "||", "line one\nline two", "\n\nfirst\n\n\nsecond\n", "crlf\r\nnext", "x\u{2028}y",
        "`a|b` and é|ü", "trailing pipe |\n",
    ])
    func tableCellMatchesFoundation(markdown: String) {
        let expected = markdown.trimmingCharacters(in: .newlines).split(whereSeparator: \.isNewline).joined(separator: " ")
            .replacingOccurrences(of: "|", with: "\\|")
        #expect(ErrorView.Text(markdown: markdown, html: "").cell == expected)
    }
}
