import ErrorDocsModel

/// The retry policy agrees with the HTTP status.
///
/// - 400, 401, 403, 404, 409, 410, 413 and 422 describe a request that will fail the same way
///   again: never `backoff` or `retry_after` (use `after_fix` or `never`).
/// - 429 tells the client when to come back: `retry_after`.
/// - 500, 502, 503 and 504 are transient: `backoff` or `retry_after`.
///
/// The policy checked is the error's own `retry`, or its family's when it has none; a family's
/// default is also checked against every status the family lists.
///
/// Fails:
///
/// ```yaml
/// status: 400
/// retry: {policy: backoff, max_attempts: 3}
/// ```
///
/// Passes:
///
/// ```yaml
/// status: 400
/// retry: {policy: after_fix}
/// ```
public enum RetryPolicyMatchesStatus: ErrorFileRule {
    public static let id = "retry-policy-matches-status"
    public static let summary = "Retry policies agree with HTTP statuses."
    public static let defaultSeverity = Diagnostic.Severity.error

    static let neverRetried: Set<Int> = [400, 401, 403, 404, 409, 410, 413, 422]
    static let transient: Set<Int> = [500, 502, 503, 504]

    /// Why `policy` does not fit `status`, or nil when it fits.
    static func problem(status: Int, policy: RetryPolicy.Kind) -> String? {
        if neverRetried.contains(status) && policy.isRetryable {
            return "status \(status) fails the same way on retry, so the policy must be after_fix or never, not \(policy.rawValue)"
        }
        if status == 429 && policy != .retryAfter {
            return "status 429 tells the client when to retry, so the policy must be retry_after, not \(policy.rawValue)"
        }
        if transient.contains(status) && !policy.isRetryable {
            return "status \(status) is transient, so the policy must be backoff or retry_after, not \(policy.rawValue)"
        }
        return nil
    }

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for family in catalog.settings.families {
            guard let retry = family.retry else { continue }
            for status in family.statuses {
                if let problem = problem(status: status.value, policy: retry.kind.value) {
                    findings.append(LintFinding(
                        at: retry.kind.location, "family '\(family.id.value)': \(problem)",
                        notes: [Diagnostic.Note("status listed here", at: status.location)]))
                }
            }
        }
        for error in catalog.errors {
            guard let status = error.status, let retry = catalog.effectiveRetry(of: error),
                  let problem = problem(status: status.value, policy: retry.kind.value)
            else { continue }
            if error.retry != nil {
                findings.append(LintFinding(
                    at: retry.kind.location, problem, notes: [Diagnostic.Note("status set here", at: status.location)]))
            } else {
                findings.append(LintFinding(
                    at: status.location, "\(problem) (the policy comes from family '\(error.family?.value ?? "")'; give the error its own 'retry')",
                    notes: [Diagnostic.Note("family policy set here", at: retry.kind.location)]))
            }
        }
    }
}
