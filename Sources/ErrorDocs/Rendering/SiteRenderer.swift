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
/// the registry and its schema, and the theme's assets. Files come back sorted by path.
struct SiteRenderer {
    let catalog: Catalog
    let theme: Theme

    /// The site's files, or the template problems found while rendering them.
    func render(progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> (files: [SiteFile], problems: [Diagnostic]) {
        // Every page is independent: describe each as a job, then render them on all cores.
        var jobs: [@Sendable () -> SiteFile] = []
        let theme = self.theme
        func page(_ path: String, _ render: @escaping @Sendable () -> String) {
            jobs.append { SiteFile(path: path, contents: Data(render().utf8)) }
        }
        let html = ViewBuilder(catalog: catalog, style: .html)
        let markdown = ViewBuilder(catalog: catalog, style: .markdown)
        // Markdown twins live under markdown/ and use the templates of the same names there.
        for (views, prefix) in [(html, ""), (markdown, "markdown/")] {
            page(prefix + views.paths.index) { theme.render(views.indexView(), prefix + "index") }
            for error in views.errors {
                let code = error.code?.value ?? ""
                page(prefix + views.paths.error(code)) { theme.render(views.errorView(error), prefix + "error.\(code)", prefix + "error") }
            }
            for removed in catalog.settings.removed {
                page(prefix + views.paths.error(removed.code.value)) { theme.render(views.removedView(removed), prefix + "removed") }
            }
            for family in catalog.settings.families {
                page(prefix + views.paths.family(family.id.value)) { theme.render(views.familyView(family), prefix + "family") }
            }
            page(prefix + views.paths.statusCodes) { theme.render(views.statusPlaybookView(), prefix + "status-codes") }
            page(prefix + views.paths.retries) { theme.render(views.retryTableView(), prefix + "retries") }
            for guide in catalog.guides {
                page(prefix + views.paths.guide(guide.slug)) { theme.render(views.guideView(guide), prefix + "guide") }
            }
        }
        let done = Slots<Int>(count: 1)
        let total = jobs.count
        var files = ConcurrentMap.map(jobs) { job in
            let file = job()
            if let progress {
                let count = done.increment(0)
                progress(count, total)
            }
            return file
        }
        func add(_ path: String, _ text: String) { files.append(SiteFile(path: path, contents: Data(text.utf8))) }

        add("404.html", theme.render(html.notFoundView(), "404"))
        add(SearchIndex.path, SearchIndex.script(html))
        if let sitemap = Sitemap.xml(html, pages: files.map(\.path)) { add("sitemap.xml", sitemap) }
        add("llms.txt", AgentIndex.llmsTXT(markdown))
        add("llms-full.txt", AgentIndex.llmsFullTXT(files))
        files.append(SiteFile(path: "registry.json", contents: try Registry(catalog).encoded()))
        add("registry.schema.json", RegistrySchema.json)
        for asset in theme.assets {
            add(asset.path, asset.text)
        }
        return (files.sorted { $0.path < $1.path }, theme.unknownNameDiagnostics())
    }
}
