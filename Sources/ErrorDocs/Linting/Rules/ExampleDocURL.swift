import ErrorDocsModel
import Foundation

/// When the envelope has a `doc_url_field`, the example body's value there is the error's page URL.
///
/// The URL is the catalog's `doc_url` with `{code}` replaced by the error's code. Clients show
/// or log it to lead developers to the right page, so an example with another error's URL, an
/// old host or no URL at all teaches the wrong thing. The problem is reported at the body's
/// value, or at the body when the field is missing.
///
/// Fails:
///
/// ```yaml
/// # catalog.yaml: doc_url: https://docs.example.com/errors/{code}
/// # envelope: {doc_url_field: doc_url, ...}
/// code: rate_limited
/// example:
///   status: 429
///   body: {error: rate_limited, doc_url: https://docs.example.com/errors/daily_quota_exceeded}
/// ```
///
/// Passes:
///
/// ```yaml
/// # catalog.yaml: doc_url: https://docs.example.com/errors/{code}
/// # envelope: {doc_url_field: doc_url, ...}
/// code: rate_limited
/// example:
///   status: 429
///   body: {error: rate_limited, doc_url: https://docs.example.com/errors/rate_limited}
/// ```
public enum ExampleDocURL: ErrorFileRule {
    public static let id = "example-doc-url"
    public static let summary = "Example bodies carry the error's documentation URL."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        // A doc_url without {code} is catalog-urls' finding; every example would differ from it.
        guard catalog.settings.docURL?.value.contains("{code}") == true else { return }
        for error in catalog.errors {
            guard let code = error.code, let example = error.example, let body = example.body,
                  let envelope = catalog.settings.envelope(of: example),
                  let field = envelope.docURLField?.value,
                  let expected = catalog.settings.docURL(for: code.value)
            else { continue }
            let pointer = "/" + JSONSchemaValidator.escape(field)
            let location = example.bodyLocations[pointer] ?? body.location
            switch body.value[field] {
            case .string(let value) where value == expected:
                continue
            case .string(let value):
                findings.append(LintFinding(at: location, "example body's '\(field)' is '\(value)' but the error's documentation URL is '\(expected)'"))
            default:
                findings.append(LintFinding(at: location, "example body must have '\(field)': \(expected) (envelope '\(envelope.name.value)' carries the documentation URL there)"))
            }
        }
    }
}
