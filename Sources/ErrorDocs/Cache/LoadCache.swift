import ErrorDocsModel
import Foundation

/// Error files as the last build loaded them, in binary form (``LoadedFileCoding``), each with
/// what the error-file lint rules found in it (``FileFindingsCoding``), in one file beside the
/// output (`.Site.errdocs-loaded` for `Site/`): a rebuild decodes the files whose content is
/// unchanged instead of parsing and linting them. Measured at 10,000 errors: loading took
/// 355–370 ms of a one-edit rebuild by parsing, 115 ms by decoding.
///
/// Each entry is named by the key of the tool, the file's path and its content hash, so a
/// changed file or a new errdocs never finds an old entry; its findings carry the content hash
/// of the catalog.yaml they were found with, and are used only with that one. One file, not one per error file: at
/// 10,000 errors, creating 10,000 small files took a full build 3.5 s on this machine.
///
///     errdocs loaded files 6\n
///     <each entry's bytes>
///     <each entry: its name (15 bytes), its offset and its length (8 bytes each)>
///     <where the index starts: 8 bytes> <entry count: 8 bytes>
///
/// The index comes last, so entries are written as they are encoded, a window at a time on
/// every core, and never all held.
/// Numbers are little-endian. An entry that cannot be read or decoded is parsed again, and a
/// file whose index does not fit its size is ignored. Each error's body is decoded only when its
/// page or registry entry is made (``LoadedFileCoding``): one that does not decode then makes the
/// build start again without this file's entries (``Pipeline/build(_:templates:into:freeingMemory:progress:)``),
/// so nothing here makes a build fail. Entries carry no checksum: like the build record, the
/// file is written whole and renamed into place. The file is read mapped into memory
/// (``StoredBytes``): entries are decoded where they lie, and the bodies left encoded stay there.
final class LoadCache: Sendable {
    static let header = Array("errdocs loaded files 6\n".utf8)
    static let nameLength = 15
    private static let entryLength = nameLength + 16

    let path: String
    let tool: String
    /// The previous file, open for reading and mapped, and where each entry is in it.
    private let previous: Int32
    private let mapped: StoredBytes?
    private let entries: [String: Range<Int>]

    /// Set when ``write(_:)`` may return at once and write on another thread, while the build
    /// renders: ``finishWriting()`` waits for it. Only a few new entries are written so: a
    /// whole cache encoded while the pages render raised the peak of a full build of 100,000
    /// errors by about 40 MB.
    private let writing: DispatchGroup?
    private static let fewEntries = 1024

