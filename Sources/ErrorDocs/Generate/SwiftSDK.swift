/// `ErrorCode.swift`: an `ErrorCode` enum with each code's data, and `ErrorCatalog` with the
/// lookup and retry helpers.
struct SwiftSDK {
    let registry: Registry

    /// Written in backticks when they are case names.
    static let keywords: Set<String> = [
        "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class", "continue", "default", "defer",
        "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for", "func", "guard", "if",
        "import", "in", "inout", "internal", "is", "let", "nil", "open", "operator", "precedencegroup", "private",
        "protocol", "public", "repeat", "rethrows", "return", "self", "some", "static", "struct", "subscript", "super",
        "switch", "throw", "throws", "true", "try", "typealias", "var", "where", "while",
    ]
    /// Members of the generated enum; a code with one of these names gets a trailing `_`.
    static let members: Set<String> = ["allCases", "hash", "hashValue", "info", "init", "isRetryable", "rawValue"]

    /// Case names for `codes` (sorted), as declared: unique, keywords in backticks.
    static func caseNames(_ codes: [String]) -> [String] {
        let names = codes.map { code in
            let name = Identifiers.lowerCamel(code)
            return members.contains(name) ? name + "_" : name
        }
        return Identifiers.unique(names).map { keywords.contains($0) ? "`\($0)`" : $0 }
    }

    static func literal(_ text: String) -> String {
        Identifiers.quoted(text) { "\\u{" + String($0, radix: 16) + "}" }
    }

    static func optional(_ value: Int?) -> String { value.map(String.init) ?? "nil" }

    func render() -> String {
        let codes = registry.errors.map(\.code)
        let names = Self.caseNames(codes)
        var lines = Identifiers.header(registry, language: .swift).map { "// " + $0 }
        lines += [
            "",
            "/// The error codes of the \(Identifiers.comment(registry.name)) catalog, sorted by code.",
            "///",
            "/// `ErrorCode(rawValue:)` turns a code read from a response into a case, or `nil` when",
            "/// this version of the module does not know it.",
            "public enum ErrorCode: String, CaseIterable, Sendable {",
        ]
        for (entry, name) in zip(registry.errors, names) {
            lines.append("    /// \(Identifiers.comment(entry.title)): \(Identifiers.comment(entry.summary))")
            if entry.deprecated != nil { lines += ["    ///", "    /// Deprecated\(replacement(entry))."] }
            lines.append("    case \(name) = \(Self.literal(entry.code))")
        }
        lines += ["", "    /// What the catalog says about this code.", "    public var info: ErrorInfo {", "        switch self {"]
        for (entry, name) in zip(registry.errors, names) {
            let retry = entry.retry
            let kind = ["never": ".never", "after_fix": ".afterFix", "retry_after": ".retryAfter"][retry.policy] ?? ".backoff"
            lines += [
                "        case .\(name):",
                "            return ErrorInfo(",
                "                code: self, title: \(Self.literal(entry.title)), status: \(Self.optional(entry.status)),",
                "                smtpReply: \(Self.optional(entry.smtp?.reply)), smtpEnhancedCode: \(entry.smtp.map { Self.literal($0.enhanced) } ?? "nil"),",
                "                event: \(entry.event.map(Self.literal) ?? "nil"), family: \(Self.literal(entry.family)),",
                "                retry: RetryPolicy(",
                "                    kind: \(kind), retryable: \(retry.retryable), maxAttempts: \(Self.optional(retry.max_attempts)),",
                "                    initialDelayMs: \(Self.optional(retry.initial_delay_ms)), maxDelayMs: \(Self.optional(retry.max_delay_ms)), jitter: \(retry.jitter ?? false)),",
                "                docURL: \(Self.literal(entry.doc_url)), isDeprecated: \(entry.deprecated != nil))",
            ]
        }
        lines += ["        }", "    }", ""]
        lines.append(contentsOf: Self.support(name: registry.name, version: registry.version))
        return lines.joined(separator: "\n") + "\n"
    }

    private func replacement(_ entry: Registry.Entry) -> String {
        entry.deprecated?.replaced_by.map { ": use `\(Identifiers.comment($0))` instead" } ?? ""
    }

