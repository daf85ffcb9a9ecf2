import Foundation

/// Files for AI agents (https://llmstxt.org): `llms.txt`, an index of the Markdown pages with
/// one line each, and `llms-full.txt`, every Markdown page in one file.
enum AgentIndex {
    /// `llms.txt`, handed to `append` a megabyte at a time.
    static func llmsTXT(_ views: ViewBuilder, into append: (Data) throws -> Void) throws {
        var chunks = Chunks()
        let settings = views.settings
        let name = escapeMarkdownText(settings.name?.value ?? "API")
        let base = settings.baseURL.map { SitePaths.siteRoot($0.value) } ?? ""
        let markdown = base + "markdown/"
        // Catalog text is plain text made literal, on one line.
        let line = escapeMarkdownText
        var out = "# \(name) error reference\n\n"
        out += "> Every error \(name) returns, with what it means, how to fix it, and whether and how to retry. "
        out += "Machine-readable: [registry.json](\(base)registry.json).\n\n"
        if let description = settings.description?.value {
            let first = description.components(separatedBy: "\n\n").first ?? description
            // Its internal links (`errors/rate_limited`) go to the twins, from `markdown`: as the
            // catalog writes them they are relative to the site, and to the HTML pages.
            out += views.text(first, root: markdown).markdown.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n\n"
        }
        out += "## Reference\n\n"
        out += "- [All errors](\(markdown)\(views.paths.index)): every error by family, and the response format\n"
        out += "- [Status code playbook](\(markdown)\(views.paths.statusCodes)): what each HTTP status means and how to handle it\n"
        out += "- [Retry classification](\(markdown)\(views.paths.retries)): which errors to retry, and how\n"
        for family in settings.families {
            let errors = views.errors(in: family)
            guard !errors.isEmpty else { continue }
            out += "\n## \(line(family.title?.value ?? family.id.value))\n\n"
            for error in errors {
                let code = error.code?.value ?? ""
                // Where it is met and whether to retry, as the twin's first line says: an agent
                // deciding what to do about a response needs both before it fetches the page.
                let status = views.statusLabel(error)
                let met = error.effectiveSurface == .response && !status.isEmpty ? "HTTP \(status)" : status
                let retry = RetryDescription.label(views.catalog.effectiveRetry(of: error)?.kind.value ?? .never)
                out += "- [\(line(code)): \(line(error.title?.value ?? code))](\(markdown)\(views.paths.error(code))): "
                    + "\(line(met)) · \(retry) · \(line(error.summary?.value ?? ""))\n"
                try chunks.add(out, to: append)
                out = ""
            }
        }
        if !views.catalog.guides.isEmpty {
            out += "\n## Guides\n\n"
            for guide in views.catalog.guides {
                out += "- [\(line(guide.title))](\(markdown)\(views.paths.guide(guide.slug)))\n"
            }
        }
        out += "\n## Optional\n\n- [The whole reference in one file](\(base)llms-full.txt)\n"
        try chunks.add(out, to: append)
        try chunks.finish(to: append)
    }

    static let fullPath = "llms-full.txt"

    /// The Markdown index first, then every other Markdown page in path order, handed to
    /// `append` a megabyte at a time. A page with a key (`key`) among `previous`'s is copied
    /// from the previous llms-full.txt instead of read from its file.
    /// - Returns: where each page with a key is in the bytes written (its text, without the
    ///   separators), by key.
    @discardableResult
    static func llmsFullTXT(pages paths: [String], key: (String) -> String? = { _ in nil }, previous: PreviousParts? = nil,
                            contents: (String) throws -> Data, into append: (FilePiece) throws -> Void) throws -> [String: Range<Int>] {
        // A plain sort, then the index in front: a comparison that tested every pair for the
        // index took about 4 ms of CPU at 10,000 errors (perf).
        let index = "markdown/index.md"
        var pages = paths.filter { $0.hasPrefix("markdown/") && $0 != index }.sorted()
        if paths.contains(index) { pages.insert(index, at: 0) }
        let separator = Array("\n---\n\n".utf8), newline = [UInt8(ascii: "\n")]
        var pieces = FilePieces(between: newline + separator)
        var ranges: [String: Range<Int>] = [:]
        var offset = 0
        for (position, path) in pages.enumerated() {
            if position > 0 {
                try pieces.add(separator, to: append)
                offset += separator.count
            }
            let key = key(path)
            let length: Int
            if let copy = previous?.range(of: key) {
                try pieces.copy(copy, to: append)
                length = copy.count
            } else {
                let page = rootingLinks(Array(String(decoding: try contents(path), as: UTF8.self).trimmingNewlines().utf8), at: path)
                try pieces.add(page, to: append)
                length = page.count
            }
            if let key { ranges[key] = offset..<(offset + length) }
            try pieces.add(newline, to: append)
            offset += length + newline.count
        }
        try pieces.finish(to: append)
        return ranges
    }

