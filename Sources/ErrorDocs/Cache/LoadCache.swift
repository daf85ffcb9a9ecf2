import ErrorDocsModel
import Foundation

/// Error files as the last build loaded them, in binary form (``LoadedFileCoding``), in one
/// file beside the output (`.Site.errdocs-loaded` for `Site/`): a rebuild decodes the files whose
/// content is unchanged instead of parsing them. Measured at 10,000 errors: loading took
/// 355–370 ms of a one-edit rebuild by parsing, 115 ms by decoding.
///
/// Each entry is named by the key of the tool, the file's path and its content hash, so a
/// changed file or a new errdocs never finds an old entry. One file, not one per error file: at
/// 10,000 errors, creating 10,000 small files took a full build 3.5 s on this machine.
///
///     errdocs loaded files 1\n
///     <entry count: 8 bytes>
///     <each entry: its name (15 bytes), its offset and its length (8 bytes each)>
///     <each entry's bytes>
///
/// Numbers are little-endian. An entry that cannot be read or decoded is parsed again, and a
/// file whose index does not fit its size is ignored; nothing here makes a build fail. Entries
/// carry no checksum: like the build record, the file is written whole and renamed into place.
final class LoadCache: Sendable {
    static let header = Array("errdocs loaded files 1\n".utf8)
    static let nameLength = 15
    private static let entryLength = nameLength + 16

    let path: String
    let tool: String
    /// The previous file, open for reading, and where each entry is in it.
    private let previous: Int32
    private let entries: [String: Range<Int>]

    init(path: String, tool: String = BuildInputs.tool) {
        self.path = path
        self.tool = tool
        let file = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        previous = file
        entries = file < 0 ? [:] : Self.readIndex(file)
    }

    deinit {
        if previous >= 0 { close(previous) }
    }

    /// The names of the entries the last build kept.
    var names: Set<String> { Set(entries.keys) }

    func name(of file: String, hash: String) -> String {
        ContentHash.of(["loaded", tool, file, hash])
    }

    /// What loading `file` gave when its content hash was `hash`, if the last build kept it.
    func loaded(_ file: String, hash: String) -> CatalogLoader.LoadedFile? {
        guard let range = entries[name(of: file, hash: hash)] else { return nil }
        var bytes = [UInt8](repeating: 0, count: range.count)
        let read = bytes.withUnsafeMutableBytes { pread(previous, $0.baseAddress, range.count, off_t(range.lowerBound)) }
        guard read == range.count, let (definitions, problems) = try? LoadedFileCoding.decode(bytes, file: file) else { return nil }
        return CatalogLoader.LoadedFile(definitions: definitions, problems: problems)
    }

    /// One entry of the next file: found in this one (copied as it is) or loaded anew (encoded).
    struct Entry {
        var name: String
        var file: CatalogLoader.LoadedFile
        var found: Bool
    }

    /// Writes `entries` as the next file, beside it and renamed into place; entries found in
    /// this file are copied from it. Nothing is written when nothing changed.
    func write(_ next: [Entry]) {
        guard next.count != entries.count || next.contains(where: { !$0.found }) else { return }
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        unlink(temporary)
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard output >= 0 else { return }
        var written = false
        defer {
            close(output)
            if !written || rename(temporary, path) != 0 { unlink(temporary) }
        }
        // Entries loaded anew are encoded twice (once for their length): they are few, except
        // in a first build, where holding them all would cost more memory than encoding costs time.
        let lengths = next.map { $0.found ? (entries[$0.name]?.count ?? 0) : Self.encode($0.file).count }
        var index = Self.header
        append(UInt64(next.count), to: &index)
        var offset = index.count + next.count * Self.entryLength
        for (entry, length) in zip(next, lengths) {
            guard entry.name.utf8.count == Self.nameLength else { return }
            index += entry.name.utf8
            append(UInt64(offset), to: &index)
            append(UInt64(length), to: &index)
            offset += length
        }
        guard writeAll(output, index) else { return }
        // Runs of entries that follow each other in this file are copied in one go.
        var run: Range<Int>?
        for (entry, length) in zip(next, lengths) {
            if entry.found, let range = entries[entry.name], range.count == length {
                if let pending = run, pending.upperBound == range.lowerBound {
                    run = pending.lowerBound..<range.upperBound
                    continue
                }
                guard run.map({ copy($0, into: output) }) ?? true else { return }
                run = range
            } else {
                guard run.map({ copy($0, into: output) }) ?? true, !entry.found,
                      writeAll(output, Self.encode(entry.file)) else { return }
                run = nil
            }
        }
        guard run.map({ copy($0, into: output) }) ?? true else { return }
        written = true
    }

    private static func encode(_ file: CatalogLoader.LoadedFile) -> [UInt8] {
        LoadedFileCoding.encode(file.definitions, file.problems)
    }

    /// Copies bytes of the previous file to the end of `output`, a megabyte at a time.
    private func copy(_ range: Range<Int>, into output: Int32) -> Bool {
        var start = range.lowerBound
        while start < range.upperBound {
            guard let bytes = Self.read(previous, start..<min(start + (1 << 20), range.upperBound)), writeAll(output, bytes) else {
                return false
            }
            start += bytes.count
        }
        return true
    }

    private static func readIndex(_ file: Int32) -> [String: Range<Int>] {
        var info = stat()
        guard fstat(file, &info) == 0 else { return [:] }
        let size = Int(info.st_size)
        let countEnd = header.count + 8
        guard size >= countEnd, let head = read(file, 0..<countEnd), Array(head.prefix(header.count)) == header else { return [:] }
        let count = Int(truncatingIfNeeded: number(head[header.count...]))
        guard count >= 0, count <= (size - countEnd) / entryLength,
              let index = read(file, countEnd..<countEnd + count * entryLength) else { return [:] }
        var entries: [String: Range<Int>] = [:]
        entries.reserveCapacity(count)
        for start in stride(from: 0, to: index.count, by: entryLength) {
            let name = String(decoding: index[start..<start + nameLength], as: UTF8.self)
            let offset = Int(truncatingIfNeeded: number(index[(start + nameLength)...]))
            let length = Int(truncatingIfNeeded: number(index[(start + nameLength + 8)...]))
            guard offset >= 0, length >= 0, offset <= size, length <= size - offset else { return [:] }
            entries[name] = offset..<offset + length
        }
        return entries
    }

    private static func read(_ file: Int32, _ range: Range<Int>) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: range.count)
        let read = bytes.withUnsafeMutableBytes { pread(file, $0.baseAddress, range.count, off_t(range.lowerBound)) }
        return read == range.count ? bytes : nil
    }

    /// The little-endian number in the first 8 bytes.
    private static func number(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }
}

private func append(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
}

private func writeAll(_ file: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { writeAll(file, $0) }
}
