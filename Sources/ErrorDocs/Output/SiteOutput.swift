import Foundation

/// Where a built site goes: a folder on disk in the CLI, memory in tests and `errdocs serve`.
public protocol SiteOutput {
    /// What the build that wrote the current output recorded, with only the pages that are still
    /// as it wrote them; nil when there is no usable record (the output is then built whole).
    func previousBuild() -> BuildRecord?

    /// The bytes of a file of the current output, for pages a build keeps.
    func previousContents(of path: String) -> Data?

    /// Replaces the whole output with `files` plus the current output's files at `kept`, or
    /// leaves it untouched when it throws; then stores `record` for the next build.
    mutating func replace(with files: [SiteFile], keeping kept: [String], record: BuildRecord) throws
}

/// Keeps the site in memory, for tests and `errdocs serve`.
public struct MemoryOutput: SiteOutput {
    public private(set) var files: [String: SiteFile] = [:]
    private var record: BuildRecord?

    public init() {}

    public func previousBuild() -> BuildRecord? { record }

    public func previousContents(of path: String) -> Data? { files[path]?.contents }

    public mutating func replace(with files: [SiteFile], keeping kept: [String], record: BuildRecord) throws {
        var next = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        for path in kept {
            guard let file = self.files[path] else { throw MissingKeptFile(path: path) }
            next[path] = file
        }
        self.files = next
        self.record = record
    }

    struct MissingKeptFile: Error, CustomStringConvertible {
        var path: String
        var description: String { "internal error: the build kept \(path), which the output does not have" }
    }
}
