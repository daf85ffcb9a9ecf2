import ErrorDocsModel

/// No two codes differ only by letter case or by `_` versus `.`, or get the same name in an SDK.
///
/// `rate_limited`, `Rate_Limited` and `rate.limited` are different codes to a program, but
/// they become the same page on a case-insensitive file system (macOS, Windows) and are easily
/// confused in URLs, SDK constants and support tickets. Codes such as `a_b` and `a__b`, or `x1`
/// and `x_1`, get the same constant in a generated SDK (`A_B`; `x1`), where one would be renamed
/// with a number (`A_B_2`) and could change meaning when codes are added. The later code (in load
/// order) is reported, with a note at the first. Codes that are exactly the same are reported by
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
    public static let summary = "No two codes differ only by case or by '_' versus '.', or get the same SDK name."
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

    /// The code's letters and digits, lowercased: codes that get the same SDK name in any
    /// language share it (names are made of these, in order), so only they are compared.
    static func lettersAndDigits(_ code: String) -> String {
        String(decoding: code.utf8.compactMap { byte -> UInt8? in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
            default: nil
            }
        }, as: UTF8.self)
    }

    /// The names the SDK generators give a code (see ``Identifiers``), with their languages.
    static func sdkNames(_ code: String) -> [(language: String, name: String)] {
        [("TypeScript and Python", Identifiers.upperSnake(code)), ("Swift", Identifiers.lowerCamel(code)),
         ("Go", "ErrorCode" + Identifiers.upperCamel(code))]
    }

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var first: [String: Located<String>] = [:]
        var sameLetters: [String: [Located<String>]] = [:]
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
                continue
            }
            first[key] = code
            let letters = lettersAndDigits(code.value)
            // Names are made only for the rare codes whose letters another code shares (a
            // large catalog's rebuilds run this rule over every code).
            if let others = sameLetters[letters] {
                let names = sdkNames(code.value)
                for earlier in others {
                    guard let clash = zip(names, sdkNames(earlier.value)).first(where: { $0.0.name == $0.1.name })?.0 else { continue }
                    findings.append(LintFinding(
                        at: code.location,
                        "code '\(code.value)' collides with '\(earlier.value)': both are named \(clash.name) in the \(clash.language) SDK",
                        notes: [Diagnostic.Note("'\(earlier.value)' defined here", at: earlier.location)]))
                    break
                }
            }
            sameLetters[letters, default: []].append(code)
        }
    }
}
