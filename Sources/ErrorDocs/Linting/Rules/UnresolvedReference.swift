import ErrorDocsModel

/// Every code in `related` and in `deprecated.replaced_by` is defined in the catalog.
///
/// A broken reference becomes a dead link on the page and a dangling pointer in the registry.
/// An error that lists itself as related is reported too, and a code listed twice (a warning). While an error file does not read
/// (a YAML syntax error, invalid UTF-8: reported at its place), codes are not looked up, since
/// the missing one may be defined there.
///
/// Fails:
///
/// ```yaml
/// related: [rate_limit_exceeded]   # no such code
/// deprecated: {replaced_by: quota_exceeded_v2}
/// ```
///
/// Passes:
///
/// ```yaml
/// related: [rate_limited]
/// deprecated: {replaced_by: daily_quota_exceeded}
/// ```
public enum UnresolvedReference: LintRule {
    public static let id = "unresolved-reference"
    public static let summary = "Related and replacement codes exist."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        // A code may be defined in a file that did not read, whose own error says so.
        let lookingUp = catalog.unreadableFiles.isEmpty
        let codes = Set(catalog.errors.compactMap { $0.code?.value })
        for error in catalog.errors {
            let own = error.code?.value
            var listed: [String: SourceLocation] = [:]
            for reference in error.related {
                if let first = listed[reference.value] {
                    findings.append(LintFinding(at: reference.location, "'\(reference.value)' is listed twice in related",
                                                notes: [Diagnostic.Note("first listed here", at: first)], severity: .warning))
                    continue
                }
                listed[reference.value] = reference.location
                if reference.value == own {
                    findings.append(LintFinding(at: reference.location, "'\(reference.value)' lists itself as related"))
                } else if lookingUp && !codes.contains(reference.value) {
                    findings.append(LintFinding(at: reference.location, "related code '\(reference.value)' is not defined in the catalog"))
                }
            }
            if lookingUp, let replacement = error.deprecated?.replacedBy, !codes.contains(replacement.value) {
                findings.append(LintFinding(
                    at: replacement.location, "replacement code '\(replacement.value)' is not defined in the catalog"))
            }
        }
    }
}
