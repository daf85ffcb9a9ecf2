import ErrorDocsModel
import Foundation

/// A ``BuildRecord`` on disk, beside the output folder (`.Site.errdocs-cache` for `Site/`), so
/// the published folder holds only the site. Each page carries the size, modification time and
/// inode its file had when written: a file changed or replaced since no longer matches, and
/// its page is rendered again.
///
/// Plain lines, one per page, since a large site has tens of thousands of them:
///
///     errdocs build record 1
///     inputs <key>
///     errors <count>
///     diagnostics <JSON on one line>
///     page <key> <size> <seconds>.<nanoseconds> <inode> <path>
struct BuildRecordFile {
    static let header = "errdocs build record 1"

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
        for line in lines.dropFirst(4) where !line.isEmpty {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, String(decoding: fields[0], as: UTF8.self) == "page" else { return nil }
            let time = fields[3].split(separator: UInt8(ascii: "."))
            guard time.count == 2, let size = Int(String(decoding: fields[2], as: UTF8.self)),
                  let seconds = Int(String(decoding: time[0], as: UTF8.self)),
                  let nanoseconds = Int(String(decoding: time[1], as: UTF8.self)),
                  let inode = UInt64(String(decoding: fields[4], as: UTF8.self))
            else { return nil }
            let path = String(decoding: fields[5], as: UTF8.self)
            let written = FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode)
            if FileStamp(path: folder.path + "/" + path) == written {
                record.pages[path] = String(decoding: fields[1], as: UTF8.self)
            } else {
                record.complete = false
            }
        }
        if record.complete {
            // A file the build did not write (someone added it) makes the folder differ from a build.
            // Every page is there as a regular file, so equal counts mean no other file.
            let files = FileTree.regularFiles(under: folder.path, hidden: true)
            record.complete = files?.count == record.pages.count + 1
        }
        return record
    }

    /// Writes `record` with the stamps of the files in `folder`; atomically, by renaming.
    static func write(_ record: BuildRecord, to url: URL, folder: URL) throws {
        let diagnostics = String(decoding: try JSONEncoder().encode(record.diagnostics), as: UTF8.self)
        var text = "\(header)\ninputs \(record.inputs)\nerrors \(record.errorCount)\ndiagnostics \(diagnostics)\n"
        for (path, key) in record.pages.sorted(by: { $0.key < $1.key }) {
            guard !path.contains("\n"), let stamp = FileStamp(path: folder.path + "/" + path) else { continue }
            text += "page \(key) \(stamp.size) \(stamp.seconds).\(stamp.nanoseconds) \(stamp.inode) \(path)\n"
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            url.lastPathComponent + ".tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try Data(text.utf8).write(to: temporary)
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw FolderOutput.Refusal(description: "\(url.path): cannot be written (\(String(cString: strerror(errno))))")
        }
    }

    private static func value(_ line: ArraySlice<UInt8>, _ prefix: String) -> String? {
        let text = String(decoding: line, as: UTF8.self)
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : nil
    }
}
