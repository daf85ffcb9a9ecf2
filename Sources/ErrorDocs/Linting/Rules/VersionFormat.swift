import ErrorDocsModel
import Foundation

/// Versions are semantic versions: the catalog's `version`, and every `since`.
///
/// `errdocs diff --fail-on breaking` reads the major version to tell whether a breaking change
/// came with a new major version, the registry hands `version` to SDKs, and "Introduced in"
/// and "Deprecated in" lines are compared by readers as versions. `MAJOR.MINOR.PATCH`, with an
/// optional leading `v`, pre-release (`-beta.1`) and build (`+20260101`), as semver.org writes
/// them. Quote versions in YAML: an unquoted `1.10` is read as the number 1.1.
///
/// Fails:
///
/// ```yaml
/// version: "1.4"
/// ```
///
/// Passes:
///
/// ```yaml
/// version: "1.4.0"
/// ```
public enum VersionFormat: ErrorFileRule {
    public static let id = "version-format"
    public static let summary = "Versions (the catalog's version and every since) are semantic versions such as 1.4.0."
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let pattern = #"^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$"#
    private static let regex = try! NSRegularExpression(pattern: pattern)

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var versions = catalog.settings.version.map { [("version", $0)] } ?? []
        versions += catalog.settings.removed.compactMap { $0.since.map { ("since", $0) } }
        for error in catalog.errors {
            if let since = error.since { versions.append(("since", since)) }
            if let since = error.deprecated?.since { versions.append(("deprecated since", since)) }
        }
        for (field, version) in versions {
            let text = version.value
            guard regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil else { continue }
            findings.append(LintFinding(at: version.location, "\(field) '\(text)' is not a semantic version such as 1.4.0"))
        }
    }
}
