/// Which of a mapping's allowed keys a catalog file wrote: one bit per allowed key.
///
/// A large catalog holds one per error and per recovery entry; as a `Set<String>` each took
/// several hundred bytes, as bits it takes sixteen (the list of allowed keys is shared).
public struct KeySet: Sendable {
    /// The keys this set can hold, in a fixed order; at most 64.
    public let allowed: [String]
    private var bits: UInt64 = 0

    public init(allowed: [String] = []) {
        precondition(allowed.count <= 64, "a KeySet holds at most 64 allowed keys")
        self.allowed = allowed
    }

    /// The keys of `allowed` whose bit is set in `bits` (bit 0 for the first); bits past the
    /// end of `allowed` are left out.
    public init(allowed: [String], bits: UInt64) {
        self.init(allowed: allowed)
        self.bits = allowed.count == 64 ? bits : bits & (1 << UInt64(allowed.count) - 1)
    }

    /// The given keys that are among `allowed`; others are left out.
    public init(_ keys: some Sequence<String>, allowed: [String]) {
        self.init(allowed: allowed)
        for key in keys { insert(key) }
    }

    public func contains(_ key: String) -> Bool {
        guard let index = allowed.firstIndex(of: key) else { return false }
        return bits & (1 << index) != 0
    }

    private mutating func insert(_ key: String) {
        guard let index = allowed.firstIndex(of: key) else { return }
        bits |= 1 << index
    }
}
