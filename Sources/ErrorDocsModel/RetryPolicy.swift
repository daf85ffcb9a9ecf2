/// How a client should retry after meeting an error.
public struct RetryPolicy: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Retrying cannot help.
        case never
        /// Retry only after the request, credentials or configuration change.
        case afterFix = "after_fix"
        /// Wait for the `Retry-After` header; fall back to backoff when it is absent.
        case retryAfter = "retry_after"
        /// Capped exponential backoff with jitter.
        case backoff

        /// Whether a client may send the same request again without changing anything.
        public var isRetryable: Bool { self == .retryAfter || self == .backoff }
    }

    public var kind: Located<Kind>
    public var maxAttempts: Located<Int>?
    /// Milliseconds.
    public var initialDelay: Located<Int>?
    /// Milliseconds.
    public var maxDelay: Located<Int>?
    public var jitter: Located<Bool>?
    public var location: SourceLocation

    public init(
        kind: Located<Kind>, maxAttempts: Located<Int>? = nil, initialDelay: Located<Int>? = nil,
        maxDelay: Located<Int>? = nil, jitter: Located<Bool>? = nil, location: SourceLocation
    ) {
        self.kind = kind
        self.maxAttempts = maxAttempts
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.location = location
    }
}
