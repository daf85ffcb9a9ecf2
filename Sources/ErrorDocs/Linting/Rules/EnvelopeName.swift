import ErrorDocsModel

/// Envelope names use only letters, digits, `.`, `_` and `-`.
///
/// The name is the envelope's key in `registry.json`, what examples refer to, and the schema's
/// name in the OpenAPI document, whose component names allow only those characters; other
/// characters would have to be replaced, and `std v2` and `std_v2` would then name one schema.
///
/// Fails:
///
/// ```yaml
/// envelopes:
///   standard v2:
///     description: The second error body.
///     schema: {type: object}
/// ```
///
/// Passes:
///
/// ```yaml
/// envelopes:
///   standard_v2:
///     description: The second error body.
///     schema: {type: object}
/// ```
public enum EnvelopeName: ErrorFileRule {
    public static let id = "envelope-name"
    public static let summary = "Envelope names use only letters, digits, '.', '_' and '-'."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for envelope in catalog.settings.envelopes {
            let name = envelope.name.value
            guard name.isEmpty || !name.unicodeScalars.allSatisfy(isAllowed) else { continue }
            findings.append(LintFinding(
                at: envelope.name.location,
                "envelope name '\(name)' may use only letters, digits, '.', '_' and '-' (it names the schema in the OpenAPI document)"))
        }
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || [".", "_", "-"].contains(scalar)
    }
}
