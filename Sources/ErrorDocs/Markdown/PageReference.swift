/// The target of an internal link in catalog Markdown, written relative to the site root:
/// `errors/<code>`, `families/<id>`, `guides/<slug>`, `status-codes`, `retries` or `index`,
/// each optionally followed by `/` and/or `#fragment`. The `internal-link` rule checks that the
/// page exists; rendering turns the reference into a relative link from the current page.
struct PageReference: Equatable {
    enum Page: Equatable {
        case error(String), family(String), guide(String), statusCodes, retries, index
    }

    var page: Page
    /// Without the `#`.
    var fragment: String?

    /// Nil when `destination` is none of the forms above.
    init?(_ destination: String) {
        var path = Substring(destination)
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        if path.hasSuffix("/") { path = path.dropLast() }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch (parts.count, parts.first ?? "") {
        case (1, "index"): page = .index
        case (1, "status-codes"): page = .statusCodes
        case (1, "retries"): page = .retries
        case (2, "errors") where !parts[1].isEmpty: page = .error(parts[1])
        case (2, "families") where !parts[1].isEmpty: page = .family(parts[1])
        case (2, "guides") where !parts[1].isEmpty: page = .guide(parts[1])
        default: return nil
        }
    }
}
