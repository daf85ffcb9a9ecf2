import ErrorDocsModel

/// The example's `status` equals the error's `status`.
///
/// An example of `rate_limited` (429) that shows a 400 response teaches the wrong thing.
///
/// Fails:
///
/// ```yaml
/// status: 429
/// example:
///   status: 400
///   body: {error: rate_limited, message: Slow down.}
/// ```
///
/// Passes:
///
/// ```yaml
/// status: 429
/// example:
///   status: 429
///   body: {error: rate_limited, message: Slow down.}
/// ```
public enum ExampleStatusMatches: ErrorFileRule {
    public static let id = "example-status-matches"
    public static let summary = "Example responses have the error's status."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for error in catalog.errors {
            guard let status = error.status, let exampleStatus = error.example?.status,
                  status.value != exampleStatus.value
            else { continue }
            findings.append(LintFinding(
                at: exampleStatus.location, "example status \(exampleStatus.value) differs from the error's status \(status.value)",
                notes: [Diagnostic.Note("error status set here", at: status.location)]))
        }
    }
}
