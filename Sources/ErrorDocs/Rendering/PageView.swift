/// What every page's layout needs: names, the way back to the root, and the sidebar.
struct PageView: Sendable, Encodable {
    /// A family in the sidebar; only the current page's family lists its errors, so pages
    /// stay small in catalogs of thousands of errors.
    struct NavFamily: Sendable, Encodable {
        var title: String
        var link: String
        var count: Int
        var current: Bool
        /// Set when `errors` shows only part of the family.
        var partial: Bool
        /// The current family's errors; in a large family only those around the current page.
        var errors: [NavError]
    }

    /// A family larger than this lists only the errors near the current one, so that pages
    /// stay the same size however large the catalog grows.
    static let sidebarWindow = 10

    struct NavError: Sendable, Encodable {
        var code: String
        var title: String
        var link: String
        var current: Bool
    }

    struct NavGuide: Sendable, Encodable {
        var title: String
        var link: String
    }

    var siteName: String
    var version: String
    /// Relative path from this page to the site root, `""` or `../../`.
    var root: String
    var title: String
    var description: String
    /// Relative link to this page's twin in the other format (HTML ↔ Markdown); nil for 404.html.
    var twinLink: String?
    /// The page's public URL (`base_url` + path, without `index.html`); HTML pages only.
    var canonical: String?
    /// "Edit this page", when `catalog.yaml` has an `edit_url` and the page has a source file.
    var editLink: String?
    var indexLink: String
    var statusCodesLink: String
    var retriesLink: String
    var families: [NavFamily]
    var guides: [NavGuide]
}
