import ErrorDocsModel

/// Markdown fields do not contain raw HTML, which the pages leave out.
///
/// Catalog text is untrusted, so Markdown is rendered in cmark's safe mode: raw HTML becomes
/// `<!-- raw HTML omitted -->` on the pages and is removed from their Markdown twins, while
/// `registry.json` keeps the text as written. `(<b>not</b> delivered)` therefore reads
/// `(not delivered)` on the page, without the emphasis. Each inline tag and HTML block that
/// CommonMark parses as raw HTML is reported where it starts, with the Markdown to write
/// instead for `<b>`, `<strong>`, `<i>`, `<em>`, `<code>`, `<br>` and `<a href>`; a closing tag
/// is not reported when the field opened that element before it. Autolinks
/// (`<https://example.com>`, `<support@example.com>`), HTML inside code spans and code blocks,
/// and HTML comments (left out as a comment should be) are not raw HTML to this rule. The same
/// Markdown fields as `internal-link` are checked.
///
/// Fails:
///
/// ```yaml
/// meaning: |
///   The message was accepted but is <b>not</b> delivered yet.<br>
///   See <a href="https://status.example.com">the status page</a>.
/// ```
///
/// Passes:
///
/// ```yaml
/// meaning: |
///   The message was accepted but is **not** delivered yet.\
///   See [the status page](https://status.example.com) or <https://status.example.com>;
///   the header reads `Authorization: Bearer <token>`.
/// ```
public enum RawHTML: RawHTMLRule {
    public static let id = "raw-html"
    public static let summary = "Markdown fields do not contain raw HTML, which the pages leave out."
    public static let defaultSeverity = Diagnostic.Severity.warning

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        check(MarkdownFields.rawHTML(in: catalog), &findings)
    }

    static func check(_ html: [MarkdownFields.RawHTML], _ findings: inout [LintFinding]) {
        // Elements opened so far in the current field (fields come one after the other).
        var field = ""
        var open: [String: Int] = [:]
        for piece in html {
            if piece.field != field {
                field = piece.field
                open = [:]
            }
            let tag = Tag(piece.html)
            if tag.isComment { continue }
            if tag.isClosing, let count = open[tag.name], count > 0 {
                open[tag.name] = count - 1
                continue
            }
            if !tag.isClosing, !tag.name.isEmpty { open[tag.name, default: 0] += 1 }
            let suggestion = tag.isClosing ? nil : markdown(for: tag.name, piece.html)
            let kind = piece.isBlock ? "HTML block" : "raw HTML"
            findings.append(LintFinding(
                at: piece.location,
                "\(kind) '\(shown(piece.html))' in \(piece.field) is left out of the pages\(suggestion.map { "; \($0)" } ?? "")"))
        }
    }

    /// What to write in Markdown instead of an element, for the few with an obvious equivalent.
    static func markdown(for name: String, _ html: String) -> String? {
        switch name {
        case "b", "strong": return "write **…** instead"
        case "i", "em": return "write *…* instead"
        case "code": return "write `…` instead"
        case "br": return "end the line with a backslash for a line break instead"
        case "a" where html.lowercased().contains("href"): return "write a Markdown link, [text](url), instead"
        default: return nil
        }
    }

    /// The first line of the HTML, shortened, for the message.
    static func shown(_ html: String) -> String {
        let line = html.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    /// The element name of the first tag of some raw HTML (lowercased; empty for a
    /// declaration or processing instruction), and whether it closes an element or is a comment.
    struct Tag {
        var name = ""
        var isClosing = false
        var isComment = false

        init(_ html: String) {
            var rest = Substring(html).dropFirst()  // "<"
            if rest.hasPrefix("!--") {
                isComment = true
                return
            }
            if rest.first == "/" {
                isClosing = true
                rest = rest.dropFirst()
            }
            name = String(rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }).lowercased()
        }
    }
}
