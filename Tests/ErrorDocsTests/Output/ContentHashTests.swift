@testable import ErrorDocs
import Foundation
import Testing

@Suite struct ContentHashTests {
    /// The key is the first 90 bits of SHA-256 over the length-prefixed value, in URL-safe
    /// base64; the expected value is Python's
    /// `base64.urlsafe_b64encode(sha256(struct.pack("<Q", 5) + b"hello").digest()[:12])[:15]`.
    @Test func aKeyIsTheStartOfTheSHA256InURLSafeBase64() {
        #expect(ContentHash.of(Data("hello".utf8)) == "_nRVA3UP2_Pm72d")
    }

    /// Texts hash as their UTF-8 bytes, an optional text as "+" and the text or as "-": the
    /// same keys whichever way a value is added (a small string, a large one, bytes).
    @Test func textsHashAsTheirBytes() {
        #expect(ContentHash.of(["hello"]) == "_nRVA3UP2_Pm72d")
        let long = String(repeating: "é long text ", count: 20)
        #expect(ContentHash.of([long]) == ContentHash.of(Data(long.utf8)))
        var present = ContentHash(), absent = ContentHash()
        present.add(long as String?)
        absent.add(nil as String?)
        #expect(present.key == ContentHash.of(["+" + long]))
        #expect(absent.key == ContentHash.of(["-"]))
    }

    @Test func valuesAreLengthPrefixedAndAbsentIsNotEmpty() {
        #expect(ContentHash.of(["ab", "c"]) != ContentHash.of(["a", "bc"]))
        var absent = ContentHash(), empty = ContentHash()
        absent.add(nil as String?)
        empty.add("" as String?)
        #expect(absent.key != empty.key)
        #expect(ContentHash.of(["x"]).utf8.count == 15)
    }
}
