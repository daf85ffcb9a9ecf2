import ErrorDocsModel

/// HTTP statuses are between 100 and 599, in errors, examples and families.
///
/// Fails:
///
/// ```yaml
/// status: 4290
/// ```
///
/// Passes:
///
/// ```yaml
/// status: 429
/// ```
public enum StatusRange: ErrorFileRule {
    public static let id = "status-range"
    public static let summary = "HTTP statuses are between 100 and 599."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var statuses = catalog.settings.families.flatMap(\.statuses)
        for error in catalog.errors {
            statuses += [error.status, error.example?.status].compactMap { $0 }
        }
        for status in statuses where !(100...599).contains(status.value) {
            findings.append(LintFinding(at: status.location, "HTTP status \(status.value) is outside 100–599"))
        }
    }
}
