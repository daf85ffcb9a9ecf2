import ErrorDocsModel
import Foundation

/// Versions are semantic versions: the catalog's `version`, and every `since`.
///
/// `errdocs diff --fail-on breaking` reads the major version to tell whether a breaking change
/// came with a new major version, the registry hands `version` to SDKs, and "Introduced in"
/// and "Deprecated in" lines are compared by readers as versions. `MAJOR.MINOR.PATCH`, with an
/// optional leading `v`, pre-release (`-beta.1`) and build (`+20260101`), as semver.org writes
/// them. Quote versions in YAML: an unquoted `1.10` is read as the number 1.1. A `since` later
/// than the catalog's `version` (a deprecation in 0.2.0 of a catalog at 0.1.0) is a warning: the
/// pages would say it happened in a version readers cannot have yet.
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
        let version = catalog.settings.version
        let current = version.flatMap { numbers(of: $0.value) }
        if let version, current == nil { report("version", version, &findings) }
        var sinces = catalog.settings.removed.compactMap { $0.since.map { ("since", $0) } }
        for error in catalog.errors {
            if let since = error.since { sinces.append(("since", since)) }
            if let since = error.deprecated?.since { sinces.append(("deprecated since", since)) }
        }
        for (field, since) in sinces {
            guard let numbers = numbers(of: since.value) else {
                report(field, since, &findings)
                continue
            }
            if let current, let version, current.lexicographicallyPrecedes(numbers) {
                findings.append(LintFinding(at: since.location, "\(field) \(since.value) is later than the catalog's version \(version.value)",
                                            severity: .warning))
            }
        }
    }

    private static func report(_ field: String, _ version: Located<String>, _ findings: inout [LintFinding]) {
        findings.append(LintFinding(at: version.location, "\(field) '\(version.value)' is not a semantic version such as 1.4.0"))
    }

    /// MAJOR, MINOR and PATCH of a semantic version, or nil when `text` is not one.
    static func numbers(of text: String) -> [Int]? {
        guard regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil else { return nil }
        let core = text.drop { $0 == "v" }.prefix { $0 != "-" && $0 != "+" }
        return core.split(separator: ".").compactMap { Int($0) }
    }
}
