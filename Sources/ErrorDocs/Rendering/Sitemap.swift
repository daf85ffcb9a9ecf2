import Foundation

/// `sitemap.xml` (sitemaps.org protocol): the public URL of every HTML page but `404.html`,
/// from `base_url`. No `lastmod`: output must not depend on when it was built.
enum Sitemap {
    /// Whether the site has a sitemap: only when the catalog gives its `base_url`.
    static func isWritten(for views: ViewBuilder) -> Bool { views.settings.baseURL != nil }

    /// The sitemap, handed to `append` a megabyte at a time.
    static func xml(_ views: ViewBuilder, pages: [String], into append: (Data) throws -> Void) throws {
        let base = views.settings.baseURL?.value ?? ""
        var chunks = Chunks()
        try chunks.add("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """, to: append)
        for path in pages.filter({ $0.hasSuffix(".html") && !$0.hasPrefix("markdown/") && $0 != "404.html" }).sorted() {
            try chunks.add("<url><loc>\(escapeMarkup(SitePaths.publicURL(of: path, base: base)))</loc></url>\n", to: append)
        }
        try chunks.add("</urlset>\n", to: append)
        try chunks.finish(to: append)
    }
}
