import Foundation
import Testing
@testable import ErrorDocs

/// The fast trim gives what Foundation's `trimmingCharacters(in: .newlines)` gives.
@Suite struct TrimmingNewlinesTests {
    @Test(arguments: [
        "", "\n", "\r\n", "code", "\ncode\n\n", "\r\ncode\r\n", "\u{2028}code\u{2029}", "\u{85}code\u{85}",
        "  code  ", "\n  code\n  more\n", "\t\ncode\n\t", "é\n", "\n\u{1F600}", "\u{0B}\u{0C}x\u{0D}",
    ])
    func matchesFoundation(text: String) {
        #expect(text.trimmingNewlines() == text.trimmingCharacters(in: .newlines))
    }
}
