import CFileSystem
import Foundation

/// Writes the site into a folder, all or nothing.
///
/// The new site is written into a hidden staging folder beside the output, then swapped into
/// place; a build that fails before the swap leaves the previous site exactly as it was. (A
/// build that changes only a few files renames them into place instead: ``InPlaceUpdate``.) A
/// marker file records that errdocs created the folder, and errdocs refuses to replace a
/// folder without it, so a mistyped `--output` cannot delete someone's files.
public struct FolderOutput: SiteOutput {
    public static let markerName = ".errdocs-site"
    static let markerText = "This folder is written by errdocs build and replaced whole on each build.\n"

    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    public let folder: URL
    /// The most files and folders a build changes in place (``InPlaceUpdate``); a build that
    /// changes more writes a new version beside the output and swaps it in at once.
    public var inPlaceLimit = 64

    /// - Parameter protecting: folders the output must neither be, contain nor be inside (the
    ///   catalog, the templates).
    public init(path: String, protecting: [String] = []) throws {
        let folder = URL(fileURLWithPath: path).standardizedFileURL
        let home = FileManager.default.homeDirectoryForCurrentUser.standardizedFileURL.path
        if folder.path == "/" || folder.path == home || folder.pathComponents.count < 2 {
            throw Refusal(description: "refusing to write the site to \(folder.path): choose a folder of its own, such as ./Site")
        }
        for protected in protecting.map({ URL(fileURLWithPath: $0).standardizedFileURL.path }) {
            if FileTree.path(protected, isWithin: folder.path) {
                throw Refusal(description: "refusing to write the site to \(path): it would replace \(protected)")
            }
            // A site inside the catalog would be read as part of it, and replacing the folder
            // would delete whatever an author saved there.
            if FileTree.path(folder.path, isWithin: protected) {
                throw Refusal(description: "refusing to write the site to \(path): it is inside \(protected); choose a folder beside it, such as ./Site")
            }
        }
        self.folder = folder
    }

