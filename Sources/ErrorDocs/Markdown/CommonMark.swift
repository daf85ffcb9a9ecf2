import CCmark
import Foundation

/// The one file that talks to cmark. Catalog text is untrusted, so rendering always uses
/// cmark's safe mode: raw HTML becomes a comment and `javascript:`, `vbscript:`, `file:` and
/// `data:` (other than images) link targets are emptied. `CMARK_OPT_UNSAFE` is never set.
enum CommonMark {
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS

    /// HTML for a block of Markdown. `link` may replace link and image destinations (return
    /// nil to keep one); safe mode still applies to what it returns.
    static func html(_ markdown: String, link: ((String) -> String?)? = nil) -> String {
        guard !markdown.isEmpty else { return "" }
        let document = parse(markdown)
        guard let document else { return "" }
        defer { cmark_node_free(document) }
        if let link, let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                      let url = cmark_node_get_url(node), let replacement = link(String(cString: url)) else { continue }
                cmark_node_set_url(node, replacement)
            }
        }
        guard let rendered = cmark_render_html(document, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
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

    /// Every link and image destination in `markdown`, in document order. Autolinks
    /// (`<https://…>`) are links too. Columns count Unicode scalars, like every other column
    /// errdocs reports (cmark counts bytes, and misplaces autolinks).
    static func links(in markdown: String) -> [Link] {
        // Every link, image, autolink and link definition starts with "[" or "<": text with
        // neither has none, and most fields are such text (parsing them is most of the linter's
        // time on a large catalog).
        guard markdown.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "<") }) else { return [] }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        return rawLinks(in: markdown).map { link in
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
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func rawLinks(in markdown: String) -> [Link] {
        guard !markdown.isEmpty else { return [] }
        let document = parse(markdown)
        guard let document else { return [] }
        defer { cmark_node_free(document) }
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        var links: [Link] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            links.append(Link(
                destination: destination, isImage: type == CMARK_NODE_IMAGE,
                line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))))
        }
        return links
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

    /// The destinations cmark's safe mode empties (its `_scan_dangerous_url`).
    private static func isDangerous(_ url: String) -> Bool {
        let lowered = url.lowercased()
        if ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: lowered.hasPrefix) { return false }
        return ["javascript:", "vbscript:", "file:", "data:"].contains(where: lowered.hasPrefix)
    }
}
