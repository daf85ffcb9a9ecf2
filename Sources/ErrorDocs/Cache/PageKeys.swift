import ErrorDocsModel

/// The key of what each page is rendered from.
///
/// An error's page shows its own file, what every page shows (settings, guides, theme, how
/// many errors each family has) and a few other errors: the code and title of those its
/// family's sidebar lists, and the code, title and summary of its related errors and its
/// replacement. Its key is made of exactly these, so an edit to an error's text re-renders its
/// own two pages, and an edit to its title the pages that list it too (a few dozen in a large
/// family: with the summary pages, 63 pages in 1.5-1.6 s at 10,000 errors, against all 20,237
/// in 9.3 s when every key held every title).
///
/// The summary pages (index, status codes, retries, and the search index and llms.txt) show
/// every error's row: code, title, summary, family, status, retry policy, first quick fix,
/// deprecation; a family's page the rows of its errors; a guide's page nothing of any error;
/// a removed error's page its replacement. A registry entry is made from its error's file and
/// the settings. Every other file depends on everything.
struct PageKeys: Sendable {
    let everything: String
    let summaryPages: String
    /// The non-error inputs: tool, catalog folder, theme, catalog.yaml and guides.
    private let base: String
    /// That, and how many errors each family has: what every page shows.
    private let pageBase: String
    /// What each family's page is made from, by family id.
    private let families: [String: String]
    /// What each removed error's page is made from: catalog.yaml and its replacement.
    private let removed: [String]
    /// What the pages of each error of the index (by position) are made from.
    private let errors: [String]
    private let files: [String: String]

    init(inputs: BuildInputs, catalog: Catalog, index: ViewBuilder.ErrorIndex) {
        let errorFiles = Set(catalog.errors.map(\.location.file))
        var base = ContentHash()
        for part in ["pages", inputs.tool, inputs.directory, inputs.theme] { base.add(part) }
        for (path, hash) in inputs.files.filter({ !errorFiles.contains($0.key) }).sorted(by: { $0.key < $1.key }) {
            base.add(path)
            base.add(hash)
        }
        let baseKey = base.key
        // How many errors each family has, in every page's sidebar.
        for (family, members) in index.byFamily.sorted(by: { $0.key < $1.key }) {
            base.add(family)
            base.add(String(members.count))
        }
        let pageBase = base.key, files = inputs.files
        // The errors' facts are hashed on every core, a batch at a time. Each error's code and
        // title are hashed once, for the sidebars that list it, and only positions are passed
        // around: copying an error's definition costs a retain of each of its fields.
        let sorted = index.errors
        let batches = ConcurrentMap.batches(of: 512, in: sorted.indices)
        let listed = Array(ConcurrentMap.map(batches) { batch in
            var hash = ContentHash()
            return batch.map { position in
                hash.reset()
                hash.add(sorted[position].code?.value)
                hash.add(sorted[position].title?.value)
                return hash.key
            }
        }.joined())
        /// What a link to the error with `code` shows (its code, title and summary).
        let addLink = { @Sendable (code: String?, hash: inout ContentHash) in
            guard let position = code.flatMap({ index.byCode[$0] }) else { return hash.add(nil as String?) }
            hash.add(listed[position])
            hash.add(sorted[position].summary?.value)
        }
        let families = index.byFamily
        let hashed = ConcurrentMap.map(batches) { batch -> (keys: [String], rows: [String]) in
            var keys: [String] = [], rows: [String] = []
            keys.reserveCapacity(batch.count)
            rows.reserveCapacity(batch.count)
            // Two hashes reused for every error, each value added as it is: a list of the
            // values, and a hash and its buffer per error, took a third of this step in
            // reference counts and allocations.
            var row = ContentHash(), key = ContentHash()
            /// A number, or an absent value: as the text it is shown as would be, apart.
            func add(_ number: Located<Int>?) {
                if let number { row.add(number.value) } else { row.add(nil as String?) }
            }
            for position in batch {
                let error = sorted[position]
                row.reset()
                row.add(error.fields.code?.value)
                row.add(error.fields.title?.value)
                row.add(error.fields.summary?.value)
                row.add(error.fields.family?.value)
                row.add(error.fields.location.file)
                row.add(error.fields.surface?.value.rawValue)
                add(error.fields.status)
                let smtp = error.fields.smtp
                add(smtp?.reply)
                row.add(smtp?.enhanced?.value)
                row.add(error.fields.event?.value)
                let retry = error.fields.retry
                row.add(retry?.kind.value.rawValue)
                add(retry?.maxAttempts)
                add(retry?.initialDelay)
                add(retry?.maxDelay)
                row.add(retry?.jitter.map { $0.value ? "true" : "false" })
                row.add(error.fields.quickFix.first?.value)
                row.add(error.fields.deprecated.map { _ in "deprecated" })
                rows.append(row.key)

                key.reset()
                key.add(pageBase)
                // The code makes each error's key its own, even beside another error of the same
                // file with the same sidebar: the key names the error's parts of the large files.
                key.add(error.fields.code?.value)
                key.add(error.fields.location.file)
                key.add(files[error.fields.location.file] ?? "unknown")
                let members = families[error.fields.family?.value ?? ""] ?? []
                for member in members[index.sidebar(count: members.count, around: error.fields.code?.value)] {
                    key.add(listed[member])
                }
                key.add("related")
                for code in error.fields.related { addLink(code.value, &key) }
                key.add("replacement")
                addLink(error.fields.deprecated?.replacedBy?.value, &key)
                keys.append(key.key)
            }
            return (keys, rows)
        }
        // Each error's row in the tables: the summary pages show all, a family's page its own.
        let rows = Array(hashed.map(\.rows).joined())
        var summary = base
        summary.add("summary pages")
        for row in rows { summary.add(row) }
        var familyKeys: [String: String] = [:]
        for (family, members) in families {
            var key = ContentHash()
            for part in [pageBase, "family", family] { key.add(part) }
            for member in members { key.add(rows[member]) }
            familyKeys[family] = key.key
        }
        self.families = familyKeys
        removed = catalog.settings.removed.map { removed in
            var key = ContentHash()
            for part in [pageBase, "removed"] { key.add(part) }
            addLink(removed.replacedBy?.value, &key)
            return key.key
        }
        self.base = baseKey
        self.pageBase = pageBase
        self.summaryPages = summary.key
        self.errors = Array(hashed.map(\.keys).joined())
        self.everything = inputs.key
        self.files = files
    }

    /// Both pages of the error at `position` in the index (HTML and Markdown): each is compared
    /// only with the key its own path had, and the paths follow from the code and the tool, which
    /// the key holds. (Hashed again with each path, 20,000 keys took a one-edit rebuild of
    /// 10,000 errors 10 ms of CPU time.)
    func errorPage(position: Int) -> String {
        errors[position]
    }

    /// A family's page shows the rows of its errors.
    func familyPage(_ path: String, family: String) -> String {
        ContentHash.of([families[family] ?? ContentHash.of([pageBase, "family without errors", family]), path])
    }

    /// A guide's page shows only what every page shows and the guide.
    func guidePage(_ path: String) -> String {
        ContentHash.of([pageBase, path])
    }

    /// The page of the removed error at `position` in catalog.yaml's list.
    func removedPage(_ path: String, position: Int) -> String {
        ContentHash.of([removed[position], path])
    }

    /// The error's entry in registry.json.
    func registryEntry(_ error: ErrorDefinition) -> String {
        let file = error.location.file
        return ContentHash.of([base, Registry.path, error.code?.value ?? "", file, files[file] ?? "unknown"])
    }
}
