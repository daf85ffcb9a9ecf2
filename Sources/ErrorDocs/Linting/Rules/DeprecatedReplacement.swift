import ErrorDocsModel

/// A deprecated error's `replaced_by` names a current error other than itself.
///
/// Readers and SDKs follow `replaced_by` to the code they should handle instead; a replacement
/// that is deprecated too sends them to another dead end, and an error that replaces itself
/// sends them nowhere. The problem is reported at `replaced_by`, with a note at the
/// replacement's own deprecation. A replacement code that is not defined at all is reported by
/// `unresolved-reference`.
///
/// Fails:
///
/// ```yaml
/// # errors/quota_exceeded.yaml
/// code: quota_exceeded
/// deprecated: {since: "1.2.0", replaced_by: daily_limit_reached}
/// # errors/daily_limit_reached.yaml
/// code: daily_limit_reached
/// deprecated: {since: "1.3.0", replaced_by: daily_quota_exceeded}
/// ```
///
/// Passes:
///
/// ```yaml
/// # errors/quota_exceeded.yaml
/// code: quota_exceeded
/// deprecated: {since: "1.2.0", replaced_by: daily_quota_exceeded}
/// # errors/daily_quota_exceeded.yaml
/// code: daily_quota_exceeded
/// ```
public enum DeprecatedReplacement: LintRule {
    public static let id = "deprecated-replacement"
    public static let summary = "A deprecated error is replaced by a current error other than itself."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        // The first definition of each code, looked up once per replacement (not a scan of the
        // catalog each: a large catalog may deprecate thousands).
        var byCode: [String: ErrorDefinition] = [:]
        if catalog.errors.contains(where: { $0.deprecated?.replacedBy != nil }) {
            for error in catalog.errors {
                if let code = error.code?.value, byCode[code] == nil { byCode[code] = error }
            }
        }
        for error in catalog.errors {
            guard let replacement = error.deprecated?.replacedBy else { continue }
            if replacement.value == error.code?.value {
                findings.append(LintFinding(at: replacement.location, "'\(replacement.value)' cannot be replaced by itself"))
            } else if let target = byCode[replacement.value], let deprecation = target.deprecated {
                findings.append(LintFinding(
                    at: replacement.location,
                    "replacement '\(replacement.value)' is deprecated too; name the error that replaces it instead",
                    notes: [Diagnostic.Note("'\(replacement.value)' deprecated here", at: deprecation.location)]))
            }
        }
    }
}
