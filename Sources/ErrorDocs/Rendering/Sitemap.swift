/// `sitemap.xml` (sitemaps.org protocol): the public URL of every HTML page but `404.html`,
/// from `base_url`. No `lastmod`: output must not depend on when it was built.
enum Sitemap {
    static func xml(_ views: ViewBuilder, pages: [String]) -> String? {
        guard let base = views.settings.baseURL?.value else { return nil }
        let urls = pages.filter { $0.hasSuffix(".html") && !$0.hasPrefix("markdown/") && $0 != "404.html" }.sorted().map { path in
            "<url><loc>\(escapeMarkup(SitePaths.publicURL(of: path, base: base)))</loc></url>\n"
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            \(urls.joined())</urlset>

            """
    }
}
