import ErrorDocsModel
import Foundation

/// `link-fragment`: a link to a `#fragment` of another page (`errors/rate_limited/#recovery-pattern`),
/// or of the page it is on (`#when-youll-see-this` in an error's or a guide's Markdown), names
/// an id that page has. The ids come from the theme's templates, so only the built pages can
/// tell: the build checks each such link against the HTML of the page it points at, made by
/// this build or kept from the last one. A wrong fragment still leads to the right page, at its
/// top, so this is a warning.
enum FragmentCheck {
    static var id: String { RuleRegistry.siteChecks[0].id }

    /// - Parameter page: a built HTML page's bytes by its path; nil for a page that does not
    ///   exist (which `internal-link` reports).
    static func check(_ links: [MarkdownFields.Link], page: (String) -> Data?) -> [Diagnostic] {
        let paths = SitePaths(style: .html)
        var idsByPath: [String: [String]?] = [:]
        var diagnostics: [Diagnostic] = []
        for link in links {
            guard let (target, fragment) = target(of: link), !fragment.isEmpty, !fragment.hasPrefix(":~:") else { continue }  // text fragments
            let path = paths.path(of: target)
            if idsByPath[path] == nil { idsByPath[path] = .some(page(path).map(ids(in:))) }
            guard let ids = idsByPath[path] ?? nil else { continue }
            let wanted = fragment.removingPercentEncoding ?? fragment
            guard !ids.contains(wanted) else { continue }
            let suggestion = Spelling.closest(to: wanted, in: ids).map { "; did you mean '#\($0)'?" } ?? ""
            diagnostics.append(Diagnostic(
                id, .warning, at: link.location,
                "\(link.kind) '\(link.destination)' in \(link.field) points at '#\(fragment)', but \(path) has no element with id '\(wanted)'\(suggestion)"))
        }
        return diagnostics
    }

    /// The page a link points into and its fragment, when it has one.
    private static func target(of link: MarkdownFields.Link) -> (page: PageReference.Page, fragment: String)? {
        if let page = link.page { return (page, String(link.destination.dropFirst())) }
        guard let reference = PageReference(link.destination), let fragment = reference.fragment else { return nil }
        return (reference.page, fragment)
    }

    /// The values of the `id` attributes in `html` (`id="…"` or `id='…'` after white space),
    /// in order. Text and code cannot fake one: escaping turns their quotes into `&quot;`.
    static func ids(in html: Data) -> [String] {
        let i = UInt8(ascii: "i"), d = UInt8(ascii: "d"), equals = UInt8(ascii: "=")
        let quotes: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "'")]
        let spaces: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")]
        var ids: [String] = []
        html.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var index = 1
            while index + 3 < bytes.count {
                guard bytes[index] == i, bytes[index + 1] == d, bytes[index + 2] == equals,
                      spaces.contains(bytes[index - 1]), quotes.contains(bytes[index + 3]) else {
                    index += 1
                    continue
                }
                let quote = bytes[index + 3], start = index + 4
                var end = start
                while end < bytes.count && bytes[end] != quote { end += 1 }
                ids.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                index = end
            }
        }
        return ids
    }
}
