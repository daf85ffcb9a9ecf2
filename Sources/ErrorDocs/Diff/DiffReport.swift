import Foundation

/// `errdocs diff --format text|json|markdown`.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text, json, markdown
}

extension CatalogDiff {
    public func render(_ format: DiffFormat) -> String {
        switch format {
        case .text: return text()
        case .json: return json()
        case .markdown: return markdown()
        }
    }

    private var counts: String {
        let levels: [ChangeKind.Level] = [.breaking, .nonBreaking, .docsOnly]
        return levels.map { level in "\(changes.filter { $0.level == level }.count) \(level.rawValue)" }.joined(separator: ", ")
    }

    private func text() -> String {
        var out = changes.map { "\($0.level.rawValue): \($0.message) [\($0.kind.rawValue)]\n" }.joined()
        out += "\(oldVersion) → \(newVersion): \(changes.isEmpty ? "no changes" : counts)\n"
        return out
    }

    private func json() -> String {
        struct Document: Encodable {
            var old_version: String
            var new_version: String
            var major_bump: Bool
            var summary: [String: Int]
            var changes: [Change]
        }
        var summary: [String: Int] = [:]
        for level in [ChangeKind.Level.breaking, .nonBreaking, .docsOnly] {
            summary[level.rawValue] = changes.filter { $0.level == level }.count
        }
        let document = Document(old_version: oldVersion, new_version: newVersion, major_bump: isMajorBump, summary: summary, changes: changes)
        // Plain structs of strings, integers and booleans always encode.
        return String(decoding: try! sortedJSON(document), as: UTF8.self)
    }

    /// Release notes: one section per level, one bullet per change.
    private func markdown() -> String {
        var out = "## Error catalog changes: \(oldVersion) → \(newVersion)\n\n"
        guard !changes.isEmpty else { return out + "No changes.\n" }
        let titles: [(ChangeKind.Level, String)] = [(.breaking, "Breaking changes"), (.nonBreaking, "Other changes"), (.docsOnly, "Documentation")]
        for (level, title) in titles {
            let items = changes.filter { $0.level == level }
            guard !items.isEmpty else { continue }
            out += "### \(title)\n\n"
            out += items.map { "- \(markdownEscaped($0.message)) (`\($0.kind.rawValue)`)\n" }.joined()
            out += "\n"
        }
        return out
    }

    private func markdownEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
