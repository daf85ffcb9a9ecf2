import ErrorDocsModel
import Foundation

/// A ``BuildRecord`` on disk, beside the output folder (`.Site.errdocs-cache` for `Site/`), so
/// the published folder holds only the site. Each page carries the size, modification time and
/// inode its file had when written: a file changed or replaced since no longer matches, and
/// its page is rendered again. Each folder of the output carries its stamp too, so a file added
/// by hand is noticed without listing the whole output. Catalog files carry the same stamp with
/// their hash.
///
/// Plain lines, one per file, since a large site has tens of thousands of them:
///
///     errdocs build record 6
///     tool <key of the errdocs that wrote it>
///     inputs <key>
///     errors <count>
///     diagnostics <JSON on one line>
///     page <key> <size> <seconds>.<nanoseconds> <inode> <path>
///     folder - <size> <seconds>.<nanoseconds> <inode> <path, "." for the output folder>
///     part <key> <start> <end> <path>   (an error's part of a file: bytes start..<end, such as
///                                        its entry in registry.json)
///     input <hash> <size> <seconds>.<nanoseconds> <inode> <catalog file path>
///
/// A record written by another errdocs (`tool` differs) can keep no page, since every page's
/// key names the tool: only its input hashes are read.
struct BuildRecordFile {
    static let header = "errdocs build record 6"

