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
        // Found by bytes, without splitting into new strings: every link of the catalog is
        // looked at on each build.
        let slash = UInt8(ascii: "/")
        var path = Substring(destination)
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = String(path[path.utf8.index(after: hash)...])
            path = path[..<hash]
        }
        if path.utf8.last == slash { path = path[..<path.utf8.index(before: path.endIndex)] }
        guard let separator = path.utf8.firstIndex(of: slash) else {
            switch path {
            case "index": page = .index
            case "status-codes": page = .statusCodes
            case "retries": page = .retries
            default: return nil
            }
            return
        }
        let name = path[path.utf8.index(after: separator)...]
        guard !name.isEmpty, !name.utf8.contains(slash) else { return nil }
        switch path[..<separator] {
        case "errors": page = .error(String(name))
        case "families": page = .family(String(name))
        case "guides": page = .guide(String(name))
        default: return nil
        }
    }
}
