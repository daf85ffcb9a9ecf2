import ErrorDocsModel
import Foundation

/// Static checks of one Mustache template (see ``Theme``).
///
/// A value inserted without escaping (`{{{…}}}` or `{{&…}}`) must be one errdocs made safe: in
/// HTML templates a name ending in `html` (cmark's safe output); in the Markdown twins a name
/// ending in `markdown` or `cell` (the catalog's Markdown, raw HTML removed) or `fence`, or any
/// value inside a code span or code block of the template, where Markdown is not read (the
/// block's fence must be a `…fence` value, longer than any run of backticks in it). A
/// `CONTENT_TYPE` pragma is refused: it would turn escaping off for the rest of the template.
/// Inside an HTML tag of a Markdown template (`<a id="{{anchor}}">`), where Markdown escaping
/// protects nothing, only values whose name ends in `anchor` (``htmlID(_:)``) may be inserted.
enum TemplateCheck {
    /// The Markdown twins' templates, escaped for Markdown rather than HTML.
    static func isMarkdown(_ path: String) -> Bool { path.hasPrefix("markdown/") }

    private static let tag = try! NSRegularExpression(pattern: #"\{\{(\{?)\s*([#^/!>&<$%]?)\s*([^}]*?)\s*\}?\}\}"#)

    static func check(_ text: String, file: String, templates: Set<String>, markdown: Bool = false) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let blocks = markdown ? codeBlocks(in: text) : []
        let range = NSRange(text.startIndex..., in: text)
        let matches = tag.matches(in: text, range: range)
        let htmlTags = markdown ? htmlTags(in: text, outside: matches.compactMap { Range($0.range, in: text) }) : []
        for match in matches {
            guard let whole = Range(match.range, in: text), let sigilRange = Range(match.range(at: 2), in: text),
                  let nameRange = Range(match.range(at: 3), in: text), let tripleRange = Range(match.range(at: 1), in: text)
            else { continue }
            let sigil = text[sigilRange], name = String(text[nameRange])
            // Only computed for a problem: counting lines up to every tag made loading a theme
            // quadratic in the template's length.
            var location: SourceLocation { position(of: whole.lowerBound, in: text, file: file) }
            if sigil == ">" || sigil == "<" {
                if !templates.contains(name + ".mustache") {
                    diagnostics.append(Diagnostic(
                        "template-missing-partial", .error, at: location,
                        "template '\(name)' does not exist; it would render as nothing"))
                }
            }
            if sigil == "%" && name.uppercased().hasPrefix("CONTENT_TYPE") {
                diagnostics.append(Diagnostic(
                    "template-unescaped", .error, at: location,
                    "a CONTENT_TYPE pragma would turn off escaping; errdocs escapes for HTML, or for Markdown under markdown/"))
            }
            let unescaped = !text[tripleRange].isEmpty || sigil == "&"
            let lowered = name.lowercased()
            if markdown, sigil.isEmpty || sigil == "&", !lowered.hasSuffix("anchor"),
               htmlTags.contains(where: { $0.contains(whole.lowerBound) }) {
                diagnostics.append(Diagnostic(
                    "template-unescaped", .error, at: location,
                    "'\(name)' is inside an HTML tag, where Markdown escaping does not protect it; only values whose name ends in 'anchor' may be"))
                continue
            }
            if unescaped && !markdown && !lowered.hasSuffix("html") {
                diagnostics.append(Diagnostic(
                    "template-unescaped", .error, at: location,
                    "'\(name)' is inserted without HTML escaping; only values whose name ends in 'html' (rendered Markdown) may be"))
            } else if unescaped && markdown && !["markdown", "cell", "fence"].contains(where: { lowered.hasSuffix($0) })
                        && !isInCode(whole.lowerBound, in: text, blocks: blocks) {
                diagnostics.append(Diagnostic(
                    "template-unescaped", .error, at: location,
                    "'\(name)' is inserted without Markdown escaping; only values whose name ends in 'markdown', 'cell' or 'fence', or values inside a code span or code block, may be"))
            }
        }
        return diagnostics
    }

    /// The HTML tags of a template (`<a id="{{anchor}}">`), from `<` and a letter or `/` to the
    /// next `>`, neither inside a Mustache tag (`mustache`, in order).
    private static func htmlTags(in text: String, outside mustache: [Range<String.Index>]) -> [Range<String.Index>] {
        var tags: [Range<String.Index>] = []
        var open: String.Index?
        var next = mustache.makeIterator(), skip = next.next()
        var index = text.startIndex
        while index < text.endIndex {
            if let current = skip, index >= current.lowerBound {
                index = current.upperBound
                skip = next.next()
                continue
            }
            let after = text.index(after: index)
            if text[index] == "<", open == nil, after < text.endIndex, text[after].isLetter || text[after] == "/" {
                open = index
            } else if text[index] == ">", let start = open {
                tags.append(start..<after)
                open = nil
            }
            index = after
        }
        return tags
    }

    /// Every variable or section name used in a template, with where it is used. Names inside
    /// transforms such as `count(errors)` are reported by their argument.
    static func variables(in text: String, file: String) -> [(name: String, location: SourceLocation)] {
        var uses: [(String, SourceLocation)] = []
        let range = NSRange(text.startIndex..., in: text)
        for match in tag.matches(in: text, range: range) {
            guard let whole = Range(match.range, in: text), let sigilRange = Range(match.range(at: 2), in: text),
                  let nameRange = Range(match.range(at: 3), in: text)
            else { continue }
            guard ["", "#", "^", "/", "&"].contains(String(text[sigilRange])) else { continue }
            var name = String(text[nameRange])
            if let open = name.firstIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
                name = String(name[name.index(after: open)..<close])
            }
            if name.hasPrefix(".") { name.removeFirst() }
            guard !name.isEmpty, text[sigilRange] != "/" else { continue }
            uses.append((name, position(of: whole.lowerBound, in: text, file: file)))
        }
        return uses
    }

    /// The templates a template includes as a partial (`{{> name}}`) or parent (`{{< name}}`).
    static func included(by text: String) -> [String] {
        tag.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let sigil = Range(match.range(at: 2), in: text), ["<", ">"].contains(text[sigil]),
                  let name = Range(match.range(at: 3), in: text) else { return nil }
            return String(text[name])
        }
    }

    /// The template's fenced code blocks: from a line starting with three backticks or a
    /// `…fence` value to the next such line.
    private static func codeBlocks(in text: String) -> [Range<String.Index>] {
        var blocks: [Range<String.Index>] = [], opened: String.Index?
        var lineStart = text.startIndex
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let start = text[lineStart..<lineEnd].drop(while: { $0 == " " })
            if start.hasPrefix("```") || (start.hasPrefix("{{{") && start.lowercased().contains("fence}}}")) {
                if let from = opened {
                    blocks.append(from..<lineEnd)
                    opened = nil
                } else {
                    opened = lineStart
                }
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        if let from = opened { blocks.append(from..<text.endIndex) }
        return blocks
    }

    /// Whether `index` is in one of `blocks` or a code span (after an odd number of backticks on
    /// its line).
    private static func isInCode(_ index: String.Index, in text: String, blocks: [Range<String.Index>]) -> Bool {
        if blocks.contains(where: { $0.contains(index) }) { return true }
        let before = text[..<index]
        let line = before.lastIndex(of: "\n").map { before[before.index(after: $0)...] } ?? before
        return line.filter({ $0 == "`" }).count % 2 == 1
    }

    private static func position(of index: String.Index, in text: String, file: String) -> SourceLocation {
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = (before.lastIndex(of: "\n").map { before[before.index(after: $0)...] } ?? before).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
