import ErrorDocsModel
import Foundation

/// `base_url` is an absolute http(s) URL and `doc_url` is one containing `{code}`.
///
/// Both end up in published pages, the sitemap and the registry; a relative or code-less
/// `doc_url` would give every error the same public link.
///
/// Fails:
///
/// ```yaml
/// # catalog.yaml
/// base_url: docs.example.com
/// doc_url: https://docs.example.com/errors
/// ```
///
/// Passes:
///
/// ```yaml
/// # catalog.yaml
/// base_url: https://docs.example.com/
/// doc_url: https://docs.example.com/errors/{code}
/// ```
public enum CatalogURLs: LintRule {
    public static let id = "catalog-urls"
    public static let summary = "base_url and doc_url are absolute http(s) URLs; doc_url contains {code}."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for (key, value) in [("base_url", catalog.settings.baseURL), ("doc_url", catalog.settings.docURL)] {
            guard let value else { continue }
            let probe = value.value.replacingOccurrences(of: "{code}", with: "code")
            guard let url = URL(string: probe), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                findings.append(LintFinding(at: value.location, "\(key) must be an absolute http or https URL, found '\(value.value)'"))
                continue
            }
            if key == "doc_url" && !value.value.contains("{code}") {
                findings.append(LintFinding(at: value.location, "doc_url must contain {code}, where each error's code goes"))
            }
        }
    }
}
