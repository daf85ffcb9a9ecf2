/// `errorCodes.ts`: an `ErrorCode` string-literal union with a frozen const object of the same
/// name, each code's data, and the lookup and retry helpers.
struct TypeScriptSDK {
    let registry: Registry

    /// Keys of the `ErrorCode` object: `RATE_LIMITED`, unique.
    static func keys(_ codes: [String]) -> [String] {
        Identifiers.unique(codes.map(Identifiers.upperSnake), separator: "_")
    }

    static func literal(_ text: String) -> String {
        Identifiers.quoted(text, unicode: Identifiers.fourDigitEscape)
    }

    static func optional(_ value: Int?) -> String { value.map(String.init) ?? "null" }

    func render() -> String {
        let codes = registry.errors.map(\.code)
        var lines = Identifiers.header(registry, language: .typescript).map { "// " + $0 }
        lines += [
            "",
            "/** An error code of the \(Identifiers.blockComment(registry.name)) catalog. */",
            "export type ErrorCode =",
        ]
        lines += codes.enumerated().map { index, code in "  | \(Self.literal(code))" + (index == codes.count - 1 ? ";" : "") }
        lines += ["", "/** The error codes by name, sorted by code: `ErrorCode.RATE_LIMITED` is `\"rate_limited\"`. */",
                  "export const ErrorCode = Object.freeze({"]
        for (entry, key) in zip(registry.errors, Self.keys(codes)) {
            var comment = "\(Identifiers.blockComment(entry.title)): \(Identifiers.blockComment(entry.summary))"
            if entry.deprecated != nil { comment += " @deprecated" + (entry.deprecated?.replaced_by.map { " Use `\(Identifiers.blockComment($0))`." } ?? "") }
            lines += ["  /** \(comment) */", "  \(key): \(Self.literal(entry.code)),"]
        }
        lines += ["} as const);", "", "/** Every code, sorted. */", "export const ERROR_CODES: readonly ErrorCode[] = Object.freeze(["]
        lines += codes.map { "  \(Self.literal($0))," }
        lines += ["]);", ""]
        lines += Self.types
        lines += ["", "const INFO: ReadonlyMap<string, ErrorInfo> = new Map<string, ErrorInfo>(["]
        for entry in registry.errors {
            let retry = entry.retry
            lines += [
                "  [\(Self.literal(entry.code)), Object.freeze({",
                "    code: \(Self.literal(entry.code)), title: \(Self.literal(entry.title)), status: \(Self.optional(entry.status)),",
                "    smtpReply: \(Self.optional(entry.smtp?.reply)), smtpEnhancedCode: \(entry.smtp.map { Self.literal($0.enhanced) } ?? "null"),",
                "    event: \(entry.event.map(Self.literal) ?? "null"), family: \(Self.literal(entry.family)),",
                "    retry: Object.freeze({",
                "      policy: \(Self.literal(retry.policy)) as RetryPolicyName, retryable: \(retry.retryable), maxAttempts: \(Self.optional(retry.max_attempts)),",
                "      initialDelayMs: \(Self.optional(retry.initial_delay_ms)), maxDelayMs: \(Self.optional(retry.max_delay_ms)), jitter: \(retry.jitter ?? false),",
                "    }),",
                "    docUrl: \(Self.literal(entry.doc_url)), deprecated: \(entry.deprecated != nil),",
                "  })],",
            ]
        }
        lines += ["]);", ""]
        lines += Self.functions
        return lines.joined(separator: "\n") + "\n"
    }

