import ErrorDocsModel

/// When the envelope has a `code_field`, the example body's value there is the error's code.
///
/// For an envelope with `code_field: error`, the example of `rate_limited` must contain
/// `error: rate_limited`; SDKs match on that field, so a copied example with another error's
/// code would mislead them.
///
/// Fails:
///
/// ```yaml
/// code: rate_limited
/// example:
///   status: 429
///   body: {error: daily_quota_exceeded, message: Slow down.}
/// ```
///
/// Passes:
///
/// ```yaml
/// code: rate_limited
/// example:
///   status: 429
///   body: {error: rate_limited, message: Slow down.}
/// ```
public enum ExampleNamesCode: ErrorFileRule {
    public static let id = "example-names-code"
    public static let summary = "Example bodies carry the error's own code."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for error in catalog.errors {
            guard let code = error.code, let example = error.example, let body = example.body,
                  let envelope = catalog.settings.envelope(of: example),
                  let field = envelope.codeField?.value
            else { continue }
            let pointer = "/" + field
            let location = example.bodyLocations[pointer] ?? body.location
            switch body.value[field] {
            case .string(let value) where value == code.value:
                continue
            case .string(let value):
                findings.append(LintFinding(at: location, "example body's '\(field)' is '\(value)' but the error's code is '\(code.value)'"))
            default:
                findings.append(LintFinding(at: location, "example body must have '\(field)': \(code.value) (envelope '\(envelope.name.value)' carries the code there)"))
            }
        }
    }
}
