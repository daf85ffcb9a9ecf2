import ErrorDocsModel

/// Family ids are unique lowercase identifiers: `^[a-z][a-z0-9_]*$`, as `catalog.yaml`'s schema
/// says.
///
/// A family id names its page (`families/<id>/`), its section of the index (`#family-<id>`) and
/// the `family` of every error in it, so it must survive URLs, file names and anchors unchanged.
/// A build refuses an id that would write outside the output (`../x`), but only this rule says
/// where the id is. Two families with one id would fight over that page; the second is
/// reported, with a note at the first.
///
/// Fails:
///
/// ```yaml
/// families:
///   - id: Rate-Quota
///     title: Rate / quota
/// ```
///
/// Passes:
///
/// ```yaml
/// families:
///   - id: rate_quota
///     title: Rate / quota
/// ```
public enum FamilyIdFormat: ErrorFileRule {
    public static let id = "family-id-format"
    public static let summary = "Family ids are unique lowercase identifiers."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var first: [String: SourceLocation] = [:]
        for family in catalog.settings.families {
            let id = family.id.value
            if let earlier = first[id] {
                findings.append(LintFinding(
                    at: family.id.location, "family id '\(id)' is already defined at \(earlier)",
                    notes: [Diagnostic.Note("'\(id)' first defined here", at: earlier)]))
            } else {
                first[id] = family.id.location
            }
            guard !isIdentifier(id) else { continue }
            findings.append(LintFinding(
                at: family.id.location, "family id '\(id)' must start with a lowercase letter and use only a-z, 0-9 and '_'"))
        }
    }

    private static func isIdentifier(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
