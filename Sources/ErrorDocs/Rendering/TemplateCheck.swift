import ErrorDocsModel
import Foundation

/// Static checks of one Mustache template (see ``Theme``).
enum TemplateCheck {
    private static let tag = try! NSRegularExpression(pattern: #"\{\{(\{?)\s*([#^/!>&<$%]?)\s*([^}]*?)\s*\}?\}\}"#)

    static func check(_ text: String, file: String, templates: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let range = NSRange(text.startIndex..., in: text)
        for match in tag.matches(in: text, range: range) {
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
            let unescaped = !text[tripleRange].isEmpty || sigil == "&"
            if unescaped && !name.lowercased().hasSuffix("html") {
                diagnostics.append(Diagnostic(
                    "template-unescaped", .error, at: location,
                    "'\(name)' is inserted without HTML escaping; only values whose name ends in 'html' (rendered Markdown) may be"))
            }
        }
        return diagnostics
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

    private static func position(of index: String.Index, in text: String, file: String) -> SourceLocation {
        let before = text[..<index]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = (before.lastIndex(of: "\n").map { before[before.index(after: $0)...] } ?? before).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
