/// What every page's layout needs: names, the way back to the root, and the sidebar.
struct PageView: Sendable {
    struct NavFamily: Sendable {
        var title: String
        var link: String
        var errors: [NavError]
    }

    struct NavError: Sendable {
        var code: String
        var title: String
        var link: String
        var current: Bool
    }

    struct NavGuide: Sendable {
        var title: String
        var link: String
    }

    var siteName: String
    var version: String
    /// Relative path from this page to the site root, `""` or `../../`.
    var root: String
    var title: String
    var description: String
    /// Relative link to this page's twin in the other format (HTML ↔ Markdown).
    var twinLink: String
    var indexLink: String
    var statusCodesLink: String
    var retriesLink: String
    var families: [NavFamily]
    var guides: [NavGuide]
}
