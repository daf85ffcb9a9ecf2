/// `errorcodes.go`: package `errorcodes` with `type ErrorCode string` constants, each code's
/// data, and the lookup and retry helpers.
///
/// Go has no optional integers, so zero means "not set": `Status` 0 for an SMTP reply or an
/// event, `MaxAttempts` 0 for no limit, `MaxDelayMs` 0 for no cap. `InitialDelayMs` holds the
/// effective value (1000 when the catalog sets none). The two catalog values zero cannot stand
/// for are written as equivalents: `max_attempts` ≤ 0 as 1 (never retry), `max_delay` 0 as an
/// initial delay of 0 without cap (every delay 0).
struct GoSDK {
    let registry: Registry

    /// Constant names: `ErrorCodeRateLimited`, unique.
    static func constantNames(_ codes: [String]) -> [String] {
        Identifiers.unique(codes.map { "ErrorCode" + Identifiers.upperCamel($0) })
    }

    static func literal(_ text: String) -> String {
        Identifiers.quoted(text, unicode: Identifiers.fourDigitEscape)
    }

    func render() -> String {
        let names = Self.constantNames(registry.errors.map(\.code))
        var lines = Identifiers.header(registry, language: .go).map { "// " + $0 }
        lines += [
            "",
            "// Package errorcodes holds the error codes of the \(Identifiers.comment(registry.name)) catalog, with lookup and",
            "// retry helpers.",
            "package errorcodes",
            "",
            "import \"math\"",
            "",
            "// Catalog name and version this package was generated from.",
            "const (",
            "\tCatalogName    = \(Self.literal(registry.name))",
            "\tCatalogVersion = \(Self.literal(registry.version))",
            ")",
            "",
            "// ErrorCode is an error code of the catalog.",
            "type ErrorCode string",
            "",
            "// The catalog's error codes, sorted by code.",
            "const (",
        ]
        for (entry, name) in zip(registry.errors, names) {
            lines.append("\t// \(name) is \(Identifiers.comment(entry.title)): \(Identifiers.comment(entry.summary))")
            if entry.deprecated != nil {
                lines += ["\t//", "\t// Deprecated: " + (entry.deprecated?.replaced_by.map { "use \(Identifiers.comment($0)) instead." } ?? "do not use.")]
            }
            lines.append("\t\(name) ErrorCode = \(Self.literal(entry.code))")
        }
        lines += [")", "", "var errorCodes = []ErrorCode{"]
        lines += names.map { "\t\($0)," }
        lines += ["}", ""]
        lines += Self.types
        lines += ["", "var infos = map[ErrorCode]Info{"]
        for (entry, name) in zip(registry.errors, names) {
            let retry = entry.retry
            var maxAttempts = retry.max_attempts ?? 0
            if let value = retry.max_attempts, value <= 0 { maxAttempts = 1 }
            var initialDelay = retry.initial_delay_ms ?? 1000
            if retry.max_delay_ms == 0 { initialDelay = 0 }
            let policy = ["never": "PolicyNever", "after_fix": "PolicyAfterFix", "retry_after": "PolicyRetryAfter"][retry.policy] ?? "PolicyBackoff"
            lines += [
                "\t\(name): {",
                "\t\tCode: \(name), Title: \(Self.literal(entry.title)), Status: \(entry.status ?? 0),",
                "\t\tSMTPReply: \(entry.smtp?.reply ?? 0), SMTPEnhancedCode: \(Self.literal(entry.smtp?.enhanced ?? "")),",
                "\t\tEvent: \(Self.literal(entry.event ?? "")), Family: \(Self.literal(entry.family)),",
                "\t\tRetry: RetryPolicy{",
                "\t\t\tPolicy: \(policy), Retryable: \(retry.retryable), MaxAttempts: \(maxAttempts),",
                "\t\t\tInitialDelayMs: \(initialDelay), MaxDelayMs: \(retry.max_delay_ms ?? 0), Jitter: \(retry.jitter ?? false),",
                "\t\t},",
                "\t\tDocURL: \(Self.literal(entry.doc_url)), Deprecated: \(entry.deprecated != nil),",
                "\t},",
            ]
        }
        lines += ["}", ""]
        lines += Self.functions
        return lines.joined(separator: "\n") + "\n"
    }

