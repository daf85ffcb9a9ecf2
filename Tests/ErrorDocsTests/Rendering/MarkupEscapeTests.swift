@testable import ErrorDocs
import Testing

@Suite struct MarkupEscapeTests {
    @Test func theFiveCharactersAreEscapedAndTheRestKept() {
        #expect(escapeMarkup("a < b && c > \"d\" 'e' é ✓") == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39; é ✓")
        #expect(escapeMarkup("plain text, nothing to do") == "plain text, nothing to do")
        #expect(escapeMarkup("") == "")
    }

    /// `"` followed by U+0301 is a single Character that is not `"`: an escape comparing
    /// characters leaves it raw, and it ends an attribute value.
    @Test func aQuoteBeforeACombiningMarkIsEscaped() {
        let attack = "x\"\u{301} onmouseover=alert(1)", escaped = "x&quot;\u{301} onmouseover=alert(1)"
        #expect(escapeMarkup(attack) == escaped)
        #expect(escapeMarkup("<\u{338}") == "&lt;\u{338}")
    }
}
