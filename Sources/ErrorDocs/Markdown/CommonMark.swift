import CCmark
import Foundation

/// The one file that talks to cmark. Catalog text is untrusted, so rendering always uses
/// cmark's safe mode: raw HTML becomes a comment and `javascript:`, `vbscript:`, `file:` and
/// `data:` (other than images) link targets are emptied. `CMARK_OPT_UNSAFE` is never set.
enum CommonMark {
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS

    /// HTML for a block of Markdown. `link` may replace link and image destinations (return
    /// nil to keep one); safe mode still applies to what it returns. With `headings`, each
    /// heading gets the id GitHub gives it, or the next one when the page has that id already
    /// (``HeadingSlugs``), so a section can be linked to.
    static func html(_ markdown: String, link: ((String) -> String?)? = nil, headings: HeadingSlugs? = nil) -> String {
        guard !markdown.isEmpty else { return "" }
        let document = parse(markdown)
        guard let document else { return "" }
        defer { cmark_node_free(document) }
        var slugs = headings
        if link != nil || slugs != nil, let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING { slugs?.add(text(of: node)) }
                guard let link, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                      let url = cmark_node_get_url(node), let replacement = link(String(cString: url)) else { continue }
                cmark_node_set_url(node, replacement)
            }
        }
        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { free(rendered) }
        let html = String(cString: rendered)
        return slugs?.insertingIDs(into: html) ?? html
    }

    /// A node's text as a reader sees it: its text and code, a line break as a space.
    private static func text(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// The document tree of `markdown`, which the caller frees (`cmark_node_free`).
    private static func parse(_ markdown: String) -> OpaquePointer? {
        var utf8 = Array(markdown.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parse_document($0, buffer.count, options)
            }
        }
    }

    /// HTML for a one-paragraph fragment (a list item, a table cell), without the wrapping
    /// `<p>` so it can sit inside other markup.
    static func inlineHTML(_ markdown: String, link: ((String) -> String?)? = nil) -> String {
        let block = html(markdown, link: link).trimmingWhitespace()
        if block.hasPrefix("<p>") && block.hasSuffix("</p>") {
            let inner = block.dropFirst(3).dropLast(4)
            if !inner.contains("<p>") { return String(inner) }
        }
        return block
    }
}

extension CommonMark {
    /// A link or image destination found in Markdown, at its 1-based line and column in that
    /// Markdown text.
    struct Link: Equatable {
        var destination: String
        var isImage: Bool
        var line: Int
        var column: Int
    }

    /// Raw HTML found in Markdown (what safe mode replaces with a comment): an HTML block or
    /// one inline tag, comment or declaration, at the 1-based line and column of its `<`.
    struct RawHTML: Equatable {
        /// The HTML as written: for a block, every line of it, without its first line's indent.
        var html: String
        var isBlock: Bool
        var line: Int
        var column: Int
    }

    /// The links and the raw HTML of one Markdown text, found in one walk of its tree.
    struct Contents: Equatable {
        var links: [Link] = []
        var rawHTML: [RawHTML] = []
    }

    /// Every link and image destination in `markdown`, in document order. Autolinks
    /// (`<https://…>`) are links too. Columns count Unicode scalars, like every other column
    /// errdocs reports (cmark counts bytes, and misplaces autolinks).
    static func links(in markdown: String) -> [Link] {
        contents(of: markdown).links
    }

