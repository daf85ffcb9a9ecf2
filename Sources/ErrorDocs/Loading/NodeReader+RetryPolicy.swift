import ErrorDocsModel

extension NodeReader {
    static let retryKeys = ["policy", "max_attempts", "initial_delay", "max_delay", "jitter"]

    mutating func retryPolicy(_ node: YAMLNode, _ what: String) -> RetryPolicy? {
        guard let entries = mapping(node, what, allowed: Self.retryKeys) else { return nil }
        guard let policyEntry = entries["policy"] else {
            report("required-field", at: node, "\(what) needs a 'policy' (never, after_fix, retry_after or backoff)")
            return nil
        }
        guard let kind = choice(policyEntry.value, "retry policy", as: RetryPolicy.Kind.self) else { return nil }
        var policy = RetryPolicy(kind: kind, location: location(of: node))
        if let entry = entries["max_attempts"] { policy.maxAttempts = int(entry.value, "max_attempts") }
        if let entry = entries["initial_delay"] { policy.initialDelay = duration(entry.value, "initial_delay") }
        if let entry = entries["max_delay"] { policy.maxDelay = duration(entry.value, "max_delay") }
        if let entry = entries["jitter"] { policy.jitter = bool(entry.value, "jitter") }
        return policy
    }
}
