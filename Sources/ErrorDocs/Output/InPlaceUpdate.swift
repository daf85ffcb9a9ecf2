import CFileSystem
import Foundation

/// Brings the output folder up to date in place when a build changes only a few of its files.
///
/// Swapping in a whole new folder (``FolderOutput``) costs
/// a few system calls for every page, kept or not: most of a one-edit rebuild of a large site.
/// Here each changed file is exchanged with the old one, which goes to the stage (renamed over
/// it where the system cannot exchange: one atomic step per file either way), and whatever
/// the site no longer has is moved out into the stage; if any step fails, every step done is
/// undone in reverse, so the old site is back as it was. Only a few files and folders change
/// this way (``FolderOutput/inPlaceLimit``), so a build killed midway leaves no more than that
/// many files newer than the rest; the record it leaves no longer matches them, and the next
/// build renders them again.
struct InPlaceUpdate {
    /// The output folder and the stage the build wrote its files to.
    let folder: String
    let stage: String
    /// Paths inside the output, relative to it: whatever goes (moved out whole, a folder with
    /// everything in it), the folders to create, parents first, and the files to replace.
    private(set) var removals: [String] = []
    private(set) var newFolders: [String] = []
    private(set) var replacements: [(path: String, hasOld: Bool)] = []
    /// False renames each changed file over the old one, as on a system that cannot exchange
    /// two paths: for tests of that way on systems that can.
    var exchanges = true

