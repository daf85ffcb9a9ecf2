import ErrorDocsModel

/// Every example names an envelope defined in `catalog.yaml`, or there is a default one.
///
/// With more than one envelope, exactly one must say `default: true`; examples that name no
/// envelope use it.
///
/// Fails:
///
/// ```yaml
/// example:
///   status: 404
///   envelope: problem   # catalog.yaml defines only 'standard'
///   body: {error: not_found, message: No such message.}
/// ```
///
/// Passes:
///
/// ```yaml
/// example:
///   status: 404
///   envelope: standard
///   body: {error: not_found, message: No such message.}
/// ```
public enum UnknownEnvelope: ErrorFileRule {
    public static let id = "unknown-envelope"
    public static let summary = "Examples use a defined envelope; one envelope is the default."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        let envelopes = catalog.settings.envelopes
        let defaults = envelopes.filter { $0.isDefault?.value == true }
        if defaults.count > 1 {
            for envelope in defaults.dropFirst() {
                findings.append(LintFinding(
                    at: envelope.isDefault?.location ?? envelope.location,
                    "only one envelope can be the default; '\(defaults[0].name.value)' already is",
                    notes: [Diagnostic.Note("default set here", at: defaults[0].isDefault?.location ?? defaults[0].location)]))
            }
        } else if defaults.isEmpty && envelopes.count > 1 {
            findings.append(LintFinding(
                at: envelopes[0].location, "\(envelopes.count) envelopes are defined but none has 'default: true'"))
        }
        let names = envelopes.map(\.name.value)
        for error in catalog.errors {
            guard let name = error.example?.envelope, catalog.settings.envelope(name.value) == nil else { continue }
            findings.append(LintFinding(
                at: name.location, "unknown envelope '\(name.value)'; catalog.yaml defines: \(names.joined(separator: ", "))"))
        }
    }
}
