import ErrorDocsModel

/// No two codes differ only by letter case or by `_` versus `.`.
///
/// `rate_limited`, `Rate_Limited` and `rate.limited` are different codes to a program, but
/// they become the same page on a case-insensitive file system (macOS, Windows) and are easily
/// confused in URLs, SDK constants and support tickets. The later code (in load order) is
/// reported, with a note at the first. Codes that are exactly the same are reported by
/// `duplicate-code` instead.
///
/// Fails:
///
/// ```yaml
/// # errors/limits.yaml
/// code: rate_limited
/// # errors/legacy.yaml
/// code: rate.limited
/// ```
///
/// Passes:
///
/// ```yaml
/// # errors/limits.yaml
/// code: rate_limited
/// # errors/legacy.yaml
/// code: legacy.rate_limited
/// ```
public enum CodeCollision: LintRule {
    public static let id = "code-collision"
    public static let summary = "No two codes differ only by case or by '_' versus '.'."
    public static let defaultSeverity = Diagnostic.Severity.error

    /// The form two colliding codes share.
    static func folded(_ code: String) -> String {
        // Byte by byte when ASCII, as nearly every code is: by characters it was a few percent
        // of a one-edit rebuild, which checks every code.
        guard code.utf8.allSatisfy({ $0 < 0x80 }) else { return String(code.lowercased().map { $0 == "." ? "_" : $0 }) }
        return String(decoding: code.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "."): UInt8(ascii: "_")
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
            default: byte
            }
        }, as: UTF8.self)
    }

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var first: [String: Located<String>] = [:]
        var seen: Set<String> = []
        for error in catalog.errors {
            guard let code = error.code else { continue }
            defer { seen.insert(code.value) }
            guard !seen.contains(code.value) else { continue }
            let key = folded(code.value)
            if let earlier = first[key] {
                findings.append(LintFinding(
                    at: code.location,
                    "code '\(code.value)' collides with '\(earlier.value)': they differ only by letter case or '_' versus '.'",
                    notes: [Diagnostic.Note("'\(earlier.value)' defined here", at: earlier.location)]))
            } else {
                first[key] = code
            }
        }
    }
}
