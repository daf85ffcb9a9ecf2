import ErrorDocsModel

/// Every family listed in `catalog.yaml` has at least one error.
///
/// A family without errors still gets a page, a row in the status playbook and a place in the
/// registry, all of them empty; it is usually left over from a rename or a family whose errors
/// have not been written yet. The family is reported at its `id`.
///
/// Fails:
///
/// ```yaml
/// # catalog.yaml
/// families:
///   - id: billing          # no error has family: billing
///     title: Billing
/// ```
///
/// Passes:
///
/// ```yaml
/// # catalog.yaml
/// families:
///   - id: billing
///     title: Billing
/// # errors/billing/payment_required.yaml
/// code: payment_required
/// family: billing
/// ```
public enum EmptyFamily: LintRule {
    public static let id = "empty-family"
    public static let summary = "Every family has at least one error."
    public static let defaultSeverity = Diagnostic.Severity.warning

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        let used = Set(catalog.errors.compactMap { $0.family?.value })
        for family in catalog.settings.families where !used.contains(family.id.value) {
            findings.append(LintFinding(at: family.id.location, "family '\(family.id.value)' has no errors"))
        }
    }
}
