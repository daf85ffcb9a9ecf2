import Crypto
import Foundation

/// SHA-256 over a sequence of values, each length-prefixed so that ("ab", "c") and ("a", "bc")
/// never hash alike. Printed as lowercase hex.
struct ContentHash {
    private var hasher = SHA256()

    init() {}

    mutating func add(_ bytes: some DataProtocol) {
        var length = UInt64(bytes.count).littleEndian
        withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
        hasher.update(data: bytes)
    }

    mutating func add(_ text: String) {
        add(Data(text.utf8))
    }

    /// An absent value hashes unlike any text, the empty text included.
    mutating func add(_ text: String?) {
        add(text.map { "+" + $0 } ?? "-")
    }

    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in hasher.finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func of(_ bytes: some DataProtocol) -> String {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.hex
    }

    static func of(_ parts: [String]) -> String {
        var hash = ContentHash()
        for part in parts { hash.add(part) }
        return hash.hex
    }
}