    /// Where the record of the last build is kept: beside the folder, not in it.
    var recordURL: URL {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).errdocs-cache")
    }

    /// Error files as the last build loaded them, beside the folder (``LoadCache``).
    public var loadCachePath: String? {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).errdocs-loaded").path
    }

    /// The site before the last build, kept beside the folder: its unchanged files are hard
    /// links to the current ones, so the next build brings it up to date instead of linking
    /// every page into an empty folder and deleting the old site after the swap.
    var spareURL: URL {
        folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).errdocs-spare")
    }

    public func previousBuild() -> BuildRecord? {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.markerName).path) else { return nil }
        return BuildRecordFile.read(recordURL, folder: folder)
    }

    public func previousContents(of path: String) -> Data? {
        guard (try? Self.check(path)) != nil else { return nil }
        return FileManager.default.contents(atPath: folder.path + "/" + path)
    }

    public func previousSize(of path: String) -> Int? {
        guard (try? Self.check(path)) != nil else { return nil }
        return FileStamp(path: folder.path + "/" + path)?.size
    }

    /// The staging folder beside the output; refuses a folder errdocs did not create.
    public mutating func begin() throws -> SiteStage {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: folder.path, isDirectory: &isFolder)
        if exists {
            guard isFolder.boolValue else { throw Refusal(description: "\(folder.path) exists and is not a folder") }
            // Listed only without the marker: a large site's folder has thousands of entries.
            if FileStamp(path: folder.path + "/" + Self.markerName) == nil,
               !(try manager.contentsOfDirectory(atPath: folder.path)).isEmpty {
                throw Refusal(description: "\(folder.path) was not created by errdocs (it has no \(Self.markerName) file); refusing to replace it")
            }
        }
        try FileTree.makeFolder(parent.path)
        Self.removeLeftovers(of: name, in: parent)
        let staging = parent.appendingPathComponent(".\(name).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        // Taken by renaming, so two builds at once never share it.
        if rename(spareURL.path, staging.path) == 0 {
            if Stage.isFolder(staging.path) { return Stage(root: staging, current: exists ? folder : nil, reused: true) }
            try? manager.removeItem(at: staging)
        }
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        return Stage(root: staging, current: exists ? folder : nil, reused: false)
    }

    /// When only a few files change, they are replaced in place (``InPlaceUpdate``). Otherwise
    /// files at `kept` are hard links to the current files, not copies: unchanged files keep
    /// their inode and time; then one atomic exchange puts the stage in place.
    public mutating func commit(_ stage: SiteStage, written: [String], keeping kept: [String], record: BuildRecord,
                                previous: BuildRecord?) throws {
        guard let stage = stage as? Stage else { preconditionFailure("a stage of another output") }
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        let name = folder.lastPathComponent
        let staging = stage.root
        let exists = stage.current != nil
        if exists, let previous, FileStamp(path: folder.path + "/" + Self.markerName) != nil,
           let update = InPlaceUpdate(folder: folder.path, stage: staging.path, written: written, site: record.pages,
                                      previous: previous, limit: inPlaceLimit) {
            do {
                try update.apply()
            } catch {
                stage.discard()
                throw error
            }
            keepAsSpare(staging)
            try BuildRecordFile.write(record, to: recordURL, folder: folder, previous: previous, written: written,
                                      changedFolders: update.changedFolders)
            return
        }
        do {
            for path in kept {
                try stage.keep(path, from: folder)
            }
            try stage.write(SiteFile(path: Self.markerName, contents: Data(Self.markerText.utf8)))
            if stage.reused {
                try stage.removeAllBut(Set(record.pages.keys).union([Self.markerName]))
            }
            if exists, errdocs_exchange_paths(staging.path, folder.path) == 0 {
                // One atomic step: the new site is in place and the old one is in staging,
                // kept for the next build.
                keepAsSpare(staging)
            } else if exists {
                // No atomic exchange on this system: two renames, with a short window.
                let old = parent.appendingPathComponent(".\(name).old-\(ProcessInfo.processInfo.processIdentifier)")
                try? manager.removeItem(at: old)
                try manager.moveItem(at: folder, to: old)
                do {
                    try manager.moveItem(at: staging, to: folder)
                } catch {
                    try? manager.moveItem(at: old, to: folder)
                    throw error
                }
                keepAsSpare(old)
            } else {
                try manager.moveItem(at: staging, to: folder)
            }
        } catch {
            stage.discard()
            throw error
        }
        // After the swap: a build killed before this line leaves the old record, which is
        // still safe, since the pages that changed no longer match its stamps.
        try BuildRecordFile.write(record, to: recordURL, folder: folder, previous: previous, written: written)
    }

    private func keepAsSpare(_ old: URL) {
        if rename(old.path, spareURL.path) != 0 {
            // Another build left one meanwhile: one is enough.
            try? FileManager.default.removeItem(at: old)
        }
    }

    /// A staging folder. A file whose bytes equal the current output's file becomes a hard link
    /// to it rather than a new copy.
    ///
    /// A reused stage is the spare (an older site, or whatever a killed build left of it): it is
    /// made equal to the new site file by file, so whatever it held cannot show. A file is never
    /// written in place, since it may be a link to a file of the current output.
    final class Stage: SiteStage, @unchecked Sendable {
        let root: URL
        let current: URL?
        let reused: Bool
        private let folders = Locked<Set<String>>([])

        init(root: URL, current: URL?, reused: Bool = false) {
            self.root = root
            self.current = current
            self.reused = reused
        }

        /// The file's path in the stage, its folder created.
        func prepare(_ path: String) throws -> String {
            try FolderOutput.check(path)
            if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { try makeFolders(path[..<slash]) }
            return root.path + "/" + path
        }

        /// `mkdir -p` of `relative` in the stage with plain system calls, each folder once
        /// (Foundation's `createDirectory` looks at every component first, which dominates
        /// keeping thousands of pages in their own folders). In a reused stage, whatever else is
        /// at a folder's path goes first: a file, or a link that would lead out of the stage.
        private func makeFolders(_ relative: Substring) throws {
            try folders.withLock { made in
                guard !made.contains(root.path + "/" + relative) else { return }
                var ends = relative.indices.filter { relative[$0] == "/" }
                ends.append(relative.endIndex)
                for end in ends {
                    let path = root.path + "/" + relative[..<end]
                    guard !made.contains(path) else { continue }
                    if reused, !Self.isFolder(path) { try? FileManager.default.removeItem(atPath: path) }
                    guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
                        throw Refusal(description: "\(path): cannot create the folder (\(String(cString: strerror(errno))))")
                    }
                    made.insert(path)
                }
            }
        }

        /// A folder itself, not a link to one.
        static func isFolder(_ path: String) -> Bool {
            var info = stat()
            return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        }

        func write(_ file: SiteFile) throws {
            try file.contents.withUnsafeBytes { try write(file.path, bytes: $0) }
        }

        /// The page's UTF-8 bytes are written where the text holds them: at 100,000 errors the
        /// index page alone is 38 MB, and a copy of it as `Data` (and the old file read whole to
        /// compare) was that much more at a full build's peak.
        func write(_ path: String, text: String) throws {
            var text = text
            try text.withUTF8 { try write(path, bytes: UnsafeRawBufferPointer($0)) }
        }

        private func write(_ path: String, bytes: UnsafeRawBufferPointer) throws {
            let target = try prepare(path)
            // Never write through a link to the current output's file.
            try remove(target)
            if let current {
                let old = current.path + "/" + path
                if FileStamp(path: old)?.size == bytes.count, FolderOutput.holds(old, bytes), link(old, target) == 0 {
                    return
                }
            }
            try FolderOutput.write(target, bytes: bytes)
        }

        /// A large file made of pieces is a new file, even where the spare has its own copy:
        /// written over, that copy (the site's file one build ago) would change under whoever
        /// still reads it, such as a server sending it. (Writing over it saved 20 ms of a
        /// one-edit rebuild of 10,000 errors: unlinking a 35 MB file takes 10-16 ms.)
        func write(_ path: String, pieces: (_ append: (FilePiece) throws -> Void) throws -> Void) throws {
            let target = try prepare(path)
            try remove(target)
            let old = current.map { $0.path + "/" + path }
            let unchanged = try FolderOutput.write(target, pieces: pieces, copyingFrom: old)
            if let old, unchanged {
                unlink(target)
                if link(old, target) != 0 { throw Refusal(description: "\(target): cannot be linked to \(old)") }
            }
        }

        /// Removes whatever is at `target` (in a reused stage it may even be a folder). A new
        /// stage holds only what this build wrote, once per path, so there is nothing to remove:
        /// an unlink there still locks the folder, and two threads writing pages into one folder
        /// spent 6% of a full build waiting on each other's.
        private func remove(_ target: String) throws {
            guard reused else { return }
            guard unlink(target) != 0, errno != ENOENT else { return }
            try FileManager.default.removeItem(atPath: target)
        }

        /// A hard link to the current output's file at `path` (a copy where links fail).
        func keep(_ path: String, from folder: URL) throws {
            let target = try prepare(path)
            let current = folder.path + "/" + path
            if reused {
                if Self.isSameFile(target, current) { return }
                try remove(target)
            }
            if link(current, target) != 0 {
                guard let data = FileManager.default.contents(atPath: current) else {
                    throw Refusal(description: "\(current): cannot be read to keep it")
                }
                try FolderOutput.write(target, contents: data)
            }
        }

        static func isSameFile(_ first: String, _ second: String) -> Bool {
            var one = stat(), other = stat()
            guard lstat(first, &one) == 0, lstat(second, &other) == 0 else { return false }
            return one.st_mode & S_IFMT == S_IFREG && one.st_dev == other.st_dev && one.st_ino == other.st_ino
        }

        /// Removes every file and folder of the stage that is not one of `paths` or a folder of
        /// one: what the spare held and the new site does not.
        func removeAllBut(_ paths: Set<String>) throws {
            var folders: Set<Substring> = [""]
            for path in paths {
                var parent = Substring(path)
                while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                    parent = parent[..<slash]
                    guard folders.insert(parent).inserted else { break }
                }
            }
            try removeAllBut(paths, folders: folders, in: "")
        }

        /// Walks with `readdir`, whose entries carry their type: a `stat` of each of tens of
        /// thousands of files would cost more than the walk.
        private func removeAllBut(_ paths: Set<String>, folders: Set<Substring>, in relative: String) throws {
            let folder = relative.isEmpty ? root.path : root.path + "/" + relative
            guard let listing = opendir(folder) else {
                throw Refusal(description: "\(folder): cannot be listed (\(String(cString: strerror(errno))))")
            }
            var entries: [(path: String, isFolder: Bool)] = []
            while let entry = readdir(listing) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                guard name != ".", name != ".." else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                let type = entry.pointee.d_type
                entries.append((path, type == DT_DIR || (type == DT_UNKNOWN && Self.isFolder(root.path + "/" + path))))
            }
            closedir(listing)
            for entry in entries {
                if entry.isFolder && folders.contains(Substring(entry.path)) {
                    try removeAllBut(paths, folders: folders, in: entry.path)
                } else if entry.isFolder || !paths.contains(entry.path) {
                    try FileManager.default.removeItem(atPath: root.path + "/" + entry.path)
                }
            }
        }

        func contents(of path: String) -> Data? {
            guard (try? FolderOutput.check(path)) != nil else { return nil }
            return FileManager.default.contents(atPath: root.path + "/" + path)
        }

        func discard() {
            try? FileManager.default.removeItem(at: root)
        }
    }

    /// Creates the file at `path` and writes it piece by piece; copied pieces come from the file
    /// at `source`.
    /// - Returns: whether the bytes written are `source`'s, found as they are written: a copy
    ///   from where it lands is the same, new bytes are compared with `source`'s there.
    @discardableResult
    static func write(_ path: String, pieces: (_ append: (FilePiece) throws -> Void) throws -> Void,
                      copyingFrom source: String?) throws -> Bool {
        let from = source.map { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) } ?? -1
        defer { if from >= 0 { close(from) } }
        return try write(path, pieces: pieces, copyingFrom: from, named: source)
    }

    /// ``write(_:pieces:copyingFrom:)`` from the open file `from` (-1 for none).
    static func write(_ path: String, pieces: (_ append: (FilePiece) throws -> Void) throws -> Void,
                      copyingFrom from: Int32, named source: String?) throws -> Bool {
        let file = try create(path)
        var offset = 0
        var same = from >= 0
        do {
            try pieces { piece in
                switch piece {
                case .bytes(let data):
                    guard data.withUnsafeBytes({ writeAll(file, $0) }) else { throw writeError(path) }
                    same = same && data.withUnsafeBytes { bytesEqual(from, at: offset, $0) }
                    offset += data.count
                case .copy(let range):
                    guard from >= 0, copyAll(from, range, to: file) else { throw KeptFileMissing(path: source ?? path) }
                    same = same && range.lowerBound == offset
                    offset += range.count
                }
            }
        } catch {
            close(file)
            throw error
        }
        guard close(file) == 0 else { throw writeError(path) }
        var info = stat()
        return same && fstat(from, &info) == 0 && Int(info.st_size) == offset
    }

    /// Writes the file at `path` beside it (`<path>.tmp-<pid>`) and renames it into place, so
    /// that it is never seen half written; the file beside it goes when anything fails.
    static func replace(_ path: String, parts: (_ append: (Data) throws -> Void) throws -> Void) throws {
        try replace(path, pieces: { append in
            try withoutActuallyEscaping(append) { append in try parts { try append(.bytes($0)) } }
        }, copyingFrom: -1)
    }

    /// ``replace(_:parts:)`` with pieces; copied pieces are taken from the open file `from`
    /// (-1 for none), such as the one being replaced.
    static func replace(_ path: String, pieces: (_ append: (FilePiece) throws -> Void) throws -> Void,
                        copyingFrom from: Int32) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        unlink(temporary)
        do {
            _ = try write(temporary, pieces: pieces, copyingFrom: from, named: path)
            guard rename(temporary, path) == 0 else { throw writeError(path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    static func write(_ path: String, contents: Data) throws {
        try contents.withUnsafeBytes { try write(path, bytes: $0) }
    }

    static func write(_ path: String, bytes: UnsafeRawBufferPointer) throws {
        let file = try create(path)
        guard writeAll(file, bytes) else {
            close(file)
            throw writeError(path)
        }
        guard close(file) == 0 else { throw writeError(path) }
    }

    /// Whether the file at `path` starts with `bytes`, read a megabyte at a time.
    static func holds(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let file = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { close(file) }
        return bytesEqual(file, at: 0, bytes)
    }

    /// Creates the file at `path`, open for writing; a link or file already there is refused.
    ///
    /// Plain `open` and `write`: Foundation's `Data.write(to:)` and `FileManager.createFile`
    /// call `fsync` for every file, which cost a 10,000-error build about a fifth of its time.
    /// A build needs no durability across a power cut, only that a failed build leaves the old
    /// site, which the swap at the end gives.
    private static func create(_ path: String) throws -> Int32 {
        let file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard file >= 0 else { throw writeError(path) }
        return file
    }

    private static func writeError(_ path: String) -> Refusal {
        Refusal(description: "\(path): cannot be written (\(String(cString: strerror(errno))))")
    }

    /// Staging and old folders and half-written build records of builds that were killed (their
    /// process is gone): a killed build cannot clean up, so the next one does.
    static func removeLeftovers(of name: String, in parent: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries {
            for prefix in [".\(name).staging-", ".\(name).old-", ".\(name).errdocs-cache.tmp-", ".\(name).errdocs-loaded.tmp-",
                           ".\(name).errdocs-loaded.recent.tmp-"]
            where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), pid != ProcessInfo.processInfo.processIdentifier,
                      kill(pid, 0) != 0, errno == ESRCH else { continue }
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
            }
        }
    }

    /// The file's URL inside `root`; paths that are absolute, empty or climb out are refused.
    static func destination(of path: String, in root: URL) throws -> URL {
        try check(path)
        return URL(fileURLWithPath: root.path + "/" + path, isDirectory: false)
    }

    /// Refuses paths that are absolute, empty or climb out of the folder.
    static func check(_ path: String) throws {
        // Byte by byte: every file of a large site is checked on each build.
        let utf8 = path.utf8
        var valid = !utf8.isEmpty
        for part in utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) where valid {
            valid = !part.isEmpty && !part.elementsEqual(".".utf8) && !part.elementsEqual("..".utf8)
                && !part.contains(0) && !part.contains(UInt8(ascii: "\\"))
        }
        guard valid else {
            throw Refusal(description: "refusing to write '\(path)': output paths must stay inside the output folder")
        }
    }
}

