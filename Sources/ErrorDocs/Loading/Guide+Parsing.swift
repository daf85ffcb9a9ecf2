import ErrorDocsModel
import Foundation

extension Guide {
    static let slugPattern = #"^[a-z0-9][a-z0-9-]*$"#

    /// A guide is Markdown whose first line is `# Title`; its slug is the file name.
    static func parse(_ source: SourceText) -> Result<Guide, Diagnostic> {
        let start = SourceLocation(file: source.path, line: 1, column: 1)
        let fileName = source.path.split(separator: "/").last.map(String.init) ?? source.path
        let slug = String(fileName.dropLast(".md".count))
        guard slug.range(of: slugPattern, options: .regularExpression) != nil else {
            return .failure(Diagnostic(
                "guide-format", .error, at: start,
                "guide file name '\(fileName)' must be lowercase letters, digits and hyphens, ending in .md"))
        }
        // Swift reads "\r\n" as one Character, so CRLF files are normalised before splitting.
        let text = source.text.replacingOccurrences(of: "\r\n", with: "\n")
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("# "),
              case let title = first.dropFirst(2).trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty
        else {
            return .failure(Diagnostic("guide-format", .error, at: start, "a guide must start with a title line: '# Title'"))
        }
        let body = lines.count > 1 ? String(lines[1]) : ""
        return .success(Guide(
            slug: slug, title: title, body: Located(body, at: SourceLocation(file: source.path, line: 2, column: 1)),
            location: start))
    }
}
