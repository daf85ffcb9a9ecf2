/// The ids of a document's headings, as GitHub makes them for Markdown files (and so as the
/// Markdown twins' readers find them): the heading's text in lower case, without anything but
/// letters, marks, numbers, `-`, `_` and spaces, spaces made `-`; a repeated slug gets `-1`,
/// `-2`, and so on. The ids the page has besides its headings count as taken: under the default
/// theme, whose layout's main element is `content` (the skip link's target), a heading "Content"
/// gets `content-1`.
struct HeadingSlugs {
    private(set) var slugs: [String] = []
    private var used: [String: Int]

    /// - Parameter taken: the ids the page has besides its headings' (its templates', see
    ///   ``Theme/literalIDs(of:)``).
    init(taken: Set<String>) {
        used = Dictionary(uniqueKeysWithValues: taken.map { ($0, 1) })
    }

    mutating func add(_ text: String) {
        let base = String(text.lowercased().unicodeScalars.filter { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
                || scalar == "-" || scalar == "_" || scalar == " "
        }.map(Character.init)).replacingOccurrences(of: " ", with: "-")
        var slug = base
        if let count = used[base] {
            slug = "\(base)-\(count)"
            used[base] = count + 1
        } else {
            used[base] = 1
        }
        slugs.append(slug)
    }

    /// `html` with `id="…"` on its headings, in order. cmark writes every heading as a bare
    /// `<hN>` and safe mode leaves no other, so the n-th such tag is the n-th heading; when the
    /// counts differ, the HTML is returned as it was.
    func insertingIDs(into html: String) -> String {
        var bytes = Array(html.utf8)
        var tags: [Int] = []
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]), bytes[index + 3] == UInt8(ascii: ">") {
                tags.append(index + 3)
            }
            index += 1
        }
        guard tags.count == slugs.count else { return html }
        for (tag, slug) in zip(tags, slugs).reversed() where !slug.isEmpty {
            bytes.insert(contentsOf: Array(" id=\"\(slug)\"".utf8), at: tag)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
