import ErrorDocsModel

/// The check shared by fields that are one line of plain text with a length limit (titles,
/// summaries): too long, or more than one line, reported at the value.
enum OneLineText {
    static func check(_ values: [Located<String>], named field: String, limit: Int, _ findings: inout [LintFinding]) {
        for value in values {
            let text = value.value.trimmingWhitespace()
            if text.count > limit {
                findings.append(LintFinding(at: value.location, "\(field) is \(text.count) characters; the limit is \(limit)"))
            } else if text.utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
                findings.append(LintFinding(at: value.location, "\(field) must be a single line"))
            }
        }
    }
}