    /// Plans the update, changing nothing; nil when it would change more than `limit` paths
    /// or when the output is not as the previous build left it in a way the plan cannot mend
    /// (a folder where a file should be, or a link where a folder should be).
    ///
    /// - Parameters:
    ///   - written: the files the build wrote to the stage.
    ///   - site: every page of the new site (its key by path); the marker file is one too.
    ///   - previous: the record of the build that wrote the output.
    init?(folder: String, stage: String, written: [String], site: [String: String], previous: BuildRecord, limit: Int) {
        guard limit > 0, previous.pagesRead else { return nil }
        self.folder = folder
        self.stage = stage
        // A set of its own would cost a large site tens of megabytes.
        let paths = Paths(site: site)
        // The new site's folders, gathered only when a file goes or a folder changed by hand:
        // a one-edit rebuild of 10,000 errors needs none of the 10,000 (5 ms).
        var gathered: Set<Substring>?
        func folders() -> Set<Substring> {
            if let gathered { return gathered }
            var folders: Set<Substring> = []
            for path in site.keys {
                var parent = Substring(path)
                while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                    parent = parent[..<slash]
                    guard folders.insert(parent).inserted else { break }
                }
            }
            gathered = folders
            return folders
        }
        var goes: Set<String> = []
        // A file of the old site that the new one lacks goes, or the outermost of its folders
        // that the new site lacks.
        var lacked = previous.pages.keys.filter { !paths.contains($0) }
        lacked += previous.changedPages.filter { !paths.contains($0) }
        for path in lacked {
            let folders = folders()
            var outermost = Substring(path)
            var parent = outermost
            while let slash = parent.utf8.lastIndex(of: UInt8(ascii: "/")) {
                parent = parent[..<slash]
                if !folders.contains(parent) { outermost = parent }
            }
            goes.insert(String(outermost))
        }
        // A folder whose stamp changed may hold files added by hand: they go too.
        for changed in previous.changedFolders where changed == "." || folders().contains(Substring(changed)) {
            guard let names = Self.entries(of: changed == "." ? folder : folder + "/" + changed) else { return nil }
            for name in names {
                let path = changed == "." ? name : changed + "/" + name
                if !paths.contains(path) && !folders().contains(Substring(path)) { goes.insert(path) }
            }
        }
        removals = goes.filter { Self.type(of: folder + "/" + $0) != nil }.sorted()
        guard removals.count <= limit else { return nil }
        var planned: Set<String> = []
        for path in written.sorted() {
            guard Self.type(of: stage + "/" + path) == S_IFREG else { return nil }
            let target = folder + "/" + path
            if FolderOutput.Stage.isSameFile(stage + "/" + path, target) { continue }
            var prefix = Substring(path)
            var ancestors: [Substring] = []
            while let slash = prefix.utf8.lastIndex(of: UInt8(ascii: "/")) {
                prefix = prefix[..<slash]
                ancestors.append(prefix)
            }
            for ancestor in ancestors.reversed() where !planned.contains(String(ancestor)) {
                let type = Self.type(of: folder + "/" + ancestor)
                if type == S_IFDIR { continue }
                // Nothing there, or what is there goes first.
                guard type == nil || removals.contains(String(ancestor)) else { return nil }
                planned.insert(String(ancestor))
                newFolders.append(String(ancestor))
            }
            let type = Self.type(of: target)
            guard type == nil || type == S_IFREG || removals.contains(path) else { return nil }
            replacements.append((path, type == S_IFREG && !removals.contains(path)))
        }
        guard removals.count + newFolders.count + replacements.count <= limit else { return nil }
    }

    /// The folders the update creates, and those it adds, removes or replaces an entry of ("."
    /// for the output folder): the only ones whose stamps it changes.
    var changedFolders: Set<String> {
        var folders = Set(newFolders)
        for path in removals + newFolders + replacements.map(\.path) {
            folders.insert(path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ".")
        }
        return folders
    }

    /// The paths of the new site's files.
    private struct Paths {
        let site: [String: String]
        func contains(_ path: String) -> Bool { site[path] != nil || path == FolderOutput.markerName }
    }

    private enum Step {
        case created(String)
        case moved(from: String, to: String)
        case replaced(String, stage: String, backup: String?)
        /// The new file and the old one swapped places: the old one is in the stage.
        case exchanged(String, stage: String)
    }

    /// Makes the changes, or undoes those made and throws.
    func apply() throws {
        let trash = stage + "/.errdocs-replaced"
        try? FileManager.default.removeItem(atPath: trash)
        try check(mkdir(trash, 0o700), trash, "cannot be created")
        var done: [Step] = []
        do {
            for (number, path) in removals.enumerated() {
                let from = folder + "/" + path, to = trash + "/gone-\(number)"
                try check(rename(from, to), from, "cannot be moved out")
                done.append(.moved(from: from, to: to))
            }
            for path in newFolders {
                let created = folder + "/" + path
                try check(mkdir(created, 0o755), created, "cannot be created")
                done.append(.created(created))
            }
            for (number, replacement) in replacements.enumerated() {
                let target = folder + "/" + replacement.path, source = stage + "/" + replacement.path
                // One atomic exchange where the system has it: the old file is left in the stage
                // (which becomes the spare). A rename over a file makes ext4 allocate the new
                // file's blocks at once (auto_da_alloc): 20-26 ms for a 35 MB registry.json.
                if replacement.hasOld, exchanges, errdocs_exchange_paths(source, target) == 0 {
                    done.append(.exchanged(target, stage: source))
                    continue
                }
                let backup = replacement.hasOld ? trash + "/old-\(number)" : nil
                if let backup { try check(link(target, backup), target, "cannot be kept until the build ends") }
                do {
                    try check(rename(source, target), target, "cannot be replaced")
                } catch {
                    if let backup { unlink(backup) }
                    throw error
                }
                done.append(.replaced(target, stage: source, backup: backup))
            }
        } catch {
            undo(done)
            throw error
        }
        try? FileManager.default.removeItem(atPath: trash)
    }

    /// Takes back `steps`, last first. Each undoes a rename or mkdir of this build, in folders
    /// this build just used, so none is expected to fail; one that does cannot be helped here.
    private func undo(_ steps: [Step]) {
        for step in steps.reversed() {
            switch step {
            case .created(let path):
                rmdir(path)
            case .moved(let from, let to):
                rename(to, from)
            case .replaced(let target, let source, let backup):
                rename(target, source)
                if let backup { rename(backup, target) }
            case .exchanged(let target, let source):
                errdocs_exchange_paths(source, target)
            }
        }
    }

    private func check(_ result: Int32, _ path: String, _ problem: String) throws {
        guard result == 0 else {
            throw FolderOutput.Refusal(description: "\(path): \(problem) (\(String(cString: strerror(errno))))")
        }
    }

    /// The type of what is at `path` (`S_IFREG`, `S_IFDIR`, `S_IFLNK`, ...), not following a
    /// link; nil when nothing is.
    private static func type(of path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    /// The names in a folder (not following a link to one); nil when it cannot be listed.
    private static func entries(of folder: String) -> [String]? {
        guard type(of: folder) == S_IFDIR else { return [] }
        return try? FileManager.default.contentsOfDirectory(atPath: folder)
    }
}
