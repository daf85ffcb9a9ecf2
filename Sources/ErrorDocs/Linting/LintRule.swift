import ErrorDocsModel

/// One check over a loaded catalog. Each rule lives in `Rules/`, in a file named after its id,
/// and its doc comment is its documentation: `errdocs explain`, `errdocs rules` and
/// `docs/rules.md` are generated from it. The comment has this shape:
///
///     /// One sentence saying what the rule requires.
///     ///
///     /// Why it matters, and any details (Markdown, as many paragraphs as needed).
///     ///
///     /// Fails:
///     ///
///     /// ```yaml
///     /// code: RateLimited
///     /// ```
///     ///
///     /// Passes:
///     ///
///     /// ```yaml
///     /// code: rate_limited
///     /// ```
///     public enum CodeFormat: ErrorFileRule {   // or LintRule, for a rule that compares errors
public protocol LintRule: Sendable {
    /// Stable kebab-case identifier, shown in brackets after each message.
    static var id: String { get }
    /// One line saying what the rule checks.
    static var summary: String { get }
    static var defaultSeverity: Diagnostic.Severity { get }

    static func check(_ catalog: Catalog, _ findings: inout [LintFinding])
}

/// A problem found by a rule, before the catalog's configuration sets its severity.
public struct LintFinding: Sendable {
    public var location: SourceLocation
    public var message: String
    public var notes: [Diagnostic.Note]
    /// Set by rules that report at two severities (an error for one case, a warning for another).
    public var severity: Diagnostic.Severity?

    public init(at location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = [], severity: Diagnostic.Severity? = nil) {
        self.location = location
        self.message = message
        self.notes = notes
        self.severity = severity
    }
}

/// A rule that checks the links and images of every Markdown field. Finding them means parsing
/// all Markdown of the catalog, so the linter does it once for all such rules. One that is also
/// an ``ErrorFileRule`` is given the external links (``MarkdownFields/isExternal(_:)``) of the
/// files it runs on; one over the whole catalog, the internal links of every file. Both get
/// every link of catalog.yaml and the guides.
protocol LinkRule: LintRule {
    static func check(_ links: some Sequence<MarkdownFields.Link>, in catalog: Catalog, _ findings: inout [LintFinding])
}

/// A rule that checks the raw HTML of every Markdown field. The linter finds it in the same
/// parse of each field as the links, and only in the error files it lints anew (the rule
/// reports nothing but where the HTML is).
protocol RawHTMLRule: ErrorFileRule {
    static func check(_ html: [MarkdownFields.RawHTML], _ findings: inout [LintFinding])
}

/// A rule that looks at each error on its own, with the catalog's settings. What it finds about
/// an error is in that error's file, and what it finds elsewhere (catalog.yaml, guides) depends
/// on the settings and guides only: so a build keeps what it found in each error file, and
/// runs it again only on files that changed since, or on all when catalog.yaml changed.
protocol ErrorFileRule: LintRule {}
