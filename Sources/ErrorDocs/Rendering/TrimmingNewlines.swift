extension String {
    /// The same as Foundation's `trimmingCharacters(in: .newlines)` (U+000A–U+000D, U+0085,
    /// U+2028, U+2029), without its slow bridging through NSString on Linux.
    func trimmingNewlines() -> String {
        trimming(where: Self.isNewline)
    }

    /// The same as Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` (the Unicode
    /// White_Space property: Zs, tab, the newlines; and U+200B, which Foundation's set has too),
    /// without its bridging through NSString.
    func trimmingWhitespace() -> String {
        trimming { $0.properties.isWhitespace || $0 == "\u{200B}" }
    }

    private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isTrimmed(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isTrimmed(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }

    static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
