import ErrorDocsModel
import Foundation

/// One file of the built site, by path relative to the output folder.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }
}

/// Renders a lint-clean catalog into every file of the site: HTML pages, their Markdown twins,
/// the registry and its schema, and the theme's assets.
///
/// Pages whose key (``PageKeys``) equals the previous build's are not rendered again but kept,
/// and so are the search index, llms.txt and the sitemap, made from what the summary pages are
/// made from; the other files that sum up the site (registry, llms-full.txt, assets) are always
/// written anew, the registry and llms-full.txt with the parts of unchanged errors copied.
struct SiteRenderer {
    let catalog: Catalog
    let theme: Theme
    let index: ViewBuilder.ErrorIndex
    let keys: PageKeys

    struct Result {
        /// The files written to the stage, sorted by path.
        var written: [String]
        /// Pages taken from the previous build as they are, in the order the pages are listed
        /// (the same for the same catalog): sorted, 20,000 of them took a one-edit rebuild of
        /// 10,000 errors several milliseconds, and no one needs them sorted.
        var kept: [String]
        /// The key of every file of the site, by path.
        var keys: [String: String]
        /// Template problems found while rendering.
        var problems: [Diagnostic]
        /// Where each error's part is in the files made of one part per error, by file and by
        /// the part's key: its entry in registry.json, its Markdown page in llms-full.txt.
        var parts: [String: [String: Range<Int>]] = [:]
    }

