import ErrorDocsModel
import Foundation

/// load → lint → render → write. Each step is one call; the build stops before rendering when
/// the catalog or the theme has an error, so a bad catalog never touches the output.
public enum Pipeline {
    public struct LintReport: Sendable {
        public var catalog: Catalog
        /// Sorted by file, line and column.
        public var diagnostics: [Diagnostic]
        /// How many error files the error-file rules ran on (the others' findings were kept).
        var linted = 0
        /// True when what the rules that compare errors found was kept from the last build.
        var comparedReused = false
        /// The catalog's index, when the run was asked to make it.
        var index: ViewBuilder.ErrorIndex?
        /// Files whose bytes, as loaded, are not the ones `hashes` named (see ``CatalogLoader/Result/changed``).
        var changed: [String] = []
        /// Links to a `#fragment` of another page or of their own, which only the rendered pages can check.
        var fragmentLinks: [MarkdownFields.Link] = []
    }

    public struct BuildReport: Sendable {
        public var diagnostics: [Diagnostic]
        /// The files rendered and written, by path: empty when the build failed.
        public var written: [String]
        public var errorCount: Int
        /// Pages taken unchanged from the previous build.
        public var kept: [String] = []
        /// True when nothing that the site is built from changed, so nothing was written.
        public var upToDate = false
        /// Where the site's root is on its host: the path of `base_url` (`/docs/`), or `/`
        /// without one. Nil when the build rendered nothing (it failed, or was up to date).
        public var hostPath: String?

        public var succeeded: Bool { !diagnostics.hasErrors && (upToDate || !written.isEmpty) }
        /// Every file of the site, rendered or kept.
        public var fileCount: Int { written.count + kept.count }
    }

    /// Loads and lints the catalog in `directory`. Throws only for problems that stop the tool
    /// (no such folder, unreadable file); content problems are diagnostics.
    ///
    /// - Parameter freeingMemory: false keeps the loaded catalog until the process exits, so
    ///   that the report's copy is not freed object by object when the tool is done with it.
    /// - Parameter keepingBodies: false leaves each error's body (``ErrorDefinition/Body``)
    ///   encoded once its file is linted, for a caller that reads only what the other pages of
    ///   a site show, or reads bodies with ``ErrorDefinition/loadingBody()``: lint of 100,000
    ///   errors held them all, at most 893 MB.
    public static func lint(_ directory: String, freeingMemory: Bool = true, keepingBodies: Bool = true) throws -> LintReport {
        let untilExit = freeingMemory ? nil : KeptUntilExit()
        let report = try lint(directory, cache: nil, keeping: untilExit, keepingBodies: keepingBodies)
        untilExit?.keep(report.catalog)
        return report
    }

    /// - Parameters:
    ///   - cache: error files loaded and linted by earlier builds, decoded instead of parsed and
    ///     linted where `hashes` (each file's content hash, by path) finds them; it is then
    ///     replaced by what this run loaded and found.
    ///   - listing: the catalog's files, when the build has listed them already.
    ///   - keeping: where to leave what the run made and no longer needs (the files as loaded,
    ///     the findings in each) instead of freeing it, for `errdocs lint`. (Not for a build:
    ///     held through it, they took a title edit of 100,000 errors from 1,012,344-1,020,084 KB
    ///     to 1,068,584-1,079,308 KB, over 1 GiB.)
    ///   - indexing: whether to make the catalog's index too: on another thread while the rules
    ///     run (it took 20-30 ms of a one-edit rebuild of 10,000 errors on one core).
    ///   - keepingBodies: false leaves the bodies encoded once each file is linted (as a build
    ///     always does: ``CatalogLoader/lintingParsedFiles``).
    static func lint(_ directory: String, cache: LoadCache?, hashes: [String: String] = [:],
                     listing: CatalogLoader.Listing? = nil, keeping: KeptUntilExit? = nil,
                     indexing: Bool = false, keepingBodies: Bool = false) throws -> LintReport {
        var loader = CatalogLoader(directory: directory)
        loader.cache = cache
        loader.hashes = hashes
        loader.listing = listing
        loader.lintingParsedFiles = !keepingBodies
        let loaded = try loader.load()
        let catalog = loaded.catalog, settings = loaded.settingsHash
        let index = indexing ? InBackground { ViewBuilder.ErrorIndex(catalog) } : nil
        // The loader's warnings as catalog.yaml's lint: section configures them.
        var diagnostics = catalog.settings.lint.applied(to: loaded.diagnostics)
        var known: [String: Linter.FileFindings] = [:], found: [String: Linter.FileFindings] = [:]
        var compared: Linter.ComparedFindings?
        var fragmentLinks: [MarkdownFields.Link] = []
        // Rules also run when some values failed to load (they skip what is missing), so one
        // run reports everything; but without catalog.yaml every family would look unknown.
        if loaded.settingsParsed {
            known.reserveCapacity(loaded.cached.count)
            for index in loaded.cached.indices {
                if let findings = loaded.cached[index].findings { known[loaded.cached[index].path] = findings }
            }
            let earlier = cache.map { cache in
                { (key: String) in cache.comparedFindings(named: cache.name(ofComparedFindings: key, settings: settings)) }
            }
            let linted = Linter().lint(catalog, known: known, earlier: earlier)
            diagnostics += linted.diagnostics
            found = linted.files
            compared = linted.compared
            fragmentLinks = linted.fragmentLinks
        }
        if let cache {
            var entries = loaded.cached.map { $0.entry(settings: settings, found: found[$0.path]) }
            if let compared {
                let name = cache.name(ofComparedFindings: compared.key, settings: settings)
                entries.append(compared.reused ? .found(name) : LoadCache.Entry(name: name) {
                    try? FileFindingsCoding.encode(Linter.FileFindings(diagnostics: compared.diagnostics))
                })
            }
            cache.write(entries)
            keeping?.keep(entries)
        }
        keeping?.keep(loaded, known, found)
        var report = LintReport(catalog: catalog, diagnostics: diagnostics.sortedByLocation())
        report.linted = found.count
        report.comparedReused = compared?.reused ?? false
        report.index = try index?.value()
        report.changed = loaded.changed
        report.fragmentLinks = fragmentLinks
        return report
    }

