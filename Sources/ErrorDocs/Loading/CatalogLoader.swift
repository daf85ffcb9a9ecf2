import ErrorDocsModel
import Foundation

/// A problem that stops the tool before it can look at content: a missing folder, an
/// unreadable file. Content problems are diagnostics, never thrown.
public struct CatalogLoadError: Error, CustomStringConvertible {
    public var description: String
}

/// Reads `catalog.yaml`, `errors/**/*.yaml` and `guides/*.md` into a ``Catalog``.
public struct CatalogLoader: Sendable {
    public struct Result: Sendable {
        public var catalog: Catalog
        public var diagnostics: [Diagnostic]
        /// False when catalog.yaml could not be parsed at all, so families, envelopes and
        /// settings are unknown and rules that need them would only report noise.
        public var settingsParsed: Bool
        /// With a cache or ``CatalogLoader/lintingParsedFiles``: each error file as loaded, with
        /// what the error-file rules found in it, for the next cache, in load order.
        var cached: [CachedFile] = []
        /// catalog.yaml's content hash.
        var settingsHash = ""
        /// Files whose bytes, as parsed, are not the ones ``hashes`` was made from: changed
        /// while the build read them (or changed with their stamp put back), by path.
        var changed: [String] = []
    }

    struct CachedFile: Sendable {
        var path: String
        /// Its entry's name in the cache (empty without one).
        var name: String
        var loaded: LoadedFile
        /// True when the cache has the entry, as the file was loaded from it.
        var found: Bool
        /// What the error-file rules found in it, from its entry: kept when they ran with this
        /// catalog.yaml.
        var findings: Linter.FileFindings?
        /// True when its bytes, as parsed, are not the ones ``hashes`` was made from.
        var changed = false
        /// Its next entry, made when it was linted as it was parsed (``CatalogLoader/lintingParsedFiles``):
        /// its errors' bodies are decoded from there.
        var encoded: StoredBytes?

        /// Its entry in the next cache, with what the rules found in it now (nil when they did
        /// not run): the entry found as it is, when it holds those findings already.
        func entry(settings: String, found now: Linter.FileFindings?) -> LoadCache.Entry {
            if let encoded { return LoadCache.Entry(name: name) { [UInt8](encoded.bytes) } }
            if found, findings != nil || now == nil { return .found(name) }
            let loaded = loaded
            let findings = now.map { LoadedFileCoding.Findings(settings: settings, found: $0) }
            return LoadCache.Entry(name: name) { try? LoadedFileCoding.encode(loaded.definitions, loaded.problems, findings: findings) }
        }
    }

    /// What loading one error file gave.
    struct LoadedFile: Sendable {
        var definitions: [ErrorDefinition]
        var problems: [Diagnostic]

        /// Whether reading failed before every error's code was known (see ``Catalog/unreadableFiles``).
        var isUnreadable: Bool {
            problems.hasErrors && (definitions.isEmpty || definitions.contains { $0.code == nil })
        }
    }

    /// The catalog folder as the user named it; reported paths start with it.
    public var directory: String
    /// Error files loaded by earlier builds, and the content hash of each file (as
    /// ``BuildInputs`` found it) to look them up by.
    var cache: LoadCache?
    var hashes: [String: String] = [:]
    /// The files as ``BuildInputs`` listed them, loaded instead of listing the folders again
    /// (and so exactly the files the build's key was made from).
    var listing: Listing?
    /// True runs the error-file lint rules on each error file whose findings the cache does not
    /// have as soon as the file is loaded (when catalog.yaml parsed), and leaves its errors'
    /// bodies encoded (``CachedFile/encoded``, with a cache its next entry) until they are
    /// asked for (``ErrorDefinition/loadingBody()``): a full build of 100,000 errors held every
    /// parsed body until its page was rendered. The findings are in ``Result/cached``.
    var lintingParsedFiles = false

    /// The error files and the guides of a catalog folder, by path.
    struct Listing: Sendable {
        var errors: [String]
        var guides: [String]
        /// Files under errors/ that are not error files (`x.YAML`, `x.json`; Markdown notes for
        /// the catalog's maintainers, such as a README.md, are not listed) and files under
        /// guides/ that are not guides (`x.txt`, `x.MD`, an image: a guide can link only to
        /// pages, and the build copies nothing from there; Markdown in a subfolder): never read,
        /// only reported, so listed for the build's key to change when one comes or goes.
        var ignored: [String] = []
    }

