import ErrorDocsModel
import Foundation

/// Codes are lowercase identifiers: `^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`, at most 64 characters.
///
/// A code is an error's identity in URLs, file names, SDK constants and response bodies, so it
/// must survive all of them unchanged. For example `RateLimited` or `rate-limited` fail;
/// `rate_limited` and `smtp.user_unknown` pass. Codes that start with a device name Windows
/// reserves (`con`, `prn`, `aux`, `nul`, `com1`–`com9`, `lpt1`–`lpt9`, as in `aux` or
/// `con.refused`) fail too, since their pages could not be written there. Removed codes are
/// checked the same way.
///
/// Fails:
///
/// ```yaml
/// code: RateLimited
/// ```
///
/// Passes:
///
/// ```yaml
/// code: rate_limited
/// ```
public enum CodeFormat: ErrorFileRule {
    public static let id = "code-format"
    public static let summary = "Codes are lowercase identifiers of at most 64 characters."
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let pattern = #"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"#
    public static let maximumLength = 64
    private static let regex = try! NSRegularExpression(pattern: pattern)

    /// Device names Windows reserves in every folder, with or without an extension: a page
    /// `errors/con/` or `markdown/errors/aux.md` cannot be checked out there.
    static let reservedOnWindows: Set<String> = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for code in catalog.errors.compactMap(\.code) + catalog.settings.removed.map(\.code) {
            let range = NSRange(code.value.startIndex..., in: code.value)
            if regex.firstMatch(in: code.value, range: range) == nil {
                findings.append(LintFinding(
                    at: code.location,
                    "code '\(code.value)' must start with a lowercase letter and use only a-z, 0-9, '_' and '.' between parts"))
            } else if code.value.count > maximumLength {
                findings.append(LintFinding(
                    at: code.location, "code '\(code.value)' is \(code.value.count) characters; the limit is \(maximumLength)"))
            } else if let first = code.value.split(separator: ".").first, reservedOnWindows.contains(String(first)) {
                findings.append(LintFinding(
                    at: code.location, "code '\(code.value)' starts with '\(first)', a device name Windows reserves; its pages could not be written there"))
            }
        }
    }
}
