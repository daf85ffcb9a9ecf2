import ErrorDocsModel

/// An error's `family` is one of the families listed in `catalog.yaml`.
///
/// Fails:
///
/// ```yaml
/// # catalog.yaml lists families validation and rate_quota
/// family: ratelimit
/// ```
///
/// Passes:
///
/// ```yaml
/// family: rate_quota
/// ```
public enum UnknownFamily: ErrorFileRule {
    public static let id = "unknown-family"
    public static let summary = "Errors name a family defined in catalog.yaml."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        let known = catalog.settings.families.map(\.id.value)
        let defined = Set(known)
        for error in catalog.errors {
            guard let family = error.family, !defined.contains(family.value) else { continue }
            let suggestion = Spelling.closest(to: family.value, in: known).map { "; did you mean '\($0)'?" } ?? ""
            findings.append(LintFinding(
                at: family.location,
                "unknown family '\(family.value)'; catalog.yaml defines: \(known.joined(separator: ", "))\(suggestion)"))
        }
    }
}
