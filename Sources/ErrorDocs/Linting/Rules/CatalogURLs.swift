import ErrorDocsModel
import Foundation

/// `base_url` and `doc_url` are absolute http(s) URLs, `doc_url` with `{code}`; `edit_url` is https with `{path}`.
///
/// `base_url` and `doc_url` end up in published pages, the sitemap and the registry; a relative
/// or code-less `doc_url` would give every error the same public link. `edit_url` (optional)
/// is where each page's "Edit this page" link goes, with `{path}` replaced by the file's path
/// inside the catalog folder, e.g.
/// `https://github.com/acme/api-docs/edit/main/Content/{path}`.
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
    public static let summary = "base_url and doc_url are absolute http(s) URLs; doc_url contains {code}; edit_url is https with {path}."
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
        if let edit = catalog.settings.editURL {
            let url = URL(string: edit.value.replacingOccurrences(of: "{path}", with: "path"))
            if url?.scheme != "https" || url?.host == nil || !edit.value.contains("{path}") {
                findings.append(LintFinding(at: edit.location, "edit_url must be an absolute https URL containing {path}, found '\(edit.value)'"))
            }
        }
    }
}