/// Copies the bytes at `range` of the open file `from` to the end of `to`: inside the kernel
/// where it can (the unchanged parts of a large file are most of it, and reading them into
/// memory to write them again took a rebuild several times as long), read and written where
/// it cannot. False when `from` ends before the range does.
private func copyAll(_ from: Int32, _ range: Range<Int>, to file: Int32) -> Bool {
    var offset = range.lowerBound
    var inKernel = true
    var buffer: [UInt8] = []
    while offset < range.upperBound {
        let count = range.upperBound - offset
        if inKernel {
            let copied = errdocs_copy_range(from, Int64(offset), file, count)
            if copied > 0 {
                offset += Int(copied)
                continue
            }
            if copied == 0 { return false }
            if errno == EINTR { continue }
            guard [ENOSYS, EXDEV, EINVAL, EOPNOTSUPP].contains(errno) else { return false }
            inKernel = false
        }
        if buffer.isEmpty { buffer = [UInt8](repeating: 0, count: 1 << 20) }
        let read = buffer.withUnsafeMutableBytes { pread(from, $0.baseAddress, min(count, $0.count), off_t(offset)) }
        if read < 0 && errno == EINTR { continue }
        guard read > 0, buffer.withUnsafeBytes({ writeAll(file, UnsafeRawBufferPointer(rebasing: $0[..<read])) }) else {
            return false
        }
        offset += read
    }
    return true
}

/// Whether the open file holds `bytes` at `offset`.
private func bytesEqual(_ file: Int32, at offset: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var buffer = [UInt8](repeating: 0, count: min(bytes.count, 1 << 20))
    var checked = 0
    while checked < bytes.count {
        let count = min(buffer.count, bytes.count - checked)
        let read = buffer.withUnsafeMutableBytes { pread(file, $0.baseAddress, count, off_t(offset + checked)) }
        if read < 0 && errno == EINTR { continue }
        guard read > 0, memcmp(buffer, bytes.baseAddress! + checked, read) == 0 else { return false }
        checked += read
    }
    return true
}

/// Writes all of `bytes` to the open file, retrying short and interrupted writes.
private func writeAll(_ file: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let written = write(file, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += written
    }
    return true
}
