import ErrorDocsModel
import Foundation

/// Codes are lowercase identifiers: `^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`, at most 64 characters.
///
/// A code is an error's identity in URLs, file names, SDK constants and response bodies, so it
/// must survive all of them unchanged. For example `RateLimited` or `rate-limited` fail;
/// `rate_limited` and `smtp.user_unknown` pass.
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
public enum CodeFormat: LintRule {
    public static let id = "code-format"
    public static let summary = "Codes are lowercase identifiers of at most 64 characters."
    public static let defaultSeverity = Diagnostic.Severity.error
    public static let pattern = #"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"#
    public static let maximumLength = 64
    private static let regex = try! NSRegularExpression(pattern: pattern)

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for error in catalog.errors {
            guard let code = error.code else { continue }
            let range = NSRange(code.value.startIndex..., in: code.value)
            if regex.firstMatch(in: code.value, range: range) == nil {
                findings.append(LintFinding(
                    at: code.location,
                    "code '\(code.value)' must start with a lowercase letter and use only a-z, 0-9, '_' and '.' between parts"))
            } else if code.value.count > maximumLength {
                findings.append(LintFinding(
                    at: code.location, "code '\(code.value)' is \(code.value.count) characters; the limit is \(maximumLength)"))
            }
        }
    }
}
