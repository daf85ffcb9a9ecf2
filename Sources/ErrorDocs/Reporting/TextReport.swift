import ErrorDocsModel

/// The default format: each diagnostic as `path:line:col: severity: message [rule-id]`, the
/// source line under it with a caret at the column, its notes, then a summary line.
///
///     errors/x.yaml:5:17: error: a 400 error cannot use retry policy 'backoff' [retry-policy-matches-status]
///         5 | retry: {policy: backoff}
///           |                 ^
struct TextReport {
    var colour: Bool
    var source: SourceLines

    func render(_ diagnostics: [Diagnostic], summary: LintSummary?) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let severity = diagnostic.severity == .error ? paint("error", .red) : paint("warning", .yellow)
            out += paint("\(diagnostic.location):", .bold) + " \(severity): \(printable(diagnostic.message)) [\(diagnostic.ruleID)]\n"
            out += excerpt(at: diagnostic.location)
            for note in diagnostic.notes {
                out += paint("\(note.location):", .bold) + " \(paint("note", .cyan)): \(printable(note.message))\n"
                out += excerpt(at: note.location)
            }
        }
        if let summary {
            out += paint(summary.line, summary.errors > 0 ? .red : summary.warnings > 0 ? .yellow : .green) + "\n"
        }
        return out
    }

    /// The line, numbered, and a caret under the column; tabs are kept so the caret lines up.
    /// A long line is shown around the column only, cut with "…": a file of one 9 MB line
    /// printed all of it under its one diagnostic.
    private func excerpt(at location: SourceLocation) -> String {
        guard let line = source.line(location.line, of: location.file) else { return "" }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let (shown, column) = Self.window(printable(line), column: location.column)
        let before = shown.unicodeScalars.prefix(max(0, column - 1))
        let padding = String(String.UnicodeScalarView(before.map { $0 == "\t" ? "\t" : " " }))
        return "  \(paint(number, .blue)) \(paint("|", .blue)) \(shown)\n"
            + "  \(gutter) \(paint("|", .blue)) \(padding)\(paint("^", .green))\n"
    }

    /// At most `Self.widest` characters of `line` around `column`, and the column within them.
    static func window(_ line: String, column: Int) -> (text: String, column: Int) {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > widest else { return (line, column) }
        let start = min(max(0, column - 1 - widest / 2), scalars.count - widest)
        let end = start + widest
        var text = start > 0 ? "…" : ""
        text.unicodeScalars.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text += "…" }
        return (text, column - start + (start > 0 ? 1 : 0))
    }

    static let widest = 160

    private enum Style: String {
        case bold = "1", red = "1;31", yellow = "1;33", green = "1;32", cyan = "1;36", blue = "1;34"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// `text` with control characters other than tab replaced by U+FFFD, so catalog content can
/// never send escape sequences to the reader's terminal.
func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.map { isControl($0) ? "\u{FFFD}" : $0 }))
}

private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
}