    public init(directory: String) {
        self.directory = directory
    }

    public func load() throws -> Result {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder)
        guard exists, isFolder.boolValue else {
            // Not NSString's deletingLastPathComponent: it traps on a one-character path.
            let folder = directory.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            throw CatalogLoadError(description: exists
                ? "\(directory): is a file, not a catalog folder; pass the folder that holds catalog.yaml\(folder.isEmpty ? "" : ", such as \(folder)")"
                : "\(directory): no such folder; pass the folder that holds catalog.yaml")
        }
        let settingsPath = path("catalog.yaml")
        guard FileManager.default.fileExists(atPath: settingsPath) else {
            throw CatalogLoadError(description: "\(directory): not a catalog folder: it has no catalog.yaml (run 'errdocs init' to create one)")
        }
        var diagnostics: [Diagnostic] = []

        let settingsBytes = try read(settingsPath)
        let settingsHash = ContentHash.of(Data(settingsBytes))
        var changed = isChanged(settingsPath, hash: settingsHash) ? [settingsPath] : []
        let (settingsSource, settingsNode, settingsProblems) = parse(settingsPath, bytes: settingsBytes)
        diagnostics += settingsProblems
        var reader = NodeReader(file: settingsPath, text: settingsSource?.text ?? "")
        let settings = settingsProblems.isEmpty || settingsNode != nil
            ? reader.catalogSettings(settingsNode) : CatalogSettings(location: SourceLocation(file: settingsPath, line: 1, column: 1))
        diagnostics += reader.diagnostics

        // Error files are independent: read them on every core, then merge in path order so
        // the result never depends on scheduling.
        let listing = try self.listing ?? list()
        let errorFiles = listing.errors
        let settingsForLinting = lintingParsedFiles && settingsProblems.isEmpty
            ? Catalog(settings: settings, errors: [], guides: [], files: [], directory: directory) : nil
        // One value per file, read in place below: copying each file's values (its
        // definitions, problems and findings) cost a one-edit rebuild of 10,000 errors about
        // 15 ms of CPU time in reference counts.
        let load = { @Sendable (file: String) throws -> CachedFile in
            guard cache != nil || !hashes.isEmpty else { return CachedFile(path: file, name: "", loaded: try loadErrorFile(file), found: false) }
            if let cache, let hash = hashes[file] {
                let name = cache.name(of: file, hash: hash)
                // Without findings when they were found with another catalog.yaml.
                if let known = cache.loaded(file, name: name, settings: settingsHash) {
                    return CachedFile(path: file, name: name, loaded: known.file, found: true, findings: known.findings)
                }
            }
            // Kept under the hash of the bytes parsed, which may be newer than the one hashed.
            let bytes = try read(file)
            let hash = ContentHash.of(Data(bytes))
            var parsed = CachedFile(path: file, name: cache?.name(of: file, hash: hash) ?? "", loaded: loadErrorFile(file, bytes: bytes), found: false)
            parsed.changed = isChanged(file, hash: hash)
            return parsed
        }
        // Some files at a time, linted together: the rules walk the settings' families and
        // envelopes on each run, which for one file at a time took lint of 100,000 errors 30 %
        // more CPU.
        let loaded = try ConcurrentMap.map(ConcurrentMap.batches(of: 32, in: errorFiles.indices)) { batch in
            var files = try errorFiles[batch].map(load)
            if let settingsForLinting { lint(&files, settings: settingsForLinting, hash: settingsHash) }
            return files
        }.flatMap { $0 }
        var errors: [ErrorDefinition] = []
        errors.reserveCapacity(loaded.count)
        var unreadable: [String] = []
        for index in loaded.indices {
            errors += loaded[index].loaded.definitions
            diagnostics += loaded[index].loaded.problems
            if loaded[index].changed { changed.append(loaded[index].path) }
            if loaded[index].loaded.isUnreadable { unreadable.append(loaded[index].path) }
        }
        diagnostics += listing.ignored.map(ignoredFileProblem)

        var guides: [Guide] = []
        let guideFiles = listing.guides
        for file in guideFiles {
            let bytes = try read(file)
            // Hashed only when the build has hashes to compare with.
            if !hashes.isEmpty, isChanged(file, hash: ContentHash.of(Data(bytes))) { changed.append(file) }
            switch SourceText.decode(bytes, path: file) {
            case .failure(let problem): diagnostics.append(problem)
            case .success(let source):
                switch Guide.parse(source) {
                case .success(let guide): guides.append(guide)
                case .failure(let problem): diagnostics.append(problem)
                }
            }
        }