    static let types = """
        export type RetryPolicyName = "never" | "after_fix" | "retry_after" | "backoff";

        /** How a client should retry after meeting an error. */
        export interface RetryPolicy {
          readonly policy: RetryPolicyName;
          /** Whether a client may send the same request again unchanged. */
          readonly retryable: boolean;
          /** Every attempt counts, the first included; null means no limit. */
          readonly maxAttempts: number | null;
          /** null means the default, 1000 ms. */
          readonly initialDelayMs: number | null;
          /** null means no cap. */
          readonly maxDelayMs: number | null;
          /** Whether the caller should spread delays with `withJitter`. */
          readonly jitter: boolean;
        }

        /** Everything the catalog says about one error code. */
        export interface ErrorInfo {
          readonly code: ErrorCode;
          readonly title: string;
          /** The HTTP status, or null for an SMTP reply or an asynchronous event. */
          readonly status: number | null;
          /** The SMTP reply code (such as 550) when the error is an SMTP reply. */
          readonly smtpReply: number | null;
          /** The enhanced status code (such as "5.1.1") when the error is an SMTP reply. */
          readonly smtpEnhancedCode: string | null;
          /** The webhook event that reports the error, when it is an asynchronous event. */
          readonly event: string | null;
          readonly family: string;
          readonly retry: RetryPolicy;
          /** The error's page in the documentation. */
          readonly docUrl: string;
          readonly deprecated: boolean;
        }
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    static let functions = """
        /** 2^53 − 1: delays are capped here so that every language represents them exactly. */
        export const LARGEST_DELAY_MS = 9007199254740991;

        /** The code's data, or undefined for a code this module does not know. */
        export function lookup(code: string): ErrorInfo | undefined {
          return INFO.get(code);
        }

        /** Whether `code` is one of this catalog's codes. */
        export function isErrorCode(code: string): code is ErrorCode {
          return INFO.has(code);
        }

        /** Whether the code may be retried unchanged; false for an unknown code. */
        export function isRetryable(code: string): boolean {
          return INFO.get(code)?.retry.retryable ?? false;
        }

        /**
         * Milliseconds to wait before retrying after attempt number `attempt` (1-based: the attempt
         * that just failed) ended with `code`, or null not to retry automatically.
         *
         * - null for an unknown code, and for the policies `never` and `after_fix`.
         * - null when the policy has `maxAttempts` and `attempt >= maxAttempts`.
         * - With a Retry-After value of zero or more seconds (a negative one is ignored), for
         *   `retry_after` and `backoff`: that many seconds in milliseconds, rounded to the nearest
         *   integer, not capped.
         * - Otherwise `initialDelayMs` (1000 when absent) × 2^(attempt − 1), capped at `maxDelayMs`
         *   when set.
         *
         * An attempt below 1 counts as 1. Jitter is not applied: when the policy's `jitter` is
         * true, pass the result through `withJitter`.
         */
        export function retryDelay(code: string, attempt: number, retryAfterSeconds?: number | null): number | null {
          const retry = INFO.get(code)?.retry;
          if (retry === undefined || retry.policy === "never" || retry.policy === "after_fix") return null;
          const count = attempt >= 1 ? Math.floor(attempt) : 1;
          if (retry.maxAttempts !== null && count >= retry.maxAttempts) return null;
          if (retryAfterSeconds !== undefined && retryAfterSeconds !== null && retryAfterSeconds >= 0) {
            return Math.min(Math.round(retryAfterSeconds * 1000), LARGEST_DELAY_MS);
          }
          const limit = Math.min(retry.maxDelayMs ?? LARGEST_DELAY_MS, LARGEST_DELAY_MS);
          let delay = retry.initialDelayMs ?? 1000;
          for (let doublings = Math.min(count - 1, 53); doublings > 0 && delay < limit; doublings--) {
            delay *= 2;
          }
          return Math.min(delay, limit);
        }

        /**
         * `delayMs / 2 + random × delayMs / 2`, rounded down, for `random` in [0, 1) (values outside
         * [0, 1] are clamped, NaN counts as 0).
         */
        export function withJitter(delayMs: number, random: number): number {
          const delay = Math.min(Math.max(delayMs, 0), LARGEST_DELAY_MS);
          const fraction = Number.isNaN(random) ? 0 : Math.min(Math.max(random, 0), 1);
          return Math.floor(delay / 2 + (fraction * delay) / 2);
        }
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}