    static let types = """
        // Policy names a retry policy.
        type Policy string

        // The retry policies.
        const (
        \t// PolicyNever means retrying cannot help.
        \tPolicyNever Policy = "never"
        \t// PolicyAfterFix means retry only after the request, credentials or configuration change.
        \tPolicyAfterFix Policy = "after_fix"
        \t// PolicyRetryAfter means wait for the Retry-After value; fall back to backoff without one.
        \tPolicyRetryAfter Policy = "retry_after"
        \t// PolicyBackoff means capped exponential backoff.
        \tPolicyBackoff Policy = "backoff"
        )

        // RetryPolicy says how a client should retry after meeting an error.
        type RetryPolicy struct {
        \tPolicy Policy
        \t// Retryable says whether a client may send the same request again unchanged.
        \tRetryable bool
        \t// MaxAttempts counts every attempt, the first included; 0 means no limit.
        \tMaxAttempts int
        \t// InitialDelayMs is the first backoff delay (1000 when the catalog sets none).
        \tInitialDelayMs int64
        \t// MaxDelayMs caps backoff delays; 0 means no cap.
        \tMaxDelayMs int64
        \t// Jitter says whether the caller should spread delays with WithJitter.
        \tJitter bool
        }

        // Info is everything the catalog says about one error code.
        type Info struct {
        \tCode  ErrorCode
        \tTitle string
        \t// Status is the HTTP status, or 0 for an SMTP reply or an asynchronous event.
        \tStatus int
        \t// SMTPReply is the SMTP reply code (such as 550), or 0 when the error is not an SMTP reply.
        \tSMTPReply int
        \t// SMTPEnhancedCode is the enhanced status code (such as "5.1.1") of an SMTP reply, or "".
        \tSMTPEnhancedCode string
        \t// Event is the webhook event that reports the error, or "".
        \tEvent  string
        \tFamily string
        \tRetry  RetryPolicy
        \t// DocURL is the error's page in the documentation.
        \tDocURL     string
        \tDeprecated bool
        }
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    static let functions = """
        // LargestDelayMs is 2^53 - 1: delays are capped here so that every language represents them exactly.
        const LargestDelayMs int64 = 9007199254740991

        // AllErrorCodes returns every code, sorted, in a new slice.
        func AllErrorCodes() []ErrorCode {
        \treturn append([]ErrorCode(nil), errorCodes...)
        }

        // Lookup returns the code's data; ok is false for a code this package does not know.
        func Lookup(code string) (info Info, ok bool) {
        \tinfo, ok = infos[ErrorCode(code)]
        \treturn info, ok
        }

        // Info returns the code's data; ok is false for a code this package does not know.
        func (c ErrorCode) Info() (Info, bool) {
        \treturn Lookup(string(c))
        }

        // IsRetryable says whether the code may be retried unchanged; false for an unknown code.
        func IsRetryable(code string) bool {
        \tinfo, ok := infos[ErrorCode(code)]
        \treturn ok && info.Retry.Retryable
        }

        // RetryDelay returns the milliseconds to wait before retrying after attempt number attempt
        // (1-based: the attempt that just failed) ended with code, when there is no Retry-After
        // value; ok is false not to retry automatically. See RetryDelayAfter for the rules.
        func RetryDelay(code string, attempt int) (delayMs int64, ok bool) {
        \treturn retryDelay(code, attempt, math.NaN())
        }

        // RetryDelayAfter is RetryDelay with a Retry-After value in seconds:
        //
        //   - ok is false for an unknown code, and for the policies never and after_fix.
        //   - ok is false when the policy has MaxAttempts and attempt >= MaxAttempts.
        //   - With a Retry-After value of zero or more seconds (a negative one is ignored), for
        //     retry_after and backoff: that many seconds in milliseconds, rounded to the nearest
        //     integer, not capped.
        //   - Otherwise InitialDelayMs × 2^(attempt − 1), capped at MaxDelayMs when set.
        //
        // An attempt below 1 counts as 1. Jitter is not applied: when the policy's Jitter is true,
        // pass the result through WithJitter.
        func RetryDelayAfter(code string, attempt int, retryAfterSeconds float64) (delayMs int64, ok bool) {
        \treturn retryDelay(code, attempt, retryAfterSeconds)
        }

        func retryDelay(code string, attempt int, retryAfterSeconds float64) (int64, bool) {
        \tinfo, known := infos[ErrorCode(code)]
        \tretry := info.Retry
        \tif !known || retry.Policy == PolicyNever || retry.Policy == PolicyAfterFix {
        \t\treturn 0, false
        \t}
        \tif attempt < 1 {
        \t\tattempt = 1
        \t}
        \tif retry.MaxAttempts > 0 && attempt >= retry.MaxAttempts {
        \t\treturn 0, false
        \t}
        \tif retryAfterSeconds >= 0 {
        \t\tmilliseconds := math.Round(retryAfterSeconds * 1000)
        \t\tif milliseconds >= float64(LargestDelayMs) {
        \t\t\treturn LargestDelayMs, true
        \t\t}
        \t\treturn int64(milliseconds), true
        \t}
        \tlimit := LargestDelayMs
        \tif retry.MaxDelayMs > 0 && retry.MaxDelayMs < limit {
        \t\tlimit = retry.MaxDelayMs
        \t}
        \tdelay := retry.InitialDelayMs
        \tdoublings := attempt - 1
        \tif doublings > 53 {
        \t\tdoublings = 53
        \t}
        \tfor ; doublings > 0 && delay < limit; doublings-- {
        \t\tdelay *= 2
        \t}
        \tif delay > limit {
        \t\tdelay = limit
        \t}
        \treturn delay, true
        }

        // WithJitter returns delayMs/2 + random×delayMs/2, rounded down, for random in [0, 1)
        // (values outside [0, 1] are clamped, NaN counts as 0).
        func WithJitter(delayMs int64, random float64) int64 {
        \tif delayMs < 0 {
        \t\tdelayMs = 0
        \t} else if delayMs > LargestDelayMs {
        \t\tdelayMs = LargestDelayMs
        \t}
        \tif math.IsNaN(random) || random < 0 {
        \t\trandom = 0
        \t} else if random > 1 {
        \t\trandom = 1
        \t}
        \tdelay := float64(delayMs)
        \treturn int64(math.Floor(delay/2 + random*delay/2))
        }
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}