        var catalog = Catalog(settings: settings, errors: errors, guides: guides, files: [settingsPath] + errorFiles + guideFiles, directory: directory)
        catalog.unreadableFiles = unreadable
        return Result(catalog: catalog, diagnostics: diagnostics, settingsParsed: settingsProblems.isEmpty,
                      cached: cache == nil && settingsForLinting == nil ? [] : loaded, settingsHash: settingsHash, changed: changed)
    }

    /// Runs the error-file rules on the errors of those `files` whose findings are not known,
    /// with the settings of `catalog`, makes each one's next entry (whether or not a cache
    /// takes it) and leaves its bodies encoded there.
    private func lint(_ files: inout [CachedFile], settings catalog: Catalog, hash settings: String) {
        let linting = files.indices.filter { files[$0].findings == nil }
        let found = Linter().lintFiles(linting.flatMap { files[$0].loaded.definitions }, in: catalog, facts: cache != nil)
        for index in linting {
            // A file that defines no error has no findings.
            guard let findings = found[files[index].path] else { continue }
            files[index].findings = findings
            let loaded = files[index].loaded
            guard let bytes = try? LoadedFileCoding.encode(loaded.definitions, loaded.problems,
                                                           findings: LoadedFileCoding.Findings(settings: settings, found: findings))
            else { continue }
            let encoded = StoredBytes(bytes)
            // Decoded from the entry, as a rebuild would: the same values, the bodies left there.
            guard let decoded = try? LoadedFileCoding.decode(encoded, 0..<encoded.bytes.count, file: files[index].path,
                                                             settings: settings, deferringBodies: true)
            else { continue }
            files[index].loaded = LoadedFile(definitions: decoded.definitions, problems: decoded.problems)
            files[index].encoded = encoded
        }
    }

    /// True when the build was keyed by another hash of `file` than `hash`, or by none (the
    /// file appeared after the build hashed the catalog's files).
    private func isChanged(_ file: String, hash: String) -> Bool {
        !hashes.isEmpty && hashes[file] != hash
    }

    // MARK: Files

    /// Every file a build reads from the catalog folder: catalog.yaml (when present), the error
    /// files and the guides, in a stable order.
    func inputFiles() throws -> [String] {
        inputFiles(try list())
    }

    func inputFiles(_ listing: Listing) -> [String] {
        let settings = path("catalog.yaml")
        return (FileManager.default.fileExists(atPath: settings) ? [settings] : []) + listing.errors + listing.guides
    }

    func list() throws -> Listing {
        // .yml is as common a spelling as .yaml: a file named so was left out of the site silently.
        let (errors, others) = try files(under: "errors", withExtensions: ["yaml", "yml"])
        // Guides are one level deep: their file names are their URLs, so a nested file would
        // collide with a top-level one of the same name.
        // A README.md there is a note for the catalog's maintainers, as under errors/, not a page.
        let (markdown, notGuides) = try files(under: "guides", withExtensions: ["md"])
        let isNote = { (file: String) in file.lowercased().hasSuffix("/readme.md") }
        let guidesFolder = path("guides/")
        let (guides, nested) = markdown.filter { !isNote($0) }.partitioned { !$0.dropFirst(guidesFolder.count).contains("/") }
        return Listing(errors: errors, guides: guides,
                       ignored: others.filter { !$0.lowercased().hasSuffix(".md") } + (notGuides.filter { !isNote($0) } + nested).sorted())
    }

    /// The `ignored-file` warning for a file of ``Listing/ignored``.
    private func ignoredFileProblem(_ file: String) -> Diagnostic {
        let inGuides = file.hasPrefix(path("guides/"))
        let extensions = inGuides ? ["md"] : ["yaml", "yml"]
        let exact = extensions.contains { file.hasSuffix("." + $0) }
        let upperCase = !exact && extensions.contains { file.lowercased().hasSuffix("." + $0) }
        let message = switch (inGuides, exact, upperCase) {
        case (false, _, true): "an error file's name must end in '.yaml' or '.yml' in lower case; this file is ignored"
        case (false, _, false): "only '.yaml' and '.yml' files are read from the errors/ folder; this file is ignored"
        // Only a guide in a subfolder is ignored with its name right.
        case (true, true, _): "guides are read only from the guides/ folder itself, not its subfolders; this file is ignored"
        case (true, false, true): "a guide's file name must end in '.md' in lower case; this file is ignored"
        case (true, false, false): "only '.md' files are read from the guides/ folder; this file is ignored"
        }
        return Diagnostic("ignored-file", .warning, at: SourceLocation(file: file, line: 1, column: 1), message)
    }

    private func path(_ relative: String) -> String {
        directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
    }

    private func read(_ file: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CatalogLoadError(description: "\(file): cannot be read")
        }
        return [UInt8](data)
    }

    /// The definitions in one error file, and the problems found reading them.
    func loadErrorFile(_ file: String) throws -> LoadedFile {
        loadErrorFile(file, bytes: try read(file))
    }

    private func loadErrorFile(_ file: String, bytes: [UInt8]) -> LoadedFile {
        let (source, node, problems) = parse(file, bytes: bytes)
        guard problems.isEmpty || node != nil, let source else { return LoadedFile(definitions: [], problems: problems) }
        var reader = NodeReader(file: file, text: source.text)
        let definitions = reader.errorDefinitions(in: node)
        return LoadedFile(definitions: definitions, problems: problems + reader.diagnostics)
    }

    private func parse(_ file: String) throws -> (SourceText?, YAMLNode?, [Diagnostic]) {
        parse(file, bytes: try read(file))
    }

    private func parse(_ file: String, bytes: [UInt8]) -> (SourceText?, YAMLNode?, [Diagnostic]) {
        switch SourceText.decode(bytes, path: file) {
        case .failure(let problem): return (nil, nil, [problem])
        case .success(let source):
            let (node, problems) = YAMLDocument.compose(source)
            return (source, node, problems)
        }
    }

    /// Files below `folder` with one of the extensions, and the others, each sorted by path so
    /// load order never depends on the file system. Names starting with "." are left out.
    private func files(under folder: String, withExtensions extensions: [String]) throws -> (matching: [String], others: [String]) {
        let root = path(folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { return ([], []) }
        guard isFolder.boolValue else {
            throw CatalogLoadError(description: "\(root): is a file; the catalog's \(folder) must be a folder")
        }
        var broken: [String] = []
        guard let files = FileTree.regularFiles(under: root, brokenLinks: { broken.append($0) }) else {
            throw CatalogLoadError(description: "\(root): cannot be listed")
        }
        // A link to nothing would otherwise be left out without a word.
        if let link = broken.sorted().first(where: { file in extensions.contains { file.hasSuffix("." + $0) } }) {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + link)).map { " (\($0))" } ?? ""
            throw CatalogLoadError(description: "\(root)/\(link): a symbolic link to a file that does not exist\(target)")
        }
        let (matching, others) = files.partitioned { file in extensions.contains { file.hasSuffix("." + $0) } }
        return (matching.map { path(folder + "/" + $0) }, others.map { path(folder + "/" + $0) })
    }
}

