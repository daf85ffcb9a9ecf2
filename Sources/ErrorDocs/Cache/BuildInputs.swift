import ErrorDocsModel
import Foundation

/// Content hashes of everything a build reads: the tool itself, the catalog folder as named
/// (reported paths start with it), the theme, and every catalog file.
struct BuildInputs: Sendable {
    /// Changes when any input changes.
    let key: String
    let tool: String
    let directory: String
    let theme: String
    /// By path as the loader names it (the catalog folder, then the path inside it).
    let files: [String: String]
    /// The files whose hash a later build may take instead of reading them while their stamp is
    /// unchanged: those last modified at least two seconds before they were read. (A file
    /// changed again within the same tick of a coarse file-system clock would keep its stamp.)
    let settled: [String: HashedFile]
    /// The catalog's files, listed once for the build.
    let listing: CatalogLoader.Listing

    /// - Parameters:
    ///   - known: hashes of a previous build, reused for files whose stamp is the same.
    ///   - listing: the catalog's files, when they are listed already.
    init(directory: String, theme: Theme, known: [String: HashedFile] = [:], listing: CatalogLoader.Listing? = nil) throws {
        let loader = CatalogLoader(directory: directory)
        self.listing = try listing ?? loader.list()
        let paths = loader.inputFiles(self.listing)
        let now = Date().timeIntervalSince1970
        let hashed = ConcurrentMap.map(paths) { path -> (hash: String, settled: HashedFile?) in
            // The stamp is taken before reading: a change while reading gives the file a newer one.
            let stamp = FileStamp(path: path)
            if let stamp, let old = known[path], old.stamp == stamp { return (old.hash, old) }
            // An unreadable file gets a hash no file has; the loader reports it.
            guard let data = FileManager.default.contents(atPath: path) else { return ("unreadable", nil) }
            let hash = ContentHash.of(data)
            guard let stamp, stamp.modified < now - 2 else { return (hash, nil) }
            return (hash, HashedFile(hash: hash, stamp: stamp))
        }
        let hashes = hashed.map(\.hash)
        var settled: [String: HashedFile] = [:]
        for (path, file) in zip(paths, hashed) {
            settled[path] = file.settled
        }
        self.settled = settled
        var themeHash = ContentHash()
        for (path, text) in theme.files.sorted(by: { $0.key < $1.key }) {
            themeHash.add(path)
            themeHash.add(text)
        }
        for (path, data) in theme.binaryFiles.sorted(by: { $0.key < $1.key }) {
            themeHash.add(path)
            themeHash.add(data)
        }
        self.tool = Self.tool
        self.directory = directory
        self.theme = themeHash.key
        self.files = Dictionary(uniqueKeysWithValues: zip(paths, hashes))
        var key = ContentHash()
        for part in ["inputs", tool, directory, self.theme] { key.add(part) }
        for (path, hash) in zip(paths, hashes) {
            key.add(path)
            key.add(hash)
        }
        // Not read, but reported: a build must not skip their warning as up to date.
        for path in self.listing.ignored {
            key.add("ignored")
            key.add(path)
        }
        self.key = key.key
    }

    /// The running executable's size and time: a rebuilt tool never reuses an old page.
    static let tool: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        guard let stamp = FileStamp(path: path) else { return "unknown \(UUID())" }
        return "\(path) \(stamp.size) \(stamp.seconds).\(stamp.nanoseconds) \(stamp.inode)"
    }()
}
