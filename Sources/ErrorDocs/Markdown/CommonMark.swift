import CCmark
import Foundation

/// The one file that talks to cmark. Catalog text is untrusted, so rendering always uses
/// cmark's safe mode: raw HTML becomes a comment and `javascript:`, `vbscript:`, `file:` and
/// `data:` (other than images) link targets are emptied. `CMARK_OPT_UNSAFE` is never set.
enum CommonMark {
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS

    /// HTML for a block of Markdown.
    static func html(_ markdown: String) -> String {
        guard !markdown.isEmpty else { return "" }
        var utf8 = Array(markdown.utf8)
        let rendered: UnsafeMutablePointer<CChar>? = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_markdown_to_html($0, buffer.count, options)
            }
        }
        guard let rendered else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// HTML for a one-paragraph fragment (a list item, a table cell), without the wrapping
    /// `<p>` so it can sit inside other markup.
    static func inlineHTML(_ markdown: String) -> String {
        let block = html(markdown).trimmingCharacters(in: .whitespacesAndNewlines)
        if block.hasPrefix("<p>") && block.hasSuffix("</p>") {
            let inner = block.dropFirst(3).dropLast(4)
            if !inner.contains("<p>") { return String(inner) }
        }
        return block
    }
}
