/// `error_codes.py`: `class ErrorCode(str, enum.Enum)` with each code's data, and the lookup and
/// retry helpers as module functions.
struct PythonSDK {
    let registry: Registry

    /// Member names: `RATE_LIMITED`, unique.
    static func memberNames(_ codes: [String]) -> [String] {
        Identifiers.unique(codes.map(Identifiers.upperSnake), separator: "_")
    }

    static func literal(_ text: String) -> String {
        Identifiers.quoted(text, unicode: Identifiers.fourDigitEscape)
    }

    static func optional(_ value: Int?) -> String { value.map(String.init) ?? "None" }

    static func bool(_ value: Bool) -> String { value ? "True" : "False" }

    func render() -> String {
        let names = Self.memberNames(registry.errors.map(\.code))
        var lines = Identifiers.header(registry, language: .python).map { "# " + $0 }
        lines += [
            "",
            "\"\"\"Error codes of the \(Identifiers.comment(registry.name).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")) catalog, with lookup and retry helpers.\"\"\"",
        ]
        lines += Self.prelude(registry)
        lines += ["", "", "class ErrorCode(str, enum.Enum):",
                  "    \"\"\"The catalog's error codes, sorted by code. ``ErrorCode.RATE_LIMITED.value == \"rate_limited\"``.\"\"\"",
                  ""]
        for (entry, name) in zip(registry.errors, names) {
            lines.append("    # \(Identifiers.comment(entry.title)): \(Identifiers.comment(entry.summary))")
            if entry.deprecated != nil {
                lines.append("    # Deprecated" + (entry.deprecated?.replaced_by.map { ": use \(Identifiers.comment($0)) instead." } ?? "."))
            }
            lines.append("    \(name) = \(Self.literal(entry.code))")
        }
        lines += [
            "",
            "    @property",
            "    def info(self) -> \"ErrorInfo\":",
            "        \"\"\"What the catalog says about this code.\"\"\"",
            "        return _INFO[self.value]",
            "",
            "",
            "_INFO: Dict[str, ErrorInfo] = {",
        ]
        for (entry, name) in zip(registry.errors, names) {
            let retry = entry.retry
            lines += [
                "    \(Self.literal(entry.code)): ErrorInfo(",
                "        code=ErrorCode.\(name), title=\(Self.literal(entry.title)), status=\(Self.optional(entry.status)),",
                "        smtp_reply=\(Self.optional(entry.smtp?.reply)), smtp_enhanced_code=\(entry.smtp.map { Self.literal($0.enhanced) } ?? "None"),",
                "        event=\(entry.event.map(Self.literal) ?? "None"), family=\(Self.literal(entry.family)),",
                "        retry=RetryPolicy(",
                "            policy=\(Self.literal(retry.policy)), retryable=\(Self.bool(retry.retryable)), max_attempts=\(Self.optional(retry.max_attempts)),",
                "            initial_delay_ms=\(Self.optional(retry.initial_delay_ms)), max_delay_ms=\(Self.optional(retry.max_delay_ms)), jitter=\(Self.bool(retry.jitter ?? false)),",
                "        ),",
                "        doc_url=\(Self.literal(entry.doc_url)), deprecated=\(Self.bool(entry.deprecated != nil)),",
                "    ),",
            ]
        }
        lines += ["}", ""]
        lines += Self.functions
        return lines.joined(separator: "\n") + "\n"
    }

    static func prelude(_ registry: Registry) -> [String] {
        ["", "import enum", "import math", "from dataclasses import dataclass", "from typing import Dict, Optional", "",
         "CATALOG_NAME = \(literal(registry.name))", "CATALOG_VERSION = \(literal(registry.version))"] + preludeTypes
    }

    static let preludeTypes = """
        #: 2**53 - 1: delays are capped here so that every language represents them exactly.
        LARGEST_DELAY_MS = 9007199254740991


        @dataclass(frozen=True)
        class RetryPolicy:
            \"\"\"How a client should retry after meeting an error.

            ``policy`` is never, after_fix, retry_after or backoff. ``max_attempts`` counts every
            attempt, the first included (None: no limit); ``initial_delay_ms`` None means the
            default, 1000 ms; ``max_delay_ms`` None means no cap. When ``jitter`` is true, spread
            delays with :func:`with_jitter`.
            \"\"\"

            policy: str
            retryable: bool
            max_attempts: Optional[int]
            initial_delay_ms: Optional[int]
            max_delay_ms: Optional[int]
            jitter: bool


        @dataclass(frozen=True)
        class ErrorInfo:
            \"\"\"Everything the catalog says about one error code.

            ``status`` is the HTTP status, or None for an SMTP reply or an asynchronous event;
            ``smtp_reply`` and ``smtp_enhanced_code`` (such as 550 and "5.1.1") are set for SMTP
            replies, ``event`` for errors reported by a webhook event. ``doc_url`` is the error's
            page in the documentation.
            \"\"\"

            code: "ErrorCode"
            title: str
            status: Optional[int]
            smtp_reply: Optional[int]
            smtp_enhanced_code: Optional[str]
            event: Optional[str]
            family: str
            retry: RetryPolicy
            doc_url: str
            deprecated: bool
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

    static let functions = """
        def lookup(code: str) -> Optional[ErrorInfo]:
            \"\"\"The code's data, or None for a code this module does not know.\"\"\"
            return _INFO.get(code) if isinstance(code, str) else None


        def is_retryable(code: str) -> bool:
            \"\"\"Whether the code may be retried unchanged; False for an unknown code.\"\"\"
            info = lookup(code)
            return info is not None and info.retry.retryable


        def retry_delay(code: str, attempt: int, retry_after_seconds: Optional[float] = None) -> Optional[int]:
            \"\"\"Milliseconds to wait before retrying, or None not to retry automatically.

            ``attempt`` is the 1-based number of the attempt that just failed with ``code``.

            - None for an unknown code, and for the policies never and after_fix.
            - None when the policy has ``max_attempts`` and ``attempt >= max_attempts``.
            - With a Retry-After value of zero or more seconds (a negative one is ignored), for
              retry_after and backoff: that many seconds in milliseconds, rounded to the nearest
              integer, not capped.
            - Otherwise ``initial_delay_ms`` (1000 when absent) * 2**(attempt - 1), capped at
              ``max_delay_ms`` when set.

            An attempt below 1 counts as 1. Jitter is not applied: when the policy's ``jitter`` is
            true, pass the result through :func:`with_jitter`.
            \"\"\"
            info = lookup(code)
            if info is None or info.retry.policy in ("never", "after_fix"):
                return None
            retry = info.retry
            attempt = max(int(attempt), 1)
            if retry.max_attempts is not None and attempt >= retry.max_attempts:
                return None
            if retry_after_seconds is not None and retry_after_seconds >= 0:
                milliseconds = float(retry_after_seconds) * 1000
                if milliseconds >= LARGEST_DELAY_MS:
                    return LARGEST_DELAY_MS
                whole = math.floor(milliseconds)
                # Halves round up, as in the other SDKs (Python's round() rounds them to even).
                return int(whole) + 1 if milliseconds - whole >= 0.5 else int(whole)
            limit = min(retry.max_delay_ms if retry.max_delay_ms is not None else LARGEST_DELAY_MS, LARGEST_DELAY_MS)
            delay = retry.initial_delay_ms if retry.initial_delay_ms is not None else 1000
            doublings = min(attempt - 1, 53)
            while doublings > 0 and delay < limit:
                delay *= 2
                doublings -= 1
            return min(delay, limit)


        def with_jitter(delay_ms: int, random: float) -> int:
            \"\"\"``delay_ms / 2 + random * delay_ms / 2``, rounded down, for ``random`` in [0, 1).

            Values of ``random`` outside [0, 1] are clamped; NaN counts as 0.
            \"\"\"
            delay = float(min(max(delay_ms, 0), LARGEST_DELAY_MS))
            fraction = 0.0 if math.isnan(random) else min(max(random, 0.0), 1.0)
            return int(math.floor(delay / 2 + fraction * delay / 2))
        """.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}
