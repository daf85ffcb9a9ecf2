import ErrorDocsModel
import Foundation

/// An HTTP error whose retry policy is `retry_after` documents the `Retry-After` header.
///
/// `retry_after` tells clients to wait for the time the `Retry-After` header gives, so the
/// error's `headers` must list it (the name is compared without regard to case) and say what it
/// carries. The policy checked is the error's own `retry`, or its family's when it has none; the
/// problem is reported at the error's policy, or at its `status` when the policy comes from the
/// family. Errors met as events or SMTP replies have no response headers and are not checked.
///
/// Fails:
///
/// ```yaml
/// status: 429
/// retry: {policy: retry_after, max_attempts: 5}
/// headers:
///   - {name: X-RateLimit-Limit, description: Requests allowed per minute.}
/// ```
///
/// Passes:
///
/// ```yaml
/// status: 429
/// retry: {policy: retry_after, max_attempts: 5}
/// headers:
///   - {name: Retry-After, description: Seconds to wait before retrying.}
/// ```
public enum RetryAfterHeader: ErrorFileRule {
    public static let id = "retry-after-header"
    public static let summary = "Errors with the retry_after policy document the Retry-After header."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for error in catalog.errors where error.effectiveSurface == .response {
            guard let retry = catalog.effectiveRetry(of: error), retry.kind.value == .retryAfter else { continue }
            let documented = error.headers.contains {
                $0.name?.value.trimmingCharacters(in: .whitespaces).lowercased() == "retry-after"
            }
            if documented { continue }
            if error.retry != nil {
                findings.append(LintFinding(
                    at: retry.kind.location, "the policy is retry_after, so 'headers' must document Retry-After"))
            } else {
                let family = error.family?.value ?? ""
                findings.append(LintFinding(
                    at: error.status?.location ?? error.family?.location ?? error.location,
                    "the policy is retry_after (from family '\(family)'), so 'headers' must document Retry-After",
                    notes: [Diagnostic.Note("family policy set here", at: retry.kind.location)]))
            }
        }
    }
}
