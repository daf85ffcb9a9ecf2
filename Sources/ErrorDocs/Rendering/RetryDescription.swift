import ErrorDocsModel

/// Words for a retry policy, shared by badges, tables and Markdown pages.
enum RetryDescription {
    static func label(_ kind: RetryPolicy.Kind) -> String {
        switch kind {
        case .never: "Do not retry"
        case .afterFix: "Retry after a fix"
        case .retryAfter: "Retry after Retry-After"
        case .backoff: "Retry with backoff"
        }
    }

    /// The seeds' "Retry?" column: No, Yes, or Yes, limited (two or three attempts).
    static func answer(_ policy: RetryPolicy) -> String {
        guard policy.kind.value.isRetryable else { return "No" }
        if let attempts = policy.maxAttempts?.value, attempts <= 3 { return "Yes, limited" }
        return "Yes"
    }

    /// One sentence on how to retry: the seeds' "How" column. What is sent again is a request
    /// for an HTTP error, a message for an SMTP reply; an event reports something to fix.
    static func how(_ policy: RetryPolicy, surface: ErrorDefinition.Surface = .response) -> String {
        var parts: [String] = []
        switch (policy.kind.value, surface) {
        case (.never, .response): return "Do not retry; the same request will fail again."
        case (.never, .smtp): return "Do not retry; the same message will fail again."
        case (.never, .event): return "Do not retry; it will fail the same way again."
        case (.afterFix, .response): return "Fix the request, credentials or configuration, then send it again."
        case (.afterFix, .smtp): return "Fix the message or the recipient's address, then send it again."
        case (.afterFix, .event): return "Fix what the event reports, then try again."
        case (.retryAfter, _): parts.append("Honour Retry-After; without it, back off exponentially")
        case (.backoff, _): parts.append("Exponential backoff")
        }
        if let attempts = policy.maxAttempts?.value { parts.append("\(attempts) attempts in all") }
        if let initial = policy.initialDelay?.value {
            let ceiling = policy.maxDelay.map { " up to \(duration($0.value))" } ?? ""
            parts.append("starting at \(duration(initial))\(ceiling)")
        }
        if policy.jitter?.value == true { parts.append("with jitter") }
        return parts.joined(separator: ", ") + "."
    }

    /// `500 ms`, `15 s`, `5 min`, `1 h`: the largest unit that divides the duration.
    static func duration(_ milliseconds: Int) -> String {
        if milliseconds >= 3_600_000 && milliseconds % 3_600_000 == 0 { return "\(milliseconds / 3_600_000) h" }
        if milliseconds >= 60_000 && milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000) min" }
        if milliseconds >= 1000 && milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return "\(milliseconds) ms"
    }
}
