import ErrorDocsModel

/// An error's status is one its family lists (a warning).
///
/// Families carry the status playbook: a 503 filed under the "Validation" family, whose
/// statuses are 400 and 422, is probably in the wrong family. Families with no `statuses`
/// accept any status.
///
/// Fails:
///
/// ```yaml
/// # family validation lists statuses [400, 422]
/// family: validation
/// status: 503
/// ```
///
/// Passes:
///
/// ```yaml
/// family: unavailable   # lists [503]
/// status: 503
/// ```
public enum StatusOutsideFamily: ErrorFileRule {
    public static let id = "status-outside-family"
    public static let summary = "An error's status is one of its family's statuses."
    public static let defaultSeverity = Diagnostic.Severity.warning

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for error in catalog.errors {
            guard let status = error.status, let familyID = error.family,
                  let family = catalog.settings.family(familyID.value), !family.statuses.isEmpty,
                  !family.statuses.contains(where: { $0.value == status.value })
            else { continue }
            let listed = family.statuses.map { String($0.value) }.joined(separator: ", ")
            findings.append(LintFinding(
                at: status.location,
                "status \(status.value) is not one of family '\(familyID.value)' statuses (\(listed))"))
        }
    }
}
