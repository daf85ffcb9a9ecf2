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

    @Test func valuesAreLengthPrefixedAndAbsentIsNotEmpty() {
        #expect(ContentHash.of(["ab", "c"]) != ContentHash.of(["a", "bc"]))
        var absent = ContentHash(), empty = ContentHash()
        absent.add(nil as String?)
        empty.add("" as String?)
        #expect(absent.key != empty.key)
        #expect(ContentHash.of(["x"]).utf8.count == 15)
    }
}
