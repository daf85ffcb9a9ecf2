import Foundation

/// Where a built site goes: a folder on disk in the CLI, memory in tests and `errdocs serve`.
///
/// A build writes a new version beside the current one, file by file as pages are rendered (so
/// a large site is never held in memory whole), then commits it in one step; a build that fails
/// discards it and leaves the current version as it was.
public protocol SiteOutput {
    /// What the build that wrote the current output recorded, with only the pages that are still
    /// as it wrote them; nil when there is no usable record (the output is then built whole).
    func previousBuild() -> BuildRecord?

    /// The bytes of a file of the current output, for pages a build keeps.
    func previousContents(of path: String) -> Data?

    /// The size of a file of the current output, whose parts a build copies; nil when there is none.
    func previousSize(of path: String) -> Int?

    /// Where builds keep the error files they loaded (``LoadCache``); nil for nowhere.
    var loadCachePath: String? { get }

    /// Starts a new version of the output.
    mutating func begin() throws -> SiteStage

    /// Makes the stage's files (those at `written`), plus the current output's files at `kept`,
    /// the whole output, or throws and leaves the current output untouched; then stores
    /// `record` for the next build. `previous` is what ``previousBuild()`` returned for this build.
    mutating func commit(_ stage: SiteStage, written: [String], keeping kept: [String], record: BuildRecord,
                         previous: BuildRecord?) throws
}

/// A piece of a large file being written.
public enum FilePiece: Sendable {
    case bytes(Data)
    /// Bytes of the current output's file at the same path: a part unchanged since it was
    /// written, copied without being read (inside the kernel where it can).
    case copy(Range<Int>)
}

/// A new version of an output being written: takes files from any thread.
public protocol SiteStage: Sendable {
    func write(_ file: SiteFile) throws
    /// Writes a rendered page from its text, without a copy of its bytes where the stage can.
    func write(_ path: String, text: String) throws
    /// Writes a large file piece by piece as `pieces` hands them to `append`, so it is never held
    /// in memory whole; throws when a copied range is not in the current output's file.
    func write(_ path: String, pieces: (_ append: (FilePiece) throws -> Void) throws -> Void) throws
    /// A file written to this stage.
    func contents(of path: String) -> Data?
    /// Throws away everything written (the build failed).
    func discard()
}

extension SiteStage {
    public func write(_ path: String, text: String) throws {
        try write(SiteFile(path: path, contents: Data(text.utf8)))
    }

    /// Writes a large file part by part as `parts` hands them to `append`.
    func write(_ path: String, parts: (_ append: (Data) throws -> Void) throws -> Void) throws {
        try write(path, pieces: { append in
            // Only called while `parts` runs.
            try withoutActuallyEscaping(append) { append in try parts { try append(.bytes($0)) } }
        })
    }
}

/// Keeps the site in memory, for tests and `errdocs serve`.
public struct MemoryOutput: SiteOutput {
    public private(set) var files: [String: SiteFile] = [:]
    private var record: BuildRecord?

    public init() {}

    public func previousBuild() -> BuildRecord? { record }

    public var loadCachePath: String? { nil }

    public func previousContents(of path: String) -> Data? { files[path]?.contents }

    public func previousSize(of path: String) -> Int? { files[path]?.contents.count }

    public mutating func begin() throws -> SiteStage { Stage(current: files) }

    public mutating func commit(_ stage: SiteStage, written: [String], keeping kept: [String], record: BuildRecord,
                                previous: BuildRecord?) throws {
        guard let stage = stage as? Stage else { preconditionFailure("a stage of another output") }
        var next = stage.files.withLock { $0 }
        for path in kept {
            guard let file = files[path] else { throw KeptFileMissing(path: path) }
            next[path] = file
        }
        self.files = next
        self.record = record
    }

    final class Stage: SiteStage, @unchecked Sendable {
        let files = Locked<[String: SiteFile]>([:])
        /// The output's files when the stage began, which copied pieces come from.
        let current: [String: SiteFile]

        init(current: [String: SiteFile]) {
            self.current = current
        }

        func write(_ file: SiteFile) throws { files.withLock { $0[file.path] = file } }
        func write(_ path: String, pieces: (_ append: (FilePiece) throws -> Void) throws -> Void) throws {
            var contents = Data()
            let previous = current[path]?.contents ?? Data()
            try pieces { piece in
                switch piece {
                case .bytes(let bytes): contents.append(bytes)
                case .copy(let range):
                    guard range.upperBound <= previous.count else { throw KeptFileMissing(path: path) }
                    contents.append(previous[previous.startIndex + range.lowerBound..<previous.startIndex + range.upperBound])
                }
            }
            try write(SiteFile(path: path, contents: contents))
        }
        func contents(of path: String) -> Data? { files.withLock { $0[path]?.contents } }
        func discard() { files.withLock { $0 = [:] } }
    }

}

/// A file the build keeps from the previous output cannot be read there any more.
struct KeptFileMissing: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path): the previous build's file cannot be read; delete the output folder and build again" }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
