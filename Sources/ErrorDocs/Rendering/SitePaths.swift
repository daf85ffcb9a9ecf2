import ErrorDocsModel
import Foundation

/// Where each page lives, for the HTML site and for its Markdown twin under `markdown/`.
///
/// Paths are relative to the site root (HTML) or to `markdown/` (Markdown), and every link in a
/// page is `root + path`, where `root` climbs back from the page's folder. Links name
/// `index.html` explicitly so the site also works from `file://`.
struct SitePaths: Sendable {
    enum Style: Sendable { case html, markdown }
    let style: Style

    var index: String { style == .html ? "index.html" : "index.md" }
    func error(_ code: String) -> String { style == .html ? "errors/\(code)/index.html" : "errors/\(code).md" }
    func family(_ id: String) -> String { style == .html ? "families/\(id)/index.html" : "families/\(id).md" }
    func guide(_ slug: String) -> String { style == .html ? "guides/\(slug)/index.html" : "guides/\(slug).md" }
    var statusCodes: String { style == .html ? "status-codes/index.html" : "status-codes.md" }
    var retries: String { style == .html ? "retries/index.html" : "retries.md" }

    func path(of page: PageReference.Page) -> String {
        switch page {
        case .error(let code): error(code)
        case .family(let id): family(id)
        case .guide(let slug): guide(slug)
        case .statusCodes: statusCodes
        case .retries: retries
        case .index: index
        }
    }

    /// The path of `base_url` with a trailing slash (`/docs/` for `https://example.com/docs`),
    /// where the site's root is on its host; nil without a `base_url`.
    static func hostPath(_ settings: CatalogSettings) -> String? {
        settings.baseURL.flatMap { URLComponents(string: $0.value)?.percentEncodedPath }.map { siteRoot($0) }
    }

    /// `base_url` with exactly one trailing slash, so paths can follow it.
    static func siteRoot(_ base: String) -> String {
        base.hasSuffix("/") ? base : base + "/"
    }

    /// A page's public address: `https://docs.example.com/errors/x/` for `errors/x/index.html`.
    static func publicURL(of path: String, base: String) -> String {
        siteRoot(base) + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    /// The relative path from a page back to its root, e.g. `../../` for `errors/x/index.html`.
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}
