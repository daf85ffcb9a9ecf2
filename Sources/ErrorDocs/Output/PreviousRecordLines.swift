import Foundation

/// The `page` and `folder` lines of the build record being replaced, read forward a megabyte
/// at a time: a page the build kept has the line it had, since its file and stamp are as the
/// record read them, and so has a folder the build left alone; the next record copies those
/// lines instead of a stat(2) and a new line each. The record is sorted by kind, then path, so
/// the pages are asked for in that order, then the folders. (A kept page that could not be
/// linked into a new folder but was copied has a new stamp: the next build then renders it
/// again. Nothing is ever kept wrongly, at worst rendered again.)
struct PreviousRecordLines {
    private let file: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// Where each read lands before it joins `buffer`: one allocation for the whole record.
    private var chunk: [UInt8] = []

    init?(path: String) {
        file = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard file >= 0 else { return nil }
    }

    func close() { _ = Glibc.close(file) }

    /// The line of the `kind` ("page" or "folder") at `path` with its newline, if the record
    /// has one with `key` ("-" for a folder); the lines before it are passed over.
    mutating func line(_ kind: String = "page", for path: String, key: String) -> ArraySlice<UInt8>? {
        // Compared as they are: arrays of the path, kind and key made for each of tens of
        // thousands of lines cost more than the comparisons.
        var path = path
        return path.withUTF8 { path in
            while let line = nextLine() {
                guard line.starts(with: kind.utf8), line.dropFirst(kind.utf8.count).first == UInt8(ascii: " "),
                      let found = Self.path(of: line) else {
                    consume(line)
                    continue
                }
                let order = Self.compare(found, path)
                if order == 0 {
                    consume(line)
                    let rest = line.dropFirst(kind.utf8.count + 1)
                    return rest.starts(with: key.utf8) && rest.dropFirst(key.utf8.count).first == UInt8(ascii: " ") ? line : nil
                }
                // Past it in byte order: keep the line for a later path.
                if order > 0 { return nil }
                consume(line)
            }
            return nil
        }
    }

    /// The byte order of `found` against `path`, as `memcmp` gives it, the shorter first on a tie.
    private static func compare(_ found: ArraySlice<UInt8>, _ path: UnsafeBufferPointer<UInt8>) -> Int {
        found.withUnsafeBufferPointer { found in
            let common = min(found.count, path.count)
            let order = common == 0 ? 0 : Int(memcmp(found.baseAddress!, path.baseAddress!, common))
            return order != 0 ? order : found.count - path.count
        }
    }

    /// The path of `<kind> <key> <size> <time> <inode> <path>\n`: what follows the fifth space.
    private static func path(of line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var spaces = 0
        for index in line.indices where line[index] == UInt8(ascii: " ") {
            spaces += 1
            if spaces == 5 { return line[(index + 1)..<(line.endIndex - 1)] }
        }
        return nil
    }

    /// The next whole line, newline included, without consuming it.
    private mutating func nextLine() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer.firstNewline(from: start) { return buffer[start...newline] }
            guard !atEnd else { return nil }
            buffer.removeFirst(start)
            start = 0
            if chunk.isEmpty { chunk = [UInt8](repeating: 0, count: 1 << 20) }
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            guard count > 0 else {
                atEnd = true
                continue
            }
            buffer += chunk[..<count]
        }
    }

    private mutating func consume(_ line: ArraySlice<UInt8>) {
        start = line.endIndex
    }
}
