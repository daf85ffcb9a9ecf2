import Crypto
import Foundation

/// SHA-256 over a sequence of values, each length-prefixed so that ("ab", "c") and ("a", "bc")
/// never hash alike, printed as a key of 15 URL-safe base64 characters: the first 90 bits.
///
/// 15 characters fit in a Swift small string, held inline with no allocation: a build of
/// 100,000 errors holds about 800,000 keys (page keys, registry entries, file hashes, both the
/// previous build's and its own), and as 64 hex digits they took about 70 MB more at its
/// peak. 90 bits keep an
/// accidental match out of reach (2^-90 for a given page), and a deliberate one buys nothing:
/// whoever can write the catalog decides the pages anyway.
///
/// Short values are gathered and hashed a few kilobytes at a time: a rebuild hashes hundreds
/// of thousands of short texts (page keys, cache entry names, each error's facts), and one
/// SHA-256 update per text and per length took PageKeys 37–50 ms of a one-edit rebuild of
/// 10,000 errors.
struct ContentHash {
    private var hasher = SHA256()
    /// Bytes added but not yet hashed.
    private var pending: [UInt8] = []
    private static let batch = 1 << 14

    init() {}

    mutating func add(_ bytes: some DataProtocol) {
        addLength(bytes.count)
        guard bytes.count < Self.batch else {
            flush()
            return hasher.update(data: bytes)
        }
        for region in bytes.regions { pending.append(contentsOf: region) }
        flushIfFull()
    }

    /// The text's UTF-8 bytes, taken where they are: copying each into `Data` first took a
    /// few percent of a rebuild.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            addLength(utf8.count)
            pending.append(contentsOf: utf8)
        }
        flushIfFull()
    }

    /// An absent value hashes unlike any text, the empty text included: as "-", or as the
    /// text after a "+".
    mutating func add(_ text: String?) {
        guard var text else { return add("-") }
        text.withUTF8 { utf8 in
            addLength(utf8.count + 1)
            pending.append(UInt8(ascii: "+"))
            pending.append(contentsOf: utf8)
        }
        flushIfFull()
    }

    /// A number, as its eight bytes.
    mutating func add(_ number: Int) {
        addLength(8)
        var value = UInt64(bitPattern: Int64(number)).littleEndian
        withUnsafeBytes(of: &value) { pending.append(contentsOf: $0) }
        flushIfFull()
    }

    private mutating func addLength(_ count: Int) {
        if pending.capacity == 0 { pending.reserveCapacity(256) }
        var length = UInt64(count).littleEndian
        withUnsafeBytes(of: &length) { pending.append(contentsOf: $0) }
    }

    private mutating func flushIfFull() {
        if pending.count >= Self.batch { flush() }
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        pending.removeAll(keepingCapacity: true)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Hashes what is pending first: finalizing a copy of the hash with the pending bytes added
    /// copied its state, a heap block for each of the 60,000 keys of a one-edit rebuild.
    var key: String {
        mutating get {
            flush()
            // The first 96 bits, big-endian, in two words; 15 characters of 6 bits take 90 of them.
            let (high, low) = hasher.finalize().withUnsafeBytes { digest in
                (digest[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) },
                 digest[8..<12].reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << 32)
            }
            // Written into the string itself: 15 bytes are held inline, so a key allocates nothing
            // (through an array, each of a rebuild's 80,000 keys took a heap block).
            return String(unsafeUninitializedCapacity: 15) { text in
                for index in 0..<15 {
                    // The 64 bits from bit 6 × index on; its top 6 are the character's.
                    let start = 6 * index
                    let window = start == 0 ? high : start < 64 ? high << start | low >> (64 - start) : low << (start - 64)
                    text[index] = Self.alphabet[Int(window >> 58)]
                }
                return 15
            }
        }
    }

    /// Starts again, keeping the buffer: one hash of each of thousands of small values.
    mutating func reset() {
        hasher = SHA256()
        pending.removeAll(keepingCapacity: true)
    }

    static func of(_ bytes: some DataProtocol) -> String {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.key
    }

    static func of(_ parts: [String]) -> String {
        var hash = ContentHash()
        for part in parts { hash.add(part) }
        return hash.key
    }
}
