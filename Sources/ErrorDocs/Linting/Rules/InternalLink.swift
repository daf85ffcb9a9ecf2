import ErrorDocsModel

/// Links between pages of the catalog point at pages that exist.
///
/// A link or image destination with no URL scheme that does not start with `/`, `#` or `//` is
/// an internal link, written relative to the site root, in one of these forms:
///
/// - `errors/<code>`: the page of an error defined in the catalog;
/// - `families/<id>`: the page of a family listed in `catalog.yaml`;
/// - `guides/<slug>`: a guide in `guides/<slug>.md`;
/// - `status-codes`, `retries` or `index`: the status playbook, the retry table, the home page.
///
/// Each form may end in `/`, a `#fragment`, or both (`errors/rate_limited/#recovery-pattern`); whether
/// the page has that fragment is known once it is rendered, so the build checks it
/// (`link-fragment`). Any other
/// relative destination (`../rate_limited`, `errors/` without a code, `foo/bar`) is reported
/// too, with the list of accepted forms. Every Markdown field is checked: an error's `meaning`,
/// `causes`, `details`, `quick_fix`, `prevention`, recovery and header descriptions and
/// deprecation note, families' `description` and `handling`, envelopes' `description`, the
/// catalog's `description`, and guides. Each problem is reported where the link starts. While an
/// error file does not read (its own error is reported), links to errors are not looked up.
///
/// Fails:
///
/// ```yaml
/// meaning: |
///   You sent too much; see [daily quotas](errors/daily_quota) and [retries](../retries).
/// ```
///
/// Passes:
///
/// ```yaml
/// meaning: |
///   You sent too much; see [daily quotas](errors/daily_quota_exceeded) and [retries](retries).
/// ```
public enum InternalLink: LinkRule {
    public static let id = "internal-link"
    public static let summary = "Internal links in Markdown point at existing pages."
    public static let defaultSeverity = Diagnostic.Severity.error

    static let acceptedForms = "errors/<code>, families/<id>, guides/<slug>, status-codes, retries or index "
        + "(relative to the site root, optionally ending in '/' and/or '#fragment')"

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        check(MarkdownFields.links(in: catalog), in: catalog, &findings)
    }

    static func check(_ links: some Sequence<MarkdownFields.Link>, in catalog: Catalog, _ findings: inout [LintFinding]) {
        let codes = Set(catalog.errors.compactMap { $0.code?.value })
        let families = Set(catalog.settings.families.map(\.id.value))
        let guides = Set(catalog.guides.map(\.slug))
        for link in links where MarkdownFields.isInternal(link.destination) {
            if let problem = problem(link.destination, codes: codes, families: families, guides: guides,
                                     lookingUpCodes: catalog.unreadableFiles.isEmpty) {
                findings.append(LintFinding(at: link.location, "\(link.kind) '\(link.destination)' in \(link.field) \(problem)"))
            }
        }
    }

    /// Why an internal destination does not resolve, or nil when it does.
    /// - Parameter lookingUpCodes: false while an error file does not read (its code may be there).
    static func problem(_ destination: String, codes: Set<String>, families: Set<String>, guides: Set<String>,
                        lookingUpCodes: Bool = true) -> String? {
        switch PageReference(destination)?.page {
        case .index, .statusCodes, .retries:
            return nil
        case .error(let code):
            return codes.contains(code) || !lookingUpCodes ? nil : "points at error '\(code)', which is not defined in the catalog"
        case .family(let id):
            return families.contains(id) ? nil : "points at family '\(id)', which catalog.yaml does not list"
        case .guide(let slug):
            return guides.contains(slug) ? nil : "points at guide '\(slug)', but there is no guides/\(slug).md"
        case nil:
            return "is not a page of this site; internal links take one of the forms \(acceptedForms)"
        }
    }
}
