import ErrorDocsModel

/// What one lint run found, for every output format.
public struct LintSummary: Sendable, Equatable {
    public var errors: Int
    public var warnings: Int
    public var files: Int
    public var errorDefinitions: Int

    public init(_ diagnostics: [Diagnostic], files: Int, errorDefinitions: Int) {
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.count - errors
        self.files = files
        self.errorDefinitions = errorDefinitions
    }

    /// `2 errors, 1 warning in 61 files (60 error definitions)`
    public var line: String {
        "\(Self.plural(errors, "error")), \(Self.plural(warnings, "warning")) in \(Self.plural(files, "file")) (\(Self.plural(errorDefinitions, "error definition")))"
    }

    public static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
