import ErrorDocsModel

/// A summary is one line of at most 200 characters.
///
/// Summaries appear under the title, in search results, in tables and in SDK messages; longer
/// text belongs in `meaning` or `details`.
///
/// Fails:
///
/// ```yaml
/// summary: |
///   You sent more requests than your plan allows in the current window.
///   Wait for the number of seconds in Retry-After, then retry.
/// ```
///
/// Passes:
///
/// ```yaml
/// summary: Too many requests; wait for Retry-After, then retry.
/// ```
public enum SummaryLength: ErrorFileRule {
    public static let id = "summary-length"
    public static let summary = "Summaries are one line of at most 200 characters."
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let maximumLength = 200

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        let summaries = catalog.errors.compactMap(\.summary) + catalog.settings.families.compactMap(\.summary)
        OneLineText.check(summaries, named: "summary", limit: maximumLength, &findings)
    }
}