    /// A Markdown page's relative links, written for the page at `path` (`../errors/x.md` in
    /// `markdown/errors/y.md`), made relative to the site root, where llms-full.txt is
    /// (`markdown/errors/x.md`). The twins' relative links are errdocs' own, so a pass over the
    /// lines outside fenced code blocks finds them all; links with a scheme, a leading `/` or only
    /// a fragment are left as they are.
    static func rootingLinks(_ page: [UInt8], at path: String) -> [UInt8] {
        let folder = path.split(separator: "/").dropLast().map(String.init)
        guard !folder.isEmpty, page.contains(UInt8(ascii: "]")) else { return page }
        // `markdown/errors/`, `markdown/`, then nothing, for destinations climbing 0, 1, 2 folders.
        let prefixes = (0...folder.count).map { climbed in Array(folder.dropLast(climbed).map { $0 + "/" }.joined().utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(page.count + 256)
        var fence: (mark: UInt8, length: Int, indent: Int)?
        var inListItem = false
        var start = 0
        while start < page.count {
            let end = page[start...].firstIndex(of: UInt8(ascii: "\n")) ?? page.count
            let line = page[start..<end]
            let content = Self.quoteContent(line)
            let indent = content.prefix(while: { $0 == UInt8(ascii: " ") }).count
            let marks = content.dropFirst(indent).prefix(while: { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: "~") })
            let isFence = marks.count >= 3 && marks.allSatisfy({ $0 == marks.first })
            if let open = fence {
                // Code until a fence as long, indented less than 4 more than the opening one,
                // with nothing after it.
                if isFence, marks.first == open.mark, marks.count >= open.length, indent < open.indent + 4,
                   content.dropFirst(indent + marks.count).allSatisfy({ $0 == UInt8(ascii: " ") }) {
                    fence = nil
                }
                out.append(contentsOf: line)
            } else if isFence, indent < 4 || (indent < 8 && inListItem) {
                // A fence inside a list item is indented by 4 (``ErrorView/Text/continued(with:)``).
                fence = (marks.first!, marks.count, indent)
                out.append(contentsOf: line)
            } else {
                let text = content.dropFirst(indent)
                if indent < 4, Self.startsListItem(text) {
                    inListItem = true
                } else if indent < 2, !text.isEmpty {
                    inListItem = false
                }
                rooting(line, prefixes: prefixes, into: &out)
            }
            if end < page.count { out.append(UInt8(ascii: "\n")) }
            start = end + 1
        }
        return out
    }

    /// A line without the `> ` of the block quotes it is in (a deprecation note's lines).
    private static func quoteContent(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var content = line
        while true {
            let indent = content.prefix(while: { $0 == UInt8(ascii: " ") }).count
            guard indent < 4, content.dropFirst(indent).first == UInt8(ascii: ">") else { return content }
            content = content.dropFirst(indent + 1)
            if content.first == UInt8(ascii: " ") { content = content.dropFirst() }
        }
    }

    /// Whether a line starts a list item: `- `, `* `, `+ `, or digits and `. ` or `) `.
    private static func startsListItem(_ text: ArraySlice<UInt8>) -> Bool {
        let digits = text.prefix(while: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }).count
        let marker = digits > 0 ? text.dropFirst(digits).prefix(1) : text.prefix(1)
        guard let first = marker.first, digits > 0 ? (first == UInt8(ascii: ".") || first == UInt8(ascii: ")"))
                : (first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+")) else { return false }
        let after = text.dropFirst(digits + 1).first
        return after == nil || after == UInt8(ascii: " ")
    }

    /// Bytes only, no text per link: the index page alone has a link per error, and it is
    /// rendered again on every rebuild (as Strings, 10,000 links took a one-edit rebuild of
    /// 10,000 errors from about 310 to 400 ms).
    /// `prefixes[k]` is the path from the root for a destination that climbs `k` folders.
    private static func rooting(_ line: ArraySlice<UInt8>, prefixes: [[UInt8]], into out: inout [UInt8]) {
        let dot = UInt8(ascii: "."), slash = UInt8(ascii: "/")
        var index = line.startIndex
        while index < line.endIndex {
            out.append(line[index])
            guard line[index] == UInt8(ascii: "]"), index + 1 < line.endIndex, line[index + 1] == UInt8(ascii: "(") else {
                index += 1
                continue
            }
            out.append(UInt8(ascii: "("))
            var start = index + 2
            let end = line[start...].firstIndex { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: " ") } ?? line.endIndex
            index = end
            let destination = line[start..<end]
            let scheme = destination.prefix { $0 != slash }.contains(UInt8(ascii: ":"))
            guard let first = destination.first, first != UInt8(ascii: "#"), first != slash, !scheme else {
                out.append(contentsOf: destination)
                continue
            }
            var climbed = 0
            while true {
                if line[start..<end].starts(with: [dot, dot, slash]) {
                    climbed += 1
                    start += 3
                } else if line[start..<end].starts(with: [dot, slash]) {
                    start += 2
                } else {
                    break
                }
            }
            out.append(contentsOf: prefixes[min(climbed, prefixes.count - 1)])
            out.append(contentsOf: line[start..<end])
        }
    }
}
