/// Text made safe inside HTML or XML, in element content and in quoted attributes.
///
/// Byte by byte, not character by character: a quote followed by a combining mark is one
/// Swift `Character` that is not `"`, so an escape that compares characters (as
/// swift-mustache's own does) leaves it as it is, and it ends an attribute value. Text without
/// any of the five characters, most text, is returned as it is without a copy.
public func escapeMarkup(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
        guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 16)
        escaped.append(contentsOf: bytes[..<first])
        for byte in bytes[first...] {
            switch byte {
            case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    } ?? text
}

private func needsEscape(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
    default: return false
    }
}

/// `text` made an HTML id that reads the same in every attribute and in Markdown, where the
/// twins write `<a id="…">` with Markdown escaping only: ASCII letters, digits, `-`, `_` and
/// `.` are kept, anything else becomes `-`.
func htmlID(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)) ? scalar : "-"
    }))
}