    /// The links of `markdown` (as ``links(in:)`` finds them) and its raw HTML: inline HTML and
    /// HTML blocks as cmark parses them, so autolinks and HTML inside code spans or code blocks
    /// are not raw HTML. Both in document order, with columns in Unicode scalars.
    static func contents(of markdown: String) -> Contents {
        // Every link, image, autolink, link definition and piece of raw HTML starts with "[" or
        // "<": text with neither has none, and most fields are such text (parsing them is most
        // of the linter's time on a large catalog).
        guard markdown.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "<") }) else { return Contents() }
        var found = rawContents(of: markdown)
        if !found.links.isEmpty { found.links = placed(found.links, in: markdown) }
        if !found.rawHTML.isEmpty { found.rawHTML = placed(found.rawHTML, in: markdown) }
        return found
    }

    /// `links` with columns in Unicode scalars, and autolinks where they are.
    private static func placed(_ links: [Link], in markdown: String) -> [Link] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        return links.map { link in
            guard link.line >= 1, link.line <= lines.count else { return link }
            let bytes = lines[link.line - 1]
            var offset = link.column - 1
            let opener: [UInt8] = Array("<\(link.destination)".utf8)
            let startsLink = offset >= 0 && offset < bytes.count && [UInt8(ascii: "["), UInt8(ascii: "!"), UInt8(ascii: "<")].contains(bytes[offset])
            if !startsLink, let found = firstIndex(of: opener, in: bytes) { offset = found }
            offset = min(max(offset, 0), bytes.count)
            var fixed = link
            fixed.column = String(decoding: bytes[..<offset], as: UTF8.self).unicodeScalars.count + 1
            return fixed
        }
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        firstIndex(of: needle, in: haystack[...])
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        return (haystack.startIndex...(haystack.endIndex - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// `html` with each position made exact, in Unicode scalars. cmark's is in bytes, and on a
    /// paragraph's continuation line it does not count the indent it strips (`a\n   <b>` gives
    /// column 1), nor the line break after a backslash hard break (the next line's tags get the
    /// line before, with columns running past its end): so each is taken where cmark says when
    /// its text is there, else at the first place it is after both that byte and the one before.
    private static func placed(_ html: [RawHTML], in markdown: String) -> [RawHTML] {
        let bytes = Array(markdown.utf8)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        var cursor = 0
        return html.map { node in
            let firstLine = node.html.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let needle = Array(firstLine.utf8)
            let reported = node.line >= 1 && node.line <= lineStarts.count
                ? min(max(lineStarts[node.line - 1] + node.column - 1, 0), bytes.count) : cursor
            let start = max(reported, cursor)
            var at = start
            if !bytes[start...].starts(with: needle) {
                at = firstIndex(of: needle, in: bytes[start...]) ?? firstIndex(of: needle, in: bytes[cursor...]) ?? start
            }
            cursor = min(at + needle.count, bytes.count)
            let line = (lineStarts.lastIndex { $0 <= at } ?? 0)
            var fixed = node
            fixed.line = line + 1
            fixed.column = String(decoding: bytes[lineStarts[line]..<at], as: UTF8.self).unicodeScalars.count + 1
            return fixed
        }
    }

    private static func rawContents(of markdown: String) -> Contents {
        guard !markdown.isEmpty else { return Contents() }
        let document = parse(markdown)
        guard let document else { return Contents() }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return Contents() }
        defer { cmark_iter_free(iterator) }
        var found = Contents()
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                found.links.append(Link(destination: destination, isImage: type == CMARK_NODE_IMAGE,
                                        line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))))
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                var html = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if type == CMARK_NODE_HTML_BLOCK {
                    html = String(html.drop { $0 == " " || $0 == "\t" })
                    while html.last?.isNewline == true { html.removeLast() }
                }
                found.rawHTML.append(RawHTML(html: html, isBlock: type == CMARK_NODE_HTML_BLOCK,
                                             line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))))
            default:
                break
            }
        }
        return found
    }
}

