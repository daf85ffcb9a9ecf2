import Foundation

/// Lines of catalog files, read on first use, for excerpts under diagnostics. Files that are
/// gone or unreadable have no lines; invalid UTF-8 is shown with replacement characters.
public final class SourceLines: @unchecked Sendable {
    private var files: [String: [String]] = [:]
    private let lock = NSLock()

    public init() {}

    /// Line `number` (1-based) of `path` without its line ending, or nil.
    public func line(_ number: Int, of path: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        if files[path] == nil {
            let data = FileManager.default.contents(atPath: path) ?? Data()
            // Split bytes, not Characters: Swift treats "\r\n" as one Character.
            files[path] = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
                String(decoding: bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes, as: UTF8.self)
            }
        }
        guard let lines = files[path], number >= 1, number <= lines.count else { return nil }
        var line = lines[number - 1]
        if number == 1, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        return line
    }
}
