/// Where a built site goes: a folder on disk in the CLI, memory in tests.
public protocol SiteOutput {
    /// Replaces the whole output with `files`, or leaves it untouched when it throws.
    mutating func replace(with files: [SiteFile]) throws
}

/// Keeps the site in memory, for tests and `errdocs serve`.
public struct MemoryOutput: SiteOutput {
    public private(set) var files: [String: SiteFile] = [:]

    public init() {}

    public mutating func replace(with files: [SiteFile]) throws {
        self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
    }
}
