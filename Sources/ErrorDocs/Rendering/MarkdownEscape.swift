/// Plain text made literal inside Markdown: in a paragraph, a heading, a list item, a table
/// cell, link text or a link destination it renders as the same characters and never as markup.
///
/// Backslash-escapes the characters that can start inline markup (`\` `` ` `` `*` `[` `]` `<`
/// `>` `&` `|` `~`, and `_` unless it sits between two letters or digits, where CommonMark never
/// reads it as emphasis, so `rate_limited` stays readable), and the first character when it could
/// start a block (`#`, `-`, `+`, `=`, or the `.`/`)` and space after a leading number). Line breaks become
/// spaces: one value never starts a new block. Text without any of these is returned as it is.
public func escapeMarkdownText(_ text: String) -> String {
    var text = text
    return text.withUTF8 { bytes in
        // Every character involved is ASCII, so bytes are enough; most text has none of them.
        let leadingDigits = bytes.prefix(while: isDigit).count
        func needsEscape(_ offset: Int) -> Bool {
            switch bytes[offset] {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "~"):
                return true
            case UInt8(ascii: "_"):
                return !(offset > 0 && offset + 1 < bytes.count
                    && isLetterOrDigit(bytes[offset - 1]) && isLetterOrDigit(bytes[offset + 1]))
            case UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="): return offset == 0
            case UInt8(ascii: "."), UInt8(ascii: ")"):
                return offset > 0 && offset == leadingDigits
                    && (offset + 1 == bytes.count || bytes[offset + 1] == UInt8(ascii: " ") || bytes[offset + 1] == UInt8(ascii: "\t"))
            default: return false
            }
        }
        guard let first = bytes.indices.first(where: { bytes[$0] == 10 || bytes[$0] == 13 || needsEscape($0) }) else { return nil }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 8)
        escaped.append(contentsOf: bytes[..<first])
        for offset in first..<bytes.count {
            let byte = bytes[offset]
            if byte == 10 || byte == 13 {
                // A CRLF is one break.
                if !(byte == 10 && offset > 0 && bytes[offset - 1] == 13) { escaped.append(UInt8(ascii: " ")) }
                continue
            }
            if needsEscape(offset) { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    } ?? text
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

private func isLetterOrDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
}

/// A code fence for `content`: three backticks, or one more than the longest run of backticks
/// in it, so nothing inside can close the block early. Tildes instead when the block's info
/// string (`info`, e.g. the language) has a backtick, which a backtick fence does not allow.
func markdownFence(for content: String, info: String = "") -> String {
    let mark = info.utf8.contains(UInt8(ascii: "`")) ? UInt8(ascii: "~") : UInt8(ascii: "`")
    var longest = 0, run = 0
    for byte in content.utf8 {
        run = byte == mark ? run + 1 : 0
        longest = max(longest, run)
    }
    return String(repeating: Character(Unicode.Scalar(mark)), count: max(3, longest + 1))
}

/// `text` as a Markdown code span that shows it exactly. Inside a code span CommonMark reads no
/// backslash escape, so ``escapeMarkdownText(_:)`` would leave its backslashes in the code
/// (`GET /v1/x?a=1\&b=2`); instead the span is delimited by one more backtick than the longest
/// run in `text`, with a space inside each delimiter when `text` starts or ends with a backtick
/// or with spaces at both ends (CommonMark takes one space off each end). Line breaks become
/// spaces. In a GFM table cell (`inTableCell`) each `|` is escaped: the table reads that escape
/// before the span is parsed, and would otherwise end the cell there. Empty text stays empty.
func markdownCodeSpan(_ text: String, inTableCell: Bool = false) -> String {
    guard !text.isEmpty else { return "" }
    var content = ""
    content.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    var longest = 0, run = 0, previous: Unicode.Scalar = " "
    for scalar in text.unicodeScalars {
        defer { previous = scalar }
        run = scalar == "`" ? run + 1 : 0
        longest = max(longest, run)
        if scalar == "\n" || scalar == "\r" {
            // A CRLF is one break.
            if !(scalar == "\n" && previous == "\r") { content.unicodeScalars.append(" ") }
            continue
        }
        if inTableCell && scalar == "|" { content.unicodeScalars.append("\\") }
        content.unicodeScalars.append(scalar)
    }
    let first = content.unicodeScalars.first, last = content.unicodeScalars.last
    let pad = first == "`" || last == "`" || (first == " " && last == " " && content.unicodeScalars.contains { $0 != " " })
    let delimiter = String(repeating: "`", count: longest + 1)
    return pad ? delimiter + " " + content + " " + delimiter : delimiter + content + delimiter
}

/// `url` as a Markdown link that shows the address. An autolink `<url>` when CommonMark takes it
/// for one (a scheme and `:`, then no space, `<`, `>` or control character), written as it is:
/// an autolink reads no backslash escape, so ``escapeMarkdownText(_:)`` would put its
/// backslashes into the address (`<https://x.example/~a?b=1\&c=2>`). Anything else becomes
/// `[url](<url>)`, escaped, since link text and destination do read escapes.
func markdownURL(_ url: String) -> String {
    let scalars = Array(url.unicodeScalars)
    let scheme = scalars.prefix { ("a"..."z").contains($0) || ("A"..."Z").contains($0)
        || ("0"..."9").contains($0) || $0 == "+" || $0 == "." || $0 == "-" }
    let isAutolink = (2...32).contains(scheme.count) && (("a"..."z").contains(scheme[0]) || ("A"..."Z").contains(scheme[0]))
        && scalars.count > scheme.count && scalars[scheme.count] == ":"
        && !scalars.contains { $0.value <= 0x20 || $0.value == 0x7F || $0 == "<" || $0 == ">" }
    if isAutolink { return "<" + url + ">" }
    let escaped = escapeMarkdownText(url)
    return url.isEmpty ? "" : "[\(escaped)](<\(escaped)>)"
}