extension CommonMark {
    /// `markdown` with link destinations replaced where `replace` returns a new one, keeping
    /// everything else as the author wrote it (for the Markdown twins of pages). Inline
    /// destinations are replaced after their link's `[`; reference definitions where they are.
    static func replacingDestinations(in markdown: String, _ replace: (String) -> String?) -> String {
        let found = links(in: markdown)
        guard !found.isEmpty else { return markdown }
        var scalars = Array(markdown.unicodeScalars)
        var lineStarts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(offset + 1) }
        func firstIndex(of needle: [Unicode.Scalar], from start: Int) -> Int? {
            guard !needle.isEmpty, start >= 0, scalars.count - needle.count >= start else { return nil }
            return (start...(scalars.count - needle.count)).first { scalars[$0..<($0 + needle.count)].elementsEqual(needle) }
        }
        for link in found.reversed() {
            guard let replacement = replace(link.destination), link.line >= 1, link.line <= lineStarts.count else { continue }
            let start = lineStarts[link.line - 1] + link.column - 1
            let inline = Array("(\(link.destination)".unicodeScalars)
            let definition = Array("]: \(link.destination)".unicodeScalars)
            if let at = firstIndex(of: inline, from: start) {
                scalars.replaceSubrange((at + 1)..<(at + inline.count), with: replacement.unicodeScalars)
            } else if let at = firstIndex(of: definition, from: 0) {
                scalars.replaceSubrange((at + 3)..<(at + definition.count), with: replacement.unicodeScalars)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension CommonMark {
    /// `markdown` made as safe for the Markdown twins as ``html(_:link:)`` is for the HTML
    /// pages: raw HTML removed (safe mode omits it) and `javascript:`, `vbscript:`, `file:` and
    /// `data:` (other than PNG, GIF, JPEG and WebP images) destinations emptied. Markdown with neither is returned as the
    /// author wrote it; otherwise cmark writes the cleaned document back as CommonMark.
    static func withoutRawHTML(_ markdown: String) -> String {
        guard markdown.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "[") }) else { return markdown }
        let document = parse(markdown)
        guard let document else { return markdown }
        defer { cmark_node_free(document) }
        var removed: [OpaquePointer] = []
        var changed = false
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    removed.append(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    if isDangerous(cmark_node_get_url(node).map { String(cString: $0) } ?? "") {
                        cmark_node_set_url(node, "")
                        changed = true
                    }
                default: break
                }
            }
        }
        guard changed || !removed.isEmpty else { return markdown }
        for node in removed {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        guard let rendered = cmark_render_commonmark(document, options, 0) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// `markdown` with a closing fence added when its last block is a fenced code block left
    /// open. cmark ends such a block where the text ends, so the HTML page shows nothing wrong;
    /// but a Markdown twin goes on after the text, and the block would swallow the page's next
    /// sections (in llms-full.txt, the next pages) up to the first line that closes it. Only the
    /// last top-level block can be open at the end: a block in a list item or quote is closed by
    /// the page's next line that is not indented or quoted.
    static func closingOpenFence(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        guard firstIndex(of: Array("```".utf8), in: bytes) != nil || firstIndex(of: Array("~~~".utf8), in: bytes) != nil,
              let document = parse(markdown) else { return markdown }
        defer { cmark_node_free(document) }
        guard let block = cmark_node_last_child(document), cmark_node_get_type(block) == CMARK_NODE_CODE_BLOCK else { return markdown }
        /// A fence line: up to three spaces, then three or more backticks or tildes.
        func fence(_ line: Substring) -> (mark: Character, length: Int, rest: Substring)? {
            let indent = line.prefix { $0 == " " }.count
            let text = line.dropFirst(indent)
            guard indent < 4, let mark = text.first, mark == "`" || mark == "~" else { return nil }
            let length = text.prefix { $0 == mark }.count
            return length >= 3 ? (mark, length, text.dropFirst(length)) : nil
        }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        let start = Int(cmark_node_get_start_line(block)), end = Int(cmark_node_get_end_line(block))
        // An indented code block has no fence to close.
        guard (1...lines.count).contains(start), let open = fence(lines[start - 1]) else { return markdown }
        if end > start, end <= lines.count, let close = fence(lines[end - 1]), close.mark == open.mark,
           close.length >= open.length, close.rest.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
            return markdown
        }
        return markdown.trimmingNewlines() + "\n" + String(repeating: open.mark, count: open.length)
    }

    /// The destinations cmark's safe mode empties (its `_scan_dangerous_url`).
    private static func isDangerous(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: lowered.hasPrefix) { return false }
        return ["javascript:", "vbscript:", "file:", "data:"].contains(where: lowered.hasPrefix)
    }
}