    /// The record of `folder`'s last build, keeping only pages whose files are unchanged.
    static func read(_ url: URL, folder: URL, tool: String = BuildInputs.tool) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        let lines = lineRanges(bytes)
        guard lines.count >= 5, String(decoding: bytes[lines[0]], as: UTF8.self) == header,
              let writer = value(bytes[lines[1]], "tool "),
              let inputs = value(bytes[lines[2]], "inputs "), let errors = value(bytes[lines[3]], "errors ").flatMap({ Int($0) }),
              let diagnosticsJSON = value(bytes[lines[4]], "diagnostics "),
              let diagnostics = try? JSONDecoder().decode([Diagnostic].self, from: Data(diagnosticsJSON.utf8))
        else { return nil }
        let root = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard root >= 0 else { return nil }
        defer { close(root) }
        // Tens of thousands of lines, each a stat(2) for a page or folder: read on every core, in
        // batches so that each task does enough to be worth handing out.
        // Pages and parts another errdocs recorded are not even parsed: at 100,000 errors, held
        // through the build that renders every page again, they took it over 1 GB.
        let sameTool = writer == toolKey(tool)
        let batches = ConcurrentMap.batches(of: 1024, in: 5..<lines.count)
        let parsed = ConcurrentMap.map(batches) { batch -> ReadLines? in
            var read = ReadLines()
            for line in batch {
                if !sameTool && !bytes[lines[line]].starts(with: "input ".utf8) { continue }
                guard let next = Line(bytes[lines[line]], in: root) else { return nil }
                read.add(next)
            }
            return read
        }
        let read = parsed.compactMap { $0 }
        guard read.count == parsed.count else { return nil }
        var record = BuildRecord(inputs: inputs, pages: [:], diagnostics: diagnostics, errorCount: errors)
        // Inputs, pages, and folders and parts are gathered side by side, each from lines
        // already sorted by kind: one after the other, the 60,000 lines of a 10,000-error site
        // took 12-21 ms on one core.
        let merged = ConcurrentMap.map([Merged.Kind.inputs, .pages, .rest]) { Merged(read, kind: $0) }
        let (inputLines, pageLines, rest) = (merged[0], merged[1], merged[2])
        record.inputFiles = inputLines.inputFiles
        record.pages = pageLines.pages
        record.changedPages = read.flatMap(\.changedPages)
        record.parts = rest.parts
        record.changedFolders = read.flatMap(\.changedFolders)
        let hasFolders = read.contains(where: \.hasFolders)
        record.complete = sameTool && hasFolders && record.changedPages.isEmpty && record.changedFolders.isEmpty
        record.pagesRead = sameTool
        // Parts of a file changed since are not where the record says.
        record.parts = record.parts.filter { record.pages[$0.key] != nil }
        return record
    }

    /// The range of each line that is not empty.
    private static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            let end = bytes.firstNewline(from: start) ?? bytes.count
            if end > start { lines.append(start..<end) }
            start = end + 1
        }
        return lines
    }

    /// The lines of a batch, by kind.
    private struct ReadLines {
        var inputs: [(path: String, file: HashedFile)] = []
        /// Pages whose files are as the record says, with their keys.
        var pages: [(path: String, key: String)] = []
        var changedPages: [String] = []
        var parts: [(path: String, key: String, range: Range<Int>)] = []
        var changedFolders: [String] = []
        var hasFolders = false

        mutating func add(_ line: Line) {
            switch line {
            case .part(let path, let key, let range):
                parts.append((path, key, range))
            case .file(let entry):
                switch entry.kind {
                case .input:
                    inputs.append((entry.path, entry.file))
                case .page where entry.unchanged:
                    pages.append((entry.path, entry.file.hash))
                case .page:
                    changedPages.append(entry.path)
                case .folder:
                    hasFolders = true
                    // A file the build did not write (someone added it) makes the output
                    // differ from a build: adding it changed its folder's time.
                    if !entry.unchanged { changedFolders.append(entry.path) }
                }
            }
        }
    }

    /// One kind of the record's lines, gathered from every batch.
    private struct Merged {
        enum Kind { case inputs, pages, rest }
        var inputFiles: [String: HashedFile] = [:]
        var pages: [String: String] = [:]
        var parts: [String: [String: Range<Int>]] = [:]

        init(_ batches: [ReadLines], kind: Kind) {
            switch kind {
            case .inputs:
                inputFiles.reserveCapacity(batches.reduce(0) { $0 + $1.inputs.count })
                for batch in batches {
                    for (path, file) in batch.inputs { inputFiles[path] = file }
                }
            case .pages:
                pages.reserveCapacity(batches.reduce(0) { $0 + $1.pages.count })
                for batch in batches {
                    for (path, key) in batch.pages { pages[path] = key }
                }
            case .rest:
                for batch in batches {
                    for (path, key, range) in batch.parts { parts[path, default: [:]][key] = range }
                }
            }
        }
    }

    private struct Entry {
        enum Kind: String {
            case input, page, folder

            /// The kind a line's first field names, compared as bytes.
            init?(_ field: ArraySlice<UInt8>) {
                guard let kind = [Kind.input, .page, .folder].first(where: { field.elementsEqual($0.rawValue.utf8) }) else { return nil }
                self = kind
            }
        }
        var kind: Kind
        var path: String
        var file: HashedFile
        /// For a page or folder: whether its stamp is still the recorded one.
        var unchanged: Bool
    }

    /// One line after the header.
    private enum Line {
        case file(Entry)
        case part(path: String, key: String, range: Range<Int>)

        init?(_ line: ArraySlice<UInt8>, in root: Int32) {
            guard line.starts(with: "part ".utf8) else {
                guard let entry = BuildRecordFile.entry(line, in: root) else { return nil }
                self = .file(entry)
                return
            }
            // `part <key> <start> <end> <path>`
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5, !fields[4].isEmpty,
                  let start = BuildRecordFile.number(fields[2]).flatMap(Int.init(exactly:)),
                  let end = BuildRecordFile.number(fields[3]).flatMap(Int.init(exactly:)), start <= end else { return nil }
            self = .part(path: String(decoding: fields[4], as: UTF8.self), key: String(decoding: fields[1], as: UTF8.self),
                         range: start..<end)
        }
    }

    /// Writes `record` with the stamps of the files in `folder`; atomically, by renaming.
    /// - Parameters:
    ///   - previous: the record read for this build, when the record at `url` is its file;
    ///     the lines of the pages it kept, and of the folders it left alone, are copied from there.
    ///   - written: the files this build wrote.
    ///   - changedFolders: the folders the build added, removed or replaced an entry of ("."
    ///     for the output folder), when it changed the output in place: the others keep the
    ///     lines (and stamps) they had. Nil stamps every folder.
    static func write(_ record: BuildRecord, to url: URL, folder: URL, tool: String = BuildInputs.tool,
                      previous: BuildRecord? = nil, written: [String] = [], changedFolders: Set<String>? = nil) throws {
        var lines = previous.flatMap { $0.pagesRead ? PreviousRecordLines(path: url.path) : nil }
        defer { lines?.close() }
        // A folder someone changed since the last build is stamped anew, whatever this one did.
        let changed = changedFolders.map { $0.union(previous?.changedFolders ?? []) }
        try FolderOutput.replace(url.path) { append in
            try write(record, folder: folder, tool: tool, previousLines: &lines, written: Set(written),
                      changedFolders: changed, into: append)
        }
    }

    /// The tool as the record names it: one line, however the executable's path is spelled.
    private static func toolKey(_ tool: String) -> String { ContentHash.of(["tool", tool]) }

    /// The record's lines, a megabyte at a time: a large site's record is tens of megabytes.
    private static func write(_ record: BuildRecord, folder: URL, tool: String, previousLines: inout PreviousRecordLines?,
                              written: Set<String>, changedFolders: Set<String>?,
                              into append: (Data) throws -> Void) throws {
        let diagnostics = String(decoding: try JSONEncoder().encode(record.diagnostics), as: UTF8.self)
        var chunks = Chunks()
        try chunks.add("\(header)\ntool \(toolKey(tool))\ninputs \(record.inputs)\nerrors \(record.errorCount)\ndiagnostics \(diagnostics)\n", to: append)
        // The pages and the parts are sorted, and the input lines made, on other threads while
        // the page lines are written; the input lines come last. One after the other, the
        // three sorts took 10-12 ms of a one-edit rebuild of 10,000 errors on one core, and the
        // input lines 6-10 ms.
        let sortedPages = InBackground { record.pages.sorted(by: { $0.key < $1.key }) }
        let sortedParts = InBackground {
            record.parts.sorted(by: { $0.key < $1.key }).map { ($0.key, $0.value.sorted(by: { $0.value.lowerBound < $1.value.lowerBound })) }
        }
        let inputLines = InBackground {
            var lines: [UInt8] = []
            for (path, file) in record.inputFiles.sorted(by: { $0.key < $1.key }) {
                addLine(to: &lines, "input", path, file.hash, file.stamp)
            }
            return lines
        }
        func line(_ kind: String, _ key: String, _ path: String, _ fields: (inout [UInt8]) -> Void) throws {
            try chunks.add(to: append) { addLine(to: &$0, kind, key, path, fields) }
        }
        func add(_ kind: String, _ path: String, _ hash: String, _ stamp: FileStamp) throws {
            try chunks.add(to: append) { addLine(to: &$0, kind, path, hash, stamp) }
        }
        let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw FolderOutput.Refusal(description: "\(folder.path): cannot be opened (\(String(cString: strerror(errno))))") }
        defer { close(root) }
        let pages = try sortedPages.value()
        // A page the build did not write was kept: its line is in the previous record, under
        // the same key (which the line is checked for).
        let isKept = pages.map { previousLines != nil && !written.contains($0.key) }
        var folders: Set<String> = ["."]
        try stamps(count: pages.count, { isKept[$0] ? nil : FileStamp(path: pages[$0].key, in: root) }) { index, stamp in
            let (path, key) = pages[index]
            if isKept[index], let line = previousLines?.line(for: path, key: key) {
                try chunks.add(line, to: append)
            } else {
                guard let stamp = isKept[index] ? FileStamp(path: path, in: root) : stamp else { return }
                try add("page", path, key, stamp)
            }
            var parent = Substring(path)
            while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                parent = parent[..<slash]
                guard folders.insert(String(parent)).inserted else { break }
            }
        }
        let folderPaths = folders.sorted()
        folders = []
        // At 10,000 errors, stamping every folder again took 12 ms of a one-edit rebuild.
        let isLeftAlone = folderPaths.map { path in previousLines != nil && changedFolders.map { !$0.contains(path) } ?? false }
        try stamps(count: folderPaths.count, { isLeftAlone[$0] ? nil : FileStamp(folder: folderPaths[$0], in: root) }) { index, stamp in
            let path = folderPaths[index]
            if isLeftAlone[index], let line = previousLines?.line("folder", for: path, key: "-") {
                try chunks.add(line, to: append)
            } else if let stamp = isLeftAlone[index] ? FileStamp(folder: path, in: root) : stamp {
                try add("folder", path, "-", stamp)
            }
        }
        for (path, ranges) in try sortedParts.value() {
            for (key, range) in ranges {
                try line("part", key, path) { line in
                    line.appendDecimal(range.lowerBound)
                    line.append(UInt8(ascii: " "))
                    line.appendDecimal(range.upperBound)
                }
            }
        }
        try chunks.finish(to: append)
        let inputs = try inputLines.value()
        for start in stride(from: 0, to: inputs.count, by: 1 << 20) {
            try append(Data(inputs[start..<min(start + (1 << 20), inputs.count)]))
        }
    }

    /// `<kind> <key> <fields> <path>`, written in place, digits and all, instead of as an
    /// interpolated text per line. A path with a newline has no line.
    private static func addLine(to bytes: inout [UInt8], _ kind: String, _ key: String, _ path: String,
                                _ fields: (inout [UInt8]) -> Void) {
        // Bytes, not `contains("\n")`: that is Foundation's search, a few percent of a rebuild.
        guard !path.utf8.contains(UInt8(ascii: "\n")) else { return }
        let space = UInt8(ascii: " ")
        bytes.append(contentsOf: kind.utf8)
        bytes.append(space)
        bytes.append(contentsOf: key.utf8)
        bytes.append(space)
        fields(&bytes)
        bytes.append(space)
        bytes.append(contentsOf: path.utf8)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// `<kind> <hash or key> <size> <seconds>.<nanoseconds> <inode> <path>`.
    private static func addLine(to bytes: inout [UInt8], _ kind: String, _ path: String, _ hash: String, _ stamp: FileStamp) {
        addLine(to: &bytes, kind, hash, path) { line in
            line.appendDecimal(stamp.size)
            line.append(UInt8(ascii: " "))
            line.appendDecimal(stamp.seconds)
            line.append(UInt8(ascii: "."))
            line.appendDecimal(stamp.nanoseconds)
            line.append(UInt8(ascii: " "))
            line.appendDecimal(stamp.inode)
        }
    }

    /// The stamp of each of `count` files, `stamp` of its position, handed to `each` in order.
    /// A stat(2) for each of tens of thousands of files: on every core, in batches, a window
    /// of batches at a time so that the stamps are never all held.
    private static func stamps(count: Int, _ stamp: @Sendable (Int) -> FileStamp?,
                               each: (Int, FileStamp?) throws -> Void) throws {
        let batch = 1024
        for window in ConcurrentMap.batches(of: 8 * batch, in: 0..<count) {
            let batches = ConcurrentMap.batches(of: batch, in: window)
            let stamps = ConcurrentMap.map(batches) { positions in positions.map(stamp) }
            for (positions, found) in zip(batches, stamps) {
                for (position, stamp) in zip(positions, found) {
                    try each(position, stamp)
                }
            }
        }
    }

    /// `<kind> <hash or key> <size> <seconds>.<nanoseconds> <inode> <path>`, with a page's or
    /// folder's stamp compared to the one it has now in the open folder `root`.
    private static func entry(_ line: ArraySlice<UInt8>, in root: Int32) -> Entry? {
        // Fields found by hand, without an array of them: `split`, and even an array per line,
        // cost more than the stat(2) of a line.
        var start = line.startIndex
        func field() -> ArraySlice<UInt8>? {
            guard let space = line[start...].firstIndex(of: UInt8(ascii: " ")) else { return nil }
            defer { start = space + 1 }
            return line[start..<space]
        }
        guard let kindField = field(), let kind = Entry.Kind(kindField), let hash = field(), let sizeField = field(),
              let timeField = field(), let inodeField = field(), let dot = timeField.firstIndex(of: UInt8(ascii: "."))
        else { return nil }
        let pathField = line[start...]
        guard let size = number(sizeField).flatMap(Int.init(exactly:)),
              let seconds = number(timeField[..<dot]).flatMap(Int.init(exactly:)),
              let nanoseconds = number(timeField[(dot + 1)...]).flatMap(Int.init(exactly:)), let inode = number(inodeField)
        else { return nil }
        let stamp = FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode)
        let path = String(decoding: pathField, as: UTF8.self)
        let unchanged: Bool
        switch kind {
        case .input: unchanged = true
        case .page: unchanged = FileStamp(path: path, in: root) == stamp
        case .folder: unchanged = FileStamp(folder: path, in: root) == stamp
        }
        return Entry(kind: kind, path: path, file: HashedFile(hash: String(decoding: hash, as: UTF8.self), stamp: stamp),
                     unchanged: unchanged)
    }

    /// A decimal number read from its bytes; nil when it does not fit in 64 bits.
    private static func number(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            value = next
        }
        return value
    }

    private static func value(_ line: ArraySlice<UInt8>, _ prefix: String) -> String? {
        let text = String(decoding: line, as: UTF8.self)
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }
}
