import ErrorDocsModel
import Foundation

/// No two errors share a title.
///
/// Titles head the error pages and name the errors in the index, search results and the
/// registry; two errors called "Rate limit exceeded" cannot be told apart there. Titles are
/// compared without regard to case or surrounding spaces. The second error is reported, with a
/// note at the first.
///
/// Fails:
///
/// ```yaml
/// # errors/limits.yaml
/// code: rate_limited
/// title: Rate limit exceeded
/// # errors/quota.yaml
/// code: daily_quota_exceeded
/// title: Rate limit exceeded
/// ```
///
/// Passes:
///
/// ```yaml
/// # errors/limits.yaml
/// code: rate_limited
/// title: Rate limit exceeded
/// # errors/quota.yaml
/// code: daily_quota_exceeded
/// title: Daily quota exceeded
/// ```
public enum DuplicateTitle: LintRule {
    public static let id = "duplicate-title"
    public static let summary = "No two errors share a title."
    public static let defaultSeverity = Diagnostic.Severity.warning

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var first: [String: (code: String, location: SourceLocation)] = [:]
        for error in catalog.errors {
            guard let title = error.title else { continue }
            let key = title.value.trimmingWhitespace().lowercased()
            guard !key.isEmpty else { continue }
            let code = error.code?.value ?? ""
            if let earlier = first[key] {
                findings.append(LintFinding(
                    at: title.location, "title '\(title.value)' is also the title of '\(earlier.code)'",
                    notes: [Diagnostic.Note("'\(earlier.code)' has the same title here", at: earlier.location)]))
            } else {
                first[key] = (code, title.location)
            }
        }
    }
}