    private static func support(name: String, version: String) -> [String] {
        """
            /// Whether a client may send the same request again unchanged.
            public var isRetryable: Bool { info.retry.retryable }
        }

        /// Everything the catalog says about one error code.
        public struct ErrorInfo: Sendable, Equatable {
            public let code: ErrorCode
            public let title: String
            /// The HTTP status, or `nil` for an SMTP reply or an asynchronous event.
            public let status: Int?
            /// The SMTP reply code (such as 550) when the error is an SMTP reply.
            public let smtpReply: Int?
            /// The enhanced status code (such as "5.1.1") when the error is an SMTP reply.
            public let smtpEnhancedCode: String?
            /// The webhook event that reports the error, when it is an asynchronous event.
            public let event: String?
            public let family: String
            public let retry: RetryPolicy
            /// The error's page in the documentation.
            public let docURL: String
            public let isDeprecated: Bool
        }

        /// How a client should retry after meeting an error.
        public struct RetryPolicy: Sendable, Equatable {
            public enum Kind: String, Sendable {
                /// Retrying cannot help.
                case never
                /// Retry only after the request, credentials or configuration change.
                case afterFix = "after_fix"
                /// Wait for the `Retry-After` value; fall back to backoff when it is absent.
                case retryAfter = "retry_after"
                /// Capped exponential backoff.
                case backoff
            }

            public let kind: Kind
            public let retryable: Bool
            /// Every attempt counts, the first included; `nil` means no limit.
            public let maxAttempts: Int?
            /// `nil` means the default, 1000 ms.
            public let initialDelayMs: Int?
            /// `nil` means no cap.
            public let maxDelayMs: Int?
            /// Whether the caller should spread delays with ``ErrorCatalog/withJitter(_:random:)``.
            public let jitter: Bool

            /// Milliseconds to wait before the next attempt, or `nil` to stop retrying; see
            /// ``ErrorCatalog/retryDelay(code:attempt:retryAfterSeconds:)``.
            public func delay(afterAttempt attempt: Int, retryAfterSeconds: Double? = nil) -> Int? {
                if kind == .never || kind == .afterFix { return nil }
                let attempt = max(attempt, 1)
                if let maxAttempts, attempt >= maxAttempts { return nil }
                if let seconds = retryAfterSeconds, seconds >= 0 {
                    let milliseconds = (seconds * 1000).rounded()
                    return milliseconds >= Double(ErrorCatalog.largestDelayMs) ? ErrorCatalog.largestDelayMs : Int(milliseconds)
                }
                let limit = min(maxDelayMs ?? ErrorCatalog.largestDelayMs, ErrorCatalog.largestDelayMs)
                var delay = initialDelayMs ?? 1000
                var doublings = min(attempt - 1, 53)
                while doublings > 0 && delay < limit {
                    delay *= 2
                    doublings -= 1
                }
                return min(delay, limit)
            }
        }

        /// Lookup and retry helpers for the catalog's codes. The retry rules are the same in every
        /// SDK errdocs generates.
        public enum ErrorCatalog {
            public static let name = \(literal(name))
            public static let version = \(literal(version))
            /// 2^53 − 1: delays are capped here so that every language represents them exactly.
            public static let largestDelayMs = 9_007_199_254_740_991

            /// The code's data, or `nil` for a code this module does not know.
            public static func lookup(_ code: String) -> ErrorInfo? {
                ErrorCode(rawValue: code)?.info
            }

            /// Whether the code may be retried unchanged; `false` for an unknown code.
            public static func isRetryable(_ code: String) -> Bool {
                lookup(code)?.retry.retryable ?? false
            }

            /// Milliseconds to wait before retrying after attempt number `attempt` (1-based: the
            /// attempt that just failed) ended with `code`, or `nil` not to retry automatically.
            ///
            /// - `nil` for an unknown code, and for the policies `never` and `after_fix`.
            /// - `nil` when the policy has `maxAttempts` and `attempt >= maxAttempts`.
            /// - With a Retry-After value of zero or more seconds (a negative one is ignored),
            ///   for `retry_after` and `backoff`: that many seconds in milliseconds, rounded to
            ///   the nearest integer, not capped.
            /// - Otherwise `initialDelayMs` (1000 when absent) × 2^(attempt − 1), capped at
            ///   `maxDelayMs` when set.
            ///
            /// An attempt below 1 counts as 1. Jitter is not applied: when the policy's `jitter`
            /// is true, pass the result through ``withJitter(_:random:)``.
            public static func retryDelay(code: String, attempt: Int, retryAfterSeconds: Double? = nil) -> Int? {
                lookup(code)?.retry.delay(afterAttempt: attempt, retryAfterSeconds: retryAfterSeconds)
            }

            /// `delayMs / 2 + random × delayMs / 2`, rounded down, for `random` in [0, 1) (values
            /// outside [0, 1] are clamped, NaN counts as 0).
            public static func withJitter(_ delayMs: Int, random: Double) -> Int {
                let delay = Double(min(max(delayMs, 0), largestDelayMs))
                let fraction = random.isNaN ? 0 : min(max(random, 0), 1)
                return Int((delay / 2 + fraction * delay / 2).rounded(.down))
            }
        }
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