    /// - Parameter readingPrevious: false starts from no entries, whatever file is at `path`
    ///   (which the next ``write(_:)`` replaces).
    init(path: String, tool: String = BuildInputs.tool, inBackground: Bool = false, readingPrevious: Bool = true) {
        self.path = path
        self.tool = tool
        writing = inBackground ? DispatchGroup() : nil
        let file = readingPrevious ? open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) : -1
        previous = file
        let (size, index) = file < 0 ? (0, [:]) : Self.readIndex(file)
        // Entries are decoded where they lie in the file, never copied (``StoredBytes``).
        mapped = index.isEmpty ? nil : StoredBytes(mapping: file, size: size)
        entries = mapped == nil ? [:] : index
    }

    deinit {
        if previous >= 0 { close(previous) }
    }

    /// The names of the entries the last build kept.
    var names: Set<String> { Set(entries.keys) }

    func name(of file: String, hash: String) -> String {
        ContentHash.of(["loaded", tool, file, hash])
    }

    /// The rules that compare errors found the same in every catalog whose facts they read
    /// have `key` (``ComparedFacts``) and whose catalog.yaml has the hash `settings`.
    func name(ofComparedFindings key: String, settings: String) -> String {
        ContentHash.of(["compared", tool, key, settings])
    }

    /// What the rules that compare errors found, if the last build kept it under `name`
    /// (``name(ofComparedFindings:settings:)``).
    func comparedFindings(named name: String) -> [Diagnostic]? {
        guard let mapped, let range = entries[name] else { return nil }
        return try? FileFindingsCoding.decode(mapped, range, file: "").diagnostics
    }

    /// What loading `file` gave, if the last build kept it under `name` (``name(of:hash:)``),
    /// and what the error-file rules found in it, if they ran with the catalog.yaml whose
    /// content hash is `settings`.
    func loaded(_ file: String, name: String, settings: String) -> (file: CatalogLoader.LoadedFile, findings: Linter.FileFindings?)? {
        guard let mapped, let range = entries[name],
              let decoded = try? LoadedFileCoding.decode(mapped, range, file: file, settings: settings, deferringBodies: true)
        else { return nil }
        return (CatalogLoader.LoadedFile(definitions: decoded.definitions, problems: decoded.problems), decoded.findings)
    }

    /// One entry of the next file: found in this one (copied as it is) or made anew.
    struct Entry: Sendable {
        var name: String
        /// Makes the entry's bytes, or nil to leave the entry out; nil when this file has them.
        var make: (@Sendable () -> [UInt8]?)?

        static func found(_ name: String) -> Entry { Entry(name: name, make: nil) }
    }

    /// Writes `entries` as the next file, beside it and renamed into place; entries found in
    /// this file are copied from it. Nothing is written when nothing changed.
    func write(_ next: [Entry]) {
        let new = next.count { $0.make != nil }
        guard next.count != entries.count || new > 0 else { return }
        guard let writing, new <= Self.fewEntries else { return writeNow(next) }
        DispatchQueue.global().async(group: writing) { self.writeNow(next) }
    }

    /// Returns once what ``write(_:)`` started is written.
    func finishWriting() {
        writing?.wait()
    }

    private func writeNow(_ next: [Entry]) {
        // Nothing here makes a build fail: a cache that cannot be written is parsed anew next time.
        try? FolderOutput.replace(path, pieces: { append in
            try append(.bytes(Data(Self.header)))
            var index: [UInt8] = []
            index.reserveCapacity(next.count * Self.entryLength + 16)
            var offset = Self.header.count, count = 0
            // Runs of entries that follow each other in this file are copied in one go.
            var run: Range<Int>?
            func flush() throws {
                if let pending = run { try append(.copy(pending)) }
                run = nil
            }
            for window in ConcurrentMap.batches(of: 256, in: next.indices) {
                let entries = next[window]
                // nil for an entry found here; .some(nil) for one left out.
                let encoded = ConcurrentMap.map(Array(entries)) { entry in entry.make.map { $0() } }
                for (entry, made) in zip(entries, encoded) {
                    guard entry.name.utf8.count == Self.nameLength else { throw LoadedFileCoding.Malformed() }
                    if case .some(nil) = made { continue }
                    let length: Int
                    if let bytes = made ?? nil {
                        try flush()
                        try append(.bytes(Data(bytes)))
                        length = bytes.count
                    } else {
                        guard let range = self.entries[entry.name] else { throw LoadedFileCoding.Malformed() }
                        if let pending = run, pending.upperBound == range.lowerBound {
                            run = pending.lowerBound..<range.upperBound
                        } else {
                            try flush()
                            run = range
                        }
                        length = range.count
                    }
                    count += 1
                    index += entry.name.utf8
                    appendLittleEndian(UInt64(offset), to: &index)
                    appendLittleEndian(UInt64(length), to: &index)
                    offset += length
                }
            }
            try flush()
            appendLittleEndian(UInt64(offset), to: &index)
            appendLittleEndian(UInt64(count), to: &index)
            try append(.bytes(Data(index)))
        }, copyingFrom: previous)
    }

    /// The file's size and where each entry is; no entries when the index does not fit the size.
    private static func readIndex(_ file: Int32) -> (size: Int, entries: [String: Range<Int>]) {
        var info = stat()
        guard fstat(file, &info) == 0 else { return (0, [:]) }
        let size = Int(info.st_size)
        return (size, readIndex(file, size: size))
    }

    private static func readIndex(_ file: Int32, size: Int) -> [String: Range<Int>] {
        guard size >= header.count + 16, read(file, 0..<header.count) == header,
              let trailer = read(file, size - 16..<size) else { return [:] }
        let start = Int(truncatingIfNeeded: number(trailer[0...]))
        let count = Int(truncatingIfNeeded: number(trailer[8...]))
        // The index fills the bytes from its start to the trailer exactly.
        guard start >= header.count, start <= size - 16, count >= 0, count == (size - 16 - start) / entryLength,
              (size - 16 - start) % entryLength == 0, let index = read(file, start..<size - 16) else { return [:] }
        var entries: [String: Range<Int>] = [:]
        entries.reserveCapacity(count)
        for position in stride(from: 0, to: index.count, by: entryLength) {
            let name = String(decoding: index[position..<position + nameLength], as: UTF8.self)
            let offset = Int(truncatingIfNeeded: number(index[(position + nameLength)...]))
            let length = Int(truncatingIfNeeded: number(index[(position + nameLength + 8)...]))
            guard offset >= header.count, length >= 0, offset <= start, length <= start - offset else { return [:] }
            entries[name] = offset..<offset + length
        }
        return entries
    }

    private static func read(_ file: Int32, _ range: Range<Int>) -> [UInt8]? {
        // Not filled with zeros first: the read fills it.
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            initialized = max(0, pread(file, buffer.baseAddress, range.count, off_t(range.lowerBound)))
        }
        return bytes.count == range.count ? bytes : nil
    }

    /// The little-endian number in the first 8 bytes.
    private static func number(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }
}

private func appendLittleEndian(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
}
