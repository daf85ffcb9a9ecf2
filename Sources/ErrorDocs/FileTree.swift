import Foundation

/// Regular files below a folder, by path relative to it, sorted by path. Read with `readdir`,
/// which on large trees is many times faster than Foundation's URL enumerator. Symbolic links
/// to files are listed; links to folders are not followed (so a loop cannot hang the walk).
public enum FileTree {
    /// Whether `path` is `folder` or lies below it, both taken as absolute paths with "..",
    /// "." and symbolic links resolved: how each command keeps its output out of the catalog.
    public static func path(_ path: String, isWithin folder: String) -> Bool {
        let resolved = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        let (inner, outer) = (resolved(path), resolved(folder))
        return inner == outer || inner.hasPrefix(outer == "/" ? "/" : outer + "/")
    }

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Makes `folder` and any missing folder above it. When a file stands where one of them must
    /// be, says which (Foundation's own error is "NSCocoaErrorDomain Code=512" and a URL).
    /// ``makeFolder(_:)``, returning the folders it made, outermost first.
    static func makeMissingFolders(_ folder: String) throws -> [String] {
        var missing: [String] = []
        var path = folder
        while !path.isEmpty, path != "/", path != ".", !FileManager.default.fileExists(atPath: path) {
            missing.insert(path, at: 0)
            path = (path as NSString).deletingLastPathComponent
        }
        if !missing.isEmpty { try makeFolder(folder) }
        return missing
    }

    public static func makeFolder(_ folder: String) throws {
        var isFolder: ObjCBool = false
        var prefix = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            prefix += "/" + part
            guard FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) else { break }
            if !isFolder.boolValue {
                let shown = prefix.hasPrefix("./") ? String(prefix.dropFirst(2)) : prefix
                throw Problem(description: shown == folder
                    ? "\(folder) is a file, not a folder" : "cannot create \(folder): \(shown) is a file, not a folder")
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Problem(description: "cannot create \(folder): \((error as NSError).localizedFailureReason ?? error.localizedDescription)")
        }
    }

    /// Nil when `root` is not a folder that can be read. Names starting with "." are skipped
    /// unless `hidden` is true. Symbolic links that lead nowhere are handed to `brokenLinks`.
    public static func regularFiles(under root: String, hidden: Bool = false, brokenLinks: ((String) -> Void)? = nil) -> [String]? {
        guard let top = opendir(root) else { return nil }
        closedir(top)
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let folder = opendir(relative.isEmpty ? root : root + "/" + relative) else { continue }
            defer { closedir(folder) }
            while let entry = readdir(folder) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name != ".", name != "..", hidden || !name.hasPrefix(".") else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                switch Int(entry.pointee.d_type) {
                case Int(DT_REG): found.append(child)
                case Int(DT_DIR): pending.append(child)
                case Int(DT_LNK), Int(DT_UNKNOWN):
                    var info = stat()
                    let full = root + "/" + child
                    guard stat(full, &info) == 0 else {
                        if errno == ENOENT || errno == ELOOP { brokenLinks?(child) }
                        continue
                    }
                    if (info.st_mode & S_IFMT) == S_IFREG {
                        found.append(child)
                    } else if (info.st_mode & S_IFMT) == S_IFDIR, Int(entry.pointee.d_type) == Int(DT_UNKNOWN) {
                        pending.append(child)
                    }
                default: continue
                }
            }
        }
        return found.sorted()
    }
}
