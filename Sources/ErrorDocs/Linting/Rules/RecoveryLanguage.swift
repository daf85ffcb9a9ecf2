import ErrorDocsModel

/// Each recovery snippet's `language` is one of the catalog's `languages`.
///
/// `languages` in `catalog.yaml` sets the order of the recovery tabs on every page; a snippet in
/// a language the list does not name (or a misspelling such as `Python` or `js`) would get a
/// tab of its own and no code highlighting. The check applies only when the catalog lists
/// languages; the problem is reported at the snippet's `language`, with the allowed list.
///
/// Fails:
///
/// ```yaml
/// # catalog.yaml: languages: [python, javascript]
/// recovery:
///   - language: ruby
///     code: sleep(retry_after)
/// ```
///
/// Passes:
///
/// ```yaml
/// # catalog.yaml: languages: [python, javascript]
/// recovery:
///   - language: python
///     code: time.sleep(retry_after)
/// ```
public enum RecoveryLanguage: ErrorFileRule {
    public static let id = "recovery-language"
    public static let summary = "Recovery snippets use one of the catalog's languages."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        let languages = catalog.settings.languages.map(\.value)
        guard !languages.isEmpty else { return }
        let allowed = Set(languages)
        for error in catalog.errors {
            for snippet in error.recovery {
                guard let language = snippet.language, !allowed.contains(language.value) else { continue }
                findings.append(LintFinding(
                    at: language.location,
                    "recovery language '\(language.value)' is not one of the catalog's languages: \(languages.joined(separator: ", "))"))
            }
        }
    }
}