    /// Lints, renders with the built-in theme overlaid by `templates`, and writes to `output`.
    /// `progress` is called from any thread with the pages rendered so far and the total.
    ///
    /// Incremental: when the output's record of its last build shows the same inputs, nothing is
    /// done; otherwise only pages whose inputs changed are rendered, and the rest are kept.
    /// Unchanged error files are decoded from the cache of loaded files, their bodies only for
    /// the pages made; one that does not decode makes the build start again without the cache.
    ///
    /// - Parameter freeingMemory: false leaves what the build held (the catalog, its index, the
    ///   page keys, both records) to the process's exit instead of freeing it object by object,
    ///   for a tool that exits next: freeing took 62-69 ms of a 0.4 s one-edit rebuild of 10,000
    ///   errors. A process that builds again (a preview server) must free it.
    /// - Parameter strict: warnings are errors: the build fails on any, and writes nothing.
    public static func build(_ directory: String, templates: String?, into output: inout some SiteOutput,
                             freeingMemory: Bool = true, strict: Bool = false,
                             progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> BuildReport {
        do {
            return try buildOnce(directory, templates: templates, into: &output, freeingMemory: freeingMemory, strict: strict,
                                 progress: progress)
        } catch is LoadedFileCoding.Malformed {
            // An error's body kept in the cache of loaded files, decoded only when its page or
            // registry entry is made, did not decode (the stage is discarded, the output is as
            // it was): build from the catalog's files alone, which writes the cache anew.
            return try buildOnce(directory, templates: templates, into: &output, freeingMemory: freeingMemory, strict: strict,
                                 progress: progress, readingLoadedFiles: false)
        }
    }

    /// - Parameter readingLoadedFiles: false parses every error file, whatever the cache of
    ///   loaded files holds.
    private static func buildOnce(_ directory: String, templates: String?, into output: inout some SiteOutput,
                                  freeingMemory: Bool, strict: Bool, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
                                  readingLoadedFiles: Bool = true) throws -> BuildReport {
        let untilExit = freeingMemory ? nil : KeptUntilExit()
        // The theme is parsed and the catalog's folders are listed while the record is read: at
        // 10,000 errors in 1,000 folders, listing took 15 ms on one core, merging the record's
        // lines as long, and parsing and checking the templates 9-10 ms.
        let loadedTheme = InBackground { try Theme.load(overlay: templates) }
        let listing = InBackground { try CatalogLoader(directory: directory).list() }
        var previous = output.previousBuild()
        let (theme, templateProblems) = try loadedTheme.value()
        var inputs = try theme.map {
            try BuildInputs(directory: directory, theme: $0, known: previous?.inputFiles ?? [:], listing: listing.value())
        }
        // Not needed past this point, and 100,000 entries for a 100,000-error catalog.
        previous?.inputFiles = [:]
        if let inputs, let previous, previous.complete, previous.inputs == inputs.key {
            untilExit?.keep(previous)
            return BuildReport(diagnostics: strict ? previous.diagnostics.warningsAsErrors() : previous.diagnostics, written: [],
                               errorCount: previous.errorCount, kept: previous.pages.keys.sorted(), upToDate: true)
        }
        // The cache of loaded files is written while the site renders when few entries are new.
        var cache: LoadCache?
        var succeeded = false
        // A failed build leaves no new file beside the output: a first build that fails leaves
        // the folder as it found it (the cache of loaded files is for rebuilding a site).
        let hadLoadCache = output.loadCachePath.map { FileManager.default.fileExists(atPath: $0) } ?? true
        // The cache is written while the catalog loads, before the stage makes the output's
        // parent folder: without it there, a first build kept no cache and the next parsed all.
        let madeFolders = hadLoadCache ? [] : try output.loadCachePath.map { try FileTree.makeMissingFolders(($0 as NSString).deletingLastPathComponent) } ?? []
        defer {
            cache?.finishWriting()
            if !succeeded && !hadLoadCache, let path = output.loadCachePath {
                for file in [path, LoadCache.recentPath(of: path)] { unlink(file) }
            }
            if !succeeded { for folder in madeFolders.reversed() { rmdir(folder) } }
        }
        func load() throws -> LintReport {
            // A cache written by a first load is written whole before it is read again (two
            // writers would share a temporary file).
            cache?.finishWriting()
            cache = output.loadCachePath.map { LoadCache(path: $0, inBackground: true, readingPrevious: readingLoadedFiles) }
            return try lint(directory, cache: cache, hashes: inputs?.files ?? [:], listing: inputs?.listing, indexing: true)
        }
        var report = try load()
        if let theme, !report.changed.isEmpty {
            // Pages are keyed by the hashes, so they must be those of the bytes loaded. A file
            // changed while it was read, or changed with its stamp put back (so its old hash
            // was taken) and parsed because the loaded-files cache had no entry for the old
            // hash: hash every file again, and load once more.
            inputs = try BuildInputs(directory: directory, theme: theme)
            report = try load()
            if let file = report.changed.first {
                throw CatalogLoadError(description: "\(file): changed while errdocs read it; build again when it is saved")
            }
        }
        if strict { report.diagnostics = report.diagnostics.warningsAsErrors() }
        guard !report.diagnostics.hasErrors else {
            return BuildReport(diagnostics: report.diagnostics, written: [], errorCount: report.catalog.errors.count)
        }
        // Overrides name errors: checked here, where the theme and the catalog are both loaded.
        let configuration = report.catalog.settings.lint
        let overrideProblems = theme.map { configuration.applied(to: OverrideCheck.check($0, catalog: report.catalog)) } ?? []
        let themeProblems = (templateProblems + overrideProblems).sortedByLocation()
        var diagnostics = report.diagnostics + themeProblems
        guard let theme, let inputs, !themeProblems.hasErrors else {
            return BuildReport(diagnostics: diagnostics, written: [], errorCount: report.catalog.errors.count)
        }
        let index = report.index ?? ViewBuilder.ErrorIndex(report.catalog)
        let renderer = SiteRenderer(catalog: report.catalog, theme: theme, index: index,
                                    keys: PageKeys(inputs: inputs, catalog: report.catalog, index: index))
        let stage = try output.begin()
        do {
            let current = output
            let parts = { (path: String) -> PreviousParts? in
                guard let previous, let ranges = previous.parts[path], let size = current.previousSize(of: path) else { return nil }
                return PreviousParts(ranges: ranges, size: size)
            }
            var site = try renderer.render(into: stage, previous: previous?.pages ?? [:], contents: output.previousContents,
                                           parts: parts, progress: progress)
            if !site.problems.isEmpty && !site.kept.isEmpty {
                // Whether a name is unknown depends on every page that uses it: decide on all of them.
                site = try renderer.render(into: stage, progress: progress)
            }
            guard site.problems.isEmpty else {
                stage.discard()
                return BuildReport(diagnostics: diagnostics + site.problems, written: [], errorCount: report.catalog.errors.count)
            }
            // Kept in the record too, so that a build with nothing changed reports them again.
            // A stage may be a spare copy of an older site: only what this build wrote is new.
            let written = report.fragmentLinks.isEmpty ? [] : Set(site.written)
            let fragmentProblems = configuration.applied(to: FragmentCheck.check(report.fragmentLinks) { path in
                written.contains(path) ? stage.contents(of: path) : current.previousContents(of: path)
            })
            if !fragmentProblems.isEmpty {
                diagnostics = (report.diagnostics + fragmentProblems).sortedByLocation() + themeProblems
            }
            // The catalog's own warnings stopped a strict build before rendering; these are the
            // theme's and the rendered pages' (which lint: may have made errors).
            if diagnostics.hasErrors || strict && !diagnostics.isEmpty {
                stage.discard()
                return BuildReport(diagnostics: strict ? diagnostics.warningsAsErrors() : diagnostics, written: [],
                                   errorCount: report.catalog.errors.count)
            }
            var record = BuildRecord(inputs: inputs.key, pages: site.keys, diagnostics: diagnostics, errorCount: report.catalog.errors.count)
            record.inputFiles = inputs.settled
            record.parts = site.parts
            try output.commit(stage, written: site.written, keeping: site.kept, record: record, previous: previous)
            untilExit?.keep(report, index, renderer, inputs, previous as Any, site, record)
            succeeded = true
            return BuildReport(diagnostics: diagnostics, written: site.written, errorCount: report.catalog.errors.count, kept: site.kept,
                               hostPath: SitePaths.hostPath(report.catalog.settings) ?? "/")
        } catch {
            stage.discard()
            throw error
        }
    }
}
