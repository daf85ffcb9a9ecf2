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
///     errdocs build record 2
///     inputs <key>
///     errors <count>
///     diagnostics <JSON on one line>
///     input <hash> <size> <seconds>.<nanoseconds> <inode> <catalog file path>
///     page <key> <size> <seconds>.<nanoseconds> <inode> <path>
///     folder - <size> <seconds>.<nanoseconds> <inode> <path, "." for the output folder>
struct BuildRecordFile {
    static let header = "errdocs build record 2"

    /// The record of `folder`'s last build, keeping only pages whose files are unchanged.
    static func read(_ url: URL, folder: URL) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let lines = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 4, String(decoding: lines[0], as: UTF8.self) == header,
              let inputs = value(lines[1], "inputs "), let errors = value(lines[2], "errors ").flatMap({ Int($0) }),
              let diagnosticsJSON = value(lines[3], "diagnostics "),
              let diagnostics = try? JSONDecoder().decode([Diagnostic].self, from: Data(diagnosticsJSON.utf8))
        else { return nil }
        var record = BuildRecord(inputs: inputs, pages: [:], diagnostics: diagnostics, errorCount: errors)
        var pages: [(path: String, file: HashedFile)] = [], folders: [(path: String, stamp: FileStamp)] = []
        for line in lines.dropFirst(4) where !line.isEmpty {
            guard let (kind, path, file) = entry(line) else { return nil }
            switch kind {
            case "input": record.inputFiles[path] = file
            case "page": pages.append((path, file))
            case "folder": folders.append((path, file.stamp))
            default: return nil
            }
        }
        // One stat(2) per file and folder, on every core: a large site has tens of thousands.
        let root = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard root >= 0 else { return nil }
        defer { close(root) }
        let unchanged = ConcurrentMap.map(pages) { FileStamp(path: $0.path, in: root) == $0.file.stamp }
        for (page, unchanged) in zip(pages, unchanged) {
            if unchanged {
                record.pages[page.path] = page.file.hash
            } else {
                record.complete = false
            }
        }
        // A file the build did not write (someone added it) makes the output differ from a build:
        // adding it changed its folder's time.
        if record.complete {
            let folderStamps = ConcurrentMap.map(folders) { FileStamp(folder: $0.path, in: root) == $0.stamp }
            record.complete = !folders.isEmpty && !folderStamps.contains(false)
        }
        return record
    }

    /// Writes `record` with the stamps of the files in `folder`; atomically, by renaming.
    static func write(_ record: BuildRecord, to url: URL, folder: URL) throws {
        let diagnostics = String(decoding: try JSONEncoder().encode(record.diagnostics), as: UTF8.self)
        var text = "\(header)\ninputs \(record.inputs)\nerrors \(record.errorCount)\ndiagnostics \(diagnostics)\n"
        func add(_ kind: String, _ path: String, _ hash: String, _ stamp: FileStamp) {
            guard !path.contains("\n") else { return }
            text += "\(kind) \(hash) \(stamp.size) \(stamp.seconds).\(stamp.nanoseconds) \(stamp.inode) \(path)\n"
        }
        for (path, file) in record.inputFiles.sorted(by: { $0.key < $1.key }) {
            add("input", path, file.hash, file.stamp)
        }
        let root = folder.path
        var folders: Set<String> = ["."]
        for (path, key) in record.pages.sorted(by: { $0.key < $1.key }) {
            guard let stamp = FileStamp(path: root + "/" + path) else { continue }
            add("page", path, key, stamp)
            var parent = Substring(path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                guard folders.insert(String(parent)).inserted else { break }
            }
        }
        for path in folders.sorted() {
            guard let stamp = FileStamp(folder: root + "/" + path) else { continue }
            add("folder", path, "-", stamp)
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw FolderOutput.Refusal(description: "\(url.path): cannot be written (\(String(cString: strerror(errno))))")
        }
    }

    /// `<kind> <hash or key> <size> <seconds>.<nanoseconds> <inode> <path>`
    private static func entry(_ line: ArraySlice<UInt8>) -> (kind: String, path: String, file: HashedFile)? {
        let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6 else { return nil }
        let time = fields[3].split(separator: UInt8(ascii: "."))
        guard time.count == 2, let size = number(fields[2]).flatMap(Int.init(exactly:)),
              let seconds = number(time[0]).flatMap(Int.init(exactly:)),
              let nanoseconds = number(time[1]).flatMap(Int.init(exactly:)), let inode = number(fields[4])
        else { return nil }
        let stamp = FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode)
        return (String(decoding: fields[0], as: UTF8.self), String(decoding: fields[5], as: UTF8.self),
                HashedFile(hash: String(decoding: fields[1], as: UTF8.self), stamp: stamp))
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
