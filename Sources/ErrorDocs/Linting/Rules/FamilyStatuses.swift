import ErrorDocsModel

/// A family lists `statuses` only when it has HTTP errors (a warning).
///
/// `statuses` are HTTP statuses: each becomes a row of the status playbook, with the family's
/// meaning and handling. A family of SMTP replies or of events that lists them (`[550, 554]`,
/// the replies of its errors) gets rows such as "550 Status 550" in a table of HTTP statuses.
/// SMTP replies belong in each error's `smtp`, and show in the retry table.
///
/// Fails:
///
/// ```yaml
/// families:
///   - id: smtp_permanent   # every error in it has surface: smtp
///     statuses: [550, 554]
/// ```
///
/// Passes:
///
/// ```yaml
/// families:
///   - id: smtp_permanent
/// ```
public enum FamilyStatuses: LintRule {
    public static let id = "family-statuses"
    public static let summary = "A family lists HTTP statuses only when it has HTTP errors."
    public static let defaultSeverity = Diagnostic.Severity.warning

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var surfaces: [String: Set<ErrorDefinition.Surface>] = [:]
        for error in catalog.errors {
            if let family = error.family?.value { surfaces[family, default: []].insert(error.effectiveSurface) }
        }
        for family in catalog.settings.families {
            // A family without errors is empty-family's to report.
            guard let first = family.statuses.first, let used = surfaces[family.id.value], !used.contains(.response) else { continue }
            let kinds = used.map { $0 == .smtp ? "SMTP replies" : "events" }.sorted().joined(separator: " and ")
            findings.append(LintFinding(
                at: first.location,
                "family '\(family.id.value)' lists HTTP statuses, but its errors are \(kinds); its statuses would be rows of the "
                    + "HTTP status playbook: remove them (" + (used.contains(.smtp) ? "an SMTP reply goes in each error's 'smtp'" : "an event's name goes in its 'event'") + ")"))
        }
    }
}