extension NodeReader {
    /// The errors of one file: a single definition, or an `errors:` list.
    mutating func errorDefinitions(in node: YAMLNode?) -> [ErrorDefinition] {
        // A file with only `---` (or an explicit null) is as empty as a file with nothing.
        var isNull = false
        if case .scalar(let scalar) = node, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            isNull = true
        }
        guard let node, !isNull else {
            diagnostics.append(Diagnostic(
                "empty-file", .warning, at: SourceLocation(file: file, line: 1, column: 1),
                "file defines no error; write one error (a mapping with 'code') or a list under 'errors:'"))
            return []
        }
        if case .mapping(let mapping) = node, mapping.count == 1, let list = mapping["errors"] {
            let items = self.list(list, "errors")
            if items.isEmpty, case .sequence = list {
                diagnostics.append(Diagnostic(
                    "empty-file", .warning, at: location(of: list), "the 'errors:' list is empty; this file defines no error"))
            }
            return items.compactMap { errorDefinition($0) }
        }
        return errorDefinition(node).map { [$0] } ?? []
    }
}

extension Array {
    /// The elements that satisfy `belongs`, then the rest, each in their original order.
    func partitioned(by belongs: (Element) -> Bool) -> ([Element], [Element]) {
        var inside: [Element] = [], outside: [Element] = []
        for element in self {
            if belongs(element) { inside.append(element) } else { outside.append(element) }
        }
        return (inside, outside)
    }
}
