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
/// Numbers are little-endian. Entries made since the file was last written whole go to a second
/// file of the same form while they are few (`.Site.errdocs-loaded.recent`), so that a rebuild
/// after one edit does not write the whole file again. An entry that cannot be read or decoded is parsed again, and a
/// file whose index does not fit its size is ignored. Each error's body is decoded only when its
/// page or registry entry is made (``LoadedFileCoding``): one that does not decode then makes the
/// build start again without this file's entries (``Pipeline/build(_:templates:into:freeingMemory:progress:)``),
/// so nothing here makes a build fail. Entries carry no checksum: like the build record, each
/// file is written whole and renamed into place. The file is read mapped into memory
/// (``StoredBytes``): entries are decoded where they lie, and the bodies left encoded stay there.
final class LoadCache: Sendable {
    static let header = Array("errdocs loaded files 6\n".utf8)
    static let nameLength = 15
    private static let entryLength = nameLength + 16

    let path: String
    let tool: String
    /// The whole file, open for reading and mapped, with where each entry is in it.
    private let whole: StoredFile?
    /// The entries made since the whole file was written, in a file of the same form beside it
    /// (``recentPath``), when they are few. A one-edit rebuild of 10,000 errors rewrote the
    /// whole 26 MB file for its one new entry: 62 ms of CPU, a ninth of the rebuild's, and 26 MB
    /// written on every save while `errdocs serve` runs. Entries are named by their content, so
    /// either file may be replaced without the other: a name found in both is the same entry.
    private let recent: StoredFile?

    /// Set when ``write(_:)`` may return at once and write on another thread, while the build
    /// renders: ``finishWriting()`` waits for it. Only a few new entries are written so: a
    /// whole cache encoded while the pages render raised the peak of a full build of 100,000
    /// errors by about 40 MB.
    private let writing: DispatchGroup?
    /// At most this many entries go to the recent file; more, and the whole file is written
    /// again with them (and the recent file removed).
    private let fewEntries: Int

    /// The file of entries made since `path` was written whole.
    static func recentPath(of path: String) -> String { path + ".recent" }
    private var recentPath: String { Self.recentPath(of: path) }

    /// - Parameter readingPrevious: false starts from no entries, whatever files are at `path`
    ///   (which the next ``write(_:)`` replaces).
    init(path: String, tool: String = BuildInputs.tool, inBackground: Bool = false, readingPrevious: Bool = true,
         fewEntries: Int = 1024) {
        self.path = path
        self.fewEntries = fewEntries
        self.tool = tool
        writing = inBackground ? DispatchGroup() : nil
        whole = readingPrevious ? StoredFile(path) : nil
        // Recent entries are written only beside a whole file.
        recent = whole == nil ? nil : StoredFile(Self.recentPath(of: path))
    }

    /// The names of the entries the last builds kept.
    var names: Set<String> { Set([whole, recent].compactMap { $0?.entries.keys }.joined()) }

    func name(of file: String, hash: String) -> String {
        ContentHash.of(["loaded", tool, file, hash])
    }

    /// The rules that compare errors found the same in every catalog whose facts they read
    /// have `key` (``ComparedFacts``) and whose catalog.yaml has the hash `settings`.
    func name(ofComparedFindings key: String, settings: String) -> String {
        ContentHash.of(["compared", tool, key, settings])
    }

    /// Where the entry `name` is.
    private func stored(_ name: String) -> (bytes: StoredBytes, range: Range<Int>)? {
        if let recent, let range = recent.entries[name] { return (recent.mapped, range) }
        if let whole, let range = whole.entries[name] { return (whole.mapped, range) }
        return nil
    }

    /// What the rules that compare errors found, if the last build kept it under `name`
    /// (``name(ofComparedFindings:settings:)``).
    func comparedFindings(named name: String) -> [Diagnostic]? {
        guard let (bytes, range) = stored(name) else { return nil }
        return try? FileFindingsCoding.decode(bytes, range, file: "").diagnostics
    }

