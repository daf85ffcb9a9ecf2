import ErrorDocsModel
import Foundation

/// `errdocs lint --format json`: one document, keys sorted, documented in docs/lint-output.md.
/// `version` changes only when a field is removed or changes meaning.
public struct JSONReport: Codable, Equatable, Sendable {
    public struct Summary: Codable, Equatable, Sendable {
        public var errors: Int
        public var warnings: Int
        public var files: Int
        public var errorDefinitions: Int

        enum CodingKeys: String, CodingKey {
            case errors, warnings, files
            case errorDefinitions = "error_definitions"
        }
    }

    public struct Note: Codable, Equatable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
    }

    public struct Item: Codable, Equatable, Sendable {
        public var rule: String
        public var severity: String
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public var notes: [Note]
    }

    public static let currentVersion = 1

    public var version: Int
    public var summary: Summary
    public var diagnostics: [Item]

    public init(_ diagnostics: [Diagnostic], summary: LintSummary) {
        version = Self.currentVersion
        self.summary = Summary(errors: summary.errors, warnings: summary.warnings, files: summary.files, errorDefinitions: summary.errorDefinitions)
        self.diagnostics = diagnostics.map { diagnostic in
            Item(
                rule: diagnostic.ruleID, severity: diagnostic.severity.rawValue, file: diagnostic.location.file,
                line: diagnostic.location.line, column: diagnostic.location.column, message: diagnostic.message,
                notes: diagnostic.notes.map { Note(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message) })
        }
    }

    /// The document, ending with a newline.
    public func encoded() -> String {
        // Plain structs of strings and integers always encode.
        String(decoding: try! sortedJSON(self), as: UTF8.self)
    }
}
