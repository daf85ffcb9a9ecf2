import ErrorDocsModel

/// A title is one line of at most 100 characters.
///
/// Titles name the page in the browser tab, head the page, and fill a cell in every table and
/// sidebar that lists the error; a line break breaks those tables, and a long title belongs in
/// `summary`. Family titles are checked the same way.
///
/// Fails:
///
/// ```yaml
/// title: |
///   Rate limit exceeded
///   for this API key
/// ```
///
/// Passes:
///
/// ```yaml
/// title: Rate limit exceeded
/// ```
public enum TitleLength: ErrorFileRule {
    public static let id = "title-length"
    public static let summary = "Titles are one line of at most 100 characters."
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let maximumLength = 100

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        let titles = catalog.errors.compactMap(\.title) + catalog.settings.families.compactMap(\.title)
        OneLineText.check(titles, named: "title", limit: maximumLength, &findings)
    }
}