    /// What loading `file` gave, if the last build kept it under `name` (``name(of:hash:)``),
    /// and what the error-file rules found in it, if they ran with the catalog.yaml whose
    /// content hash is `settings`.
    func loaded(_ file: String, name: String, settings: String) -> (file: CatalogLoader.LoadedFile, findings: Linter.FileFindings?)? {
        guard let (bytes, range) = stored(name),
              let decoded = try? LoadedFileCoding.decode(bytes, range, file: file, settings: settings, deferringBodies: true)
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

    /// Writes `entries` as the next files: the new ones and the recent file's to the recent
    /// file when they are few, or all of them to the whole file, beside it and renamed into
    /// place; entries found in these files are copied from them. Nothing is written when
    /// nothing changed.
    func write(_ next: [Entry]) {
        let new = next.count { $0.make != nil }
        let keptRecent = recent.map { recent in next.count { $0.make == nil && recent.entries[$0.name] != nil } } ?? 0
        let toRecent = whole != nil && new + keptRecent <= fewEntries
        if toRecent {
            // Entries of the whole file that are not wanted stay there until it is written again.
            guard new > 0 || keptRecent != recent?.entries.count ?? 0 else { return }
        } else {
            guard next.count != whole?.entries.count ?? 0 || new > 0 || recent != nil else { return }
        }
        guard let writing, new <= fewEntries else { return writeNow(next, toRecent: toRecent) }
        DispatchQueue.global().async(group: writing) { self.writeNow(next, toRecent: toRecent) }
    }

    /// Returns once what ``write(_:)`` started is written.
    func finishWriting() {
        writing?.wait()
    }

    private func writeNow(_ next: [Entry], toRecent: Bool) {
        // Nothing here makes a build fail: a cache that cannot be written is parsed anew next time.
        if toRecent {
            let entries = next.filter { $0.make != nil || recent?.entries[$0.name] != nil }
            try? write(entries, to: recentPath, copyingFrom: recent, orFrom: nil)
        } else {
            guard (try? write(next, to: path, copyingFrom: whole, orFrom: recent)) != nil else { return }
            unlink(recentPath)
        }
    }

    /// Writes `next` to `path` in the file's form: an entry found in `source` is copied from it
    /// in the kernel (a run of them at once), one found only in `other` from its mapped bytes.
    private func write(_ next: [Entry], to path: String, copyingFrom source: StoredFile?, orFrom other: StoredFile?) throws {
        try FolderOutput.replace(path, pieces: { append in
            try append(.bytes(Data(Self.header)))
            var index: [UInt8] = []
            index.reserveCapacity(next.count * Self.entryLength + 16)
            var offset = Self.header.count, count = 0
            // Runs of entries that follow each other in the source are copied in one go.
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
                    } else if let range = source?.entries[entry.name] {
                        if let pending = run, pending.upperBound == range.lowerBound {
                            run = pending.lowerBound..<range.upperBound
                        } else {
                            try flush()
                            run = range
                        }
                        length = range.count
                    } else if let other, let range = other.entries[entry.name] {
                        try flush()
                        try append(.bytes(Data(UnsafeRawBufferPointer(rebasing: other.mapped.bytes[range]))))
                        length = range.count
                    } else {
                        throw LoadedFileCoding.Malformed()
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
        }, copyingFrom: source?.file ?? -1)
    }

    /// A cache file open for reading and mapped into memory, with where each entry is in it;
    /// nil when it does not exist or its index does not fit its size.
    private final class StoredFile: Sendable {
        let file: Int32
        let mapped: StoredBytes
        let entries: [String: Range<Int>]

        init?(_ path: String) {
            let file = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard file >= 0 else { return nil }
            let (size, index) = LoadCache.readIndex(file)
            // Entries are decoded where they lie in the file, never copied (``StoredBytes``).
            guard !index.isEmpty, let mapped = StoredBytes(mapping: file, size: size) else {
                close(file)
                return nil
            }
            self.file = file
            self.mapped = mapped
            entries = index
        }

        deinit { close(file) }
    }

    /// The file's size and where each entry is; no entries when the index does not fit the size.
    fileprivate static func readIndex(_ file: Int32) -> (size: Int, entries: [String: Range<Int>]) {
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
