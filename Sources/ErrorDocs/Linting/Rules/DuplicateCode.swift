import ErrorDocsModel

/// Each code is defined once across the whole catalog.
///
/// Two definitions of `rate_limited`, in the same file or in two files, would fight over one
/// page and one registry entry. The second definition is reported, with a note at the first.
///
/// Fails:
///
/// ```yaml
/// # errors/limits.yaml
/// code: rate_limited
/// # errors/legacy.yaml
/// code: rate_limited
/// ```
///
/// Passes:
///
/// ```yaml
/// # errors/limits.yaml
/// code: rate_limited
/// # errors/legacy.yaml
/// code: legacy_rate_limited
/// ```
public enum DuplicateCode: LintRule {
    public static let id = "duplicate-code"
    public static let summary = "Each error code is defined once."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var first: [String: SourceLocation] = [:]
        for error in catalog.errors {
            guard let code = error.code else { continue }
            if let earlier = first[code.value] {
                findings.append(LintFinding(
                    at: code.location, "code '\(code.value)' is already defined at \(earlier)",
                    notes: [Diagnostic.Note("'\(code.value)' first defined here", at: earlier)]))
            } else {
                first[code.value] = code.location
            }
        }
    }
}