    /// Writes each file to `stage` as soon as it is rendered.
    /// - Parameters:
    ///   - previous: the page keys of the build that wrote the current output, with only the
    ///     pages still as it wrote them.
    ///   - contents: the current output's file at a path, for kept pages.
    ///   - parts: the parts of a file of the current output (registry.json's entries,
    ///     llms-full.txt's error pages), copied from it where their key is unchanged.
    func render(into stage: SiteStage, previous: [String: String] = [:], contents: (String) -> Data? = { _ in nil },
                parts: (String) -> PreviousParts? = { _ in nil }, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Result {
        // Every page is independent: describe each as a job, then render them on all cores.
        var jobs: [Job] = []
        var kept: [String] = []
        var keys: [String: String] = [:]
        // Markdown error pages by path: their keys name their parts of llms-full.txt.
        var errorMarkdownKeys: [String: String] = [:]
        /// Records the file's key; true (and the file kept) when it is the previous build's, as
        /// `isKept` says when it was looked up already.
        func keep(_ path: String, key: String, isKept: Bool? = nil) -> Bool {
            keys[path] = key
            guard isKept ?? (previous[path] == key) else { return false }
            kept.append(path)
            return true
        }
        func page(_ path: String, key: String, markdown: Bool, _ page: Page, isKept: Bool? = nil) {
            if !keep(path, key: key, isKept: isKept) { jobs.append(Job(path: path, markdown: markdown, page: page)) }
        }
        let html = ViewBuilder(catalog: catalog, style: .html, index: index)
        let markdown = ViewBuilder(catalog: catalog, style: .markdown, index: index)
        let everything = self.keys.everything, summary = self.keys.summaryPages
        // Markdown twins live under markdown/ and use the templates of the same names there.
        for (views, prefix) in [(html, ""), (markdown, "markdown/")] {
            let isMarkdown = !prefix.isEmpty
            page(prefix + views.paths.index, key: summary, markdown: isMarkdown, .index)
            // Each error page's path and key, and whether the previous build's page is kept, on
            // every core: a hash and a lookup each, 20,000 for 10,000 errors.
            let errors = views.errors, paths = views.paths, pageKeys = self.keys
            let batches = ConcurrentMap.batches(of: 512, in: errors.indices)
            let errorPages = ConcurrentMap.map(batches) { batch in
                batch.map { position in
                    let path = prefix + paths.error(errors[position].code?.value ?? "")
                    let key = pageKeys.errorPage(position: position)
                    return (path: path, key: key, isKept: previous[path] == key)
                }
            }
            keys.reserveCapacity(keys.count + errors.count)
            if isMarkdown { errorMarkdownKeys.reserveCapacity(errors.count) }
            for (position, (path, key, isKept)) in errorPages.joined().enumerated() {
                if isMarkdown { errorMarkdownKeys[path] = key }
                page(path, key: key, markdown: isMarkdown, .error(position), isKept: isKept)
            }
            for (position, removed) in catalog.settings.removed.enumerated() {
                let path = prefix + views.paths.error(removed.code.value)
                page(path, key: self.keys.removedPage(path, position: position), markdown: isMarkdown, .removed(position))
            }
            for (position, family) in catalog.settings.families.enumerated() {
                let path = prefix + views.paths.family(family.id.value)
                page(path, key: self.keys.familyPage(path, family: family.id.value), markdown: isMarkdown, .family(position))
            }
            page(prefix + views.paths.statusCodes, key: summary, markdown: isMarkdown, .statusCodes)
            page(prefix + views.paths.retries, key: summary, markdown: isMarkdown, .retries)
            for (position, guide) in catalog.guides.enumerated() {
                let path = prefix + views.paths.guide(guide.slug)
                page(path, key: self.keys.guidePage(path), markdown: isMarkdown, .guide(position))
            }
        }
        let done = Locked(0)
        let total = jobs.count
        var written = try ConcurrentMap.map(jobs) { job throws -> String in
            try stage.write(job.path, text: try render(job.page, with: job.markdown ? markdown : html))
            if let progress {
                let count = done.withLock { count in
                    count += 1
                    return count
                }
                progress(count, total)
            }
            return job.path
        }
        jobs = []
        func wrote(_ path: String) {
            written.append(path)
            keys[path] = everything
        }
        func add(_ path: String, _ text: String) throws {
            try stage.write(path, text: text)
            wrote(path)
        }
        func add(_ path: String, parts: (_ append: (Data) throws -> Void) throws -> Void) throws {
            try stage.write(path, parts: parts)
            wrote(path)
        }
        func add(_ path: String, pieces: (_ append: (FilePiece) throws -> Void) throws -> Void) throws {
            try stage.write(path, pieces: pieces)
            wrote(path)
        }

        try add("404.html", theme.render(html.notFoundView(), "404"))
        /// Made from what the summary pages are made from (codes, titles, summaries, families,
        /// statuses, retry policies, settings): kept while their key is unchanged.
        func addSummary(_ path: String, parts: (_ append: (Data) throws -> Void) throws -> Void) throws {
            guard !keep(path, key: summary) else { return }
            try stage.write(path, parts: parts)
            written.append(path)
        }
        try addSummary(SearchIndex.path) { append in try SearchIndex.script(html, into: append) }
        if Sitemap.isWritten(for: html) {
            // Lists the pages, which the errors' codes, catalog.yaml and the guides decide: as
            // the summary pages do. (Written anew, 20,000 URLs took 7-14 ms of a one-edit
            // rebuild of 10,000 errors, on one core.)
            try addSummary("sitemap.xml") { append in try Sitemap.xml(html, pages: written + kept, into: append) }
        }
        try addSummary("llms.txt") { append in try AgentIndex.llmsTXT(markdown, into: append) }
        // A page is kept when its key is the previous build's (no set of the kept pages: at
        // 100,000 errors it would hold 200,000 paths through the largest step of a rebuild).
        let markdownPages = keys.keys.filter { $0.hasPrefix("markdown/") }
        // The two largest files are independent of each other: made side by side in a rebuild,
        // which has the previous build's to copy from. (Made whole side by side, their end was
        // the highest point of a full build of 100,000 errors, 1,064 MB in an RSS trace, against
        // about 1,020 MB for the whole build made one after the other.) `contents` only reads
        // the current output, which no step of a build changes.
        let fullPrevious = parts(AgentIndex.fullPath), registryPrevious = parts(Registry.path)
        let catalog = self.catalog, pageKeys = self.keys, allKeys = keys, markdownKeys = errorMarkdownKeys
        let sortedErrors = index.errors
        let largeFiles = [AgentIndex.fullPath, Registry.path]
        let madeParts = try withoutActuallyEscaping(contents) { contents in
            let reading = UncheckedReader(read: contents)
            let make = { @Sendable (path: String) throws -> [String: Range<Int>] in
                var made: [String: Range<Int>] = [:]
                try stage.write(path, pieces: { append in
                    if path == Registry.path {
                        made = try Registry.encode(catalog, sorted: sortedErrors, key: pageKeys.registryEntry,
                                                   previous: registryPrevious, into: append)
                    } else {
                        // Every page's part is copied while the page's key is unchanged. The
                        // summary pages share one key, so each part's key adds its path. (Read
                        // again, the index page's 10,000 links took about 18 ms of CPU of a
                        // one-edit rebuild of 10,000 errors to root, perf.)
                        let key = { (path: String) in markdownKeys[path] ?? allKeys[path].map { ContentHash.of([$0, path]) } }
                        made = try AgentIndex.llmsFullTXT(
                            pages: markdownPages, key: key, previous: fullPrevious, contents: { path in
                            let isKept = previous[path].map { $0 == allKeys[path] } ?? false
                            guard let data = isKept ? reading.read(path) : stage.contents(of: path) else { throw KeptFileMissing(path: path) }
                            return data
                        }, into: append)
                    }
                })
                return made
            }
            let sideBySide = fullPrevious != nil && registryPrevious != nil
            return sideBySide ? try ConcurrentMap.map(largeFiles, make) : try largeFiles.map(make)
        }
        largeFiles.forEach(wrote)
        try add("registry.schema.json", RegistrySchema.json)
        for asset in theme.assets {
            try stage.write(SiteFile(path: asset.path, contents: asset.contents))
            wrote(asset.path)
        }
        return Result(written: written.sorted(), kept: kept, keys: keys, problems: theme.unknownNameDiagnostics(),
                      parts: Dictionary(uniqueKeysWithValues: zip(largeFiles, madeParts)))
    }

    /// A page to render, by position in the catalog: a large catalog has hundreds of thousands.
    private enum Page {
        case index, error(Int), removed(Int), family(Int), statusCodes, retries, guide(Int)
    }

    /// Reads the current output's files from any thread: only ever reads files no step of a
    /// build changes.
    private struct UncheckedReader: @unchecked Sendable {
        let read: (String) -> Data?
    }

    private struct Job {
        var path: String
        var markdown: Bool
        var page: Page
    }

    private func render(_ page: Page, with views: ViewBuilder) throws -> String {
        let prefix = views.paths.style == .markdown ? "markdown/" : ""
        switch page {
        case .index: return theme.render(views.indexView(), prefix + "index")
        case .error(let position):
            // The page needs the whole error; other pages show only what is always loaded.
            let error = try views.errors[position].loadingBody()
            return theme.render(views.errorView(error), prefix + "error.\(error.code?.value ?? "")", prefix + "error")
        case .removed(let position): return theme.render(views.removedView(catalog.settings.removed[position]), prefix + "removed")
        case .family(let position): return theme.render(views.familyView(catalog.settings.families[position]), prefix + "family")
        case .statusCodes: return theme.render(views.statusPlaybookView(), prefix + "status-codes")
        case .retries: return theme.render(views.retryTableView(), prefix + "retries")
        case .guide(let position):
            // Its headings' ids must not be the page's others (`<main id="content">`).
            let guide = views.guideView(catalog.guides[position], takenIDs: theme.literalIDs(of: prefix + "guide"))
            return theme.render(guide, prefix + "guide")
        }
    }
}
