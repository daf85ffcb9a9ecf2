import Foundation
import Testing

/// Catalog text links to sections of the HTML pages (`../retries/#http`), and the twins keep
/// those fragments (`../retries.md#http`): each twin has the same anchors as its HTML page
/// where a heading's own slug differs.
@Suite struct MarkdownTwinAnchorTests {
    private static let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Site")

    private static func twins() throws -> [String: String] {
        let folder = site.appendingPathComponent("markdown")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
        return try Dictionary(uniqueKeysWithValues: files.filter { $0.hasSuffix(".md") }.map { path in
            ("markdown/" + path, try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8))
        })
    }

    private static func matches(_ pattern: String, in text: String) throws -> [String] {
        try NSRegularExpression(pattern: pattern).matches(in: text, range: NSRange(text.startIndex..., in: text))
            .map { (text as NSString).substring(with: $0.range(at: 1)) }
    }

    /// A twin's anchors and its headings' slugs, as GitHub and most Markdown sites make them.
    private static func fragments(of twin: String) throws -> Set<String> {
        let anchors = try matches(#"<a id="([^"]+)"></a>"#, in: twin)
        let slugs = try matches(#"(?m)^#{1,6} (.+)$"#, in: twin).map { heading in
            heading.replacingOccurrences(of: #"<[^>]+>|\]\([^)]*\)"#, with: "", options: .regularExpression).lowercased()
                .filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
                .replacingOccurrences(of: " ", with: "-")
        }
        return Set(anchors + slugs)
    }

    @Test func everyFragmentLinkOfATwinLandsOnAnAnchor() throws {
        let twins = try Self.twins()
        var checked = 0
        for (path, text) in twins {
            for link in try Self.matches(#"\]\(([^)\s:]+\.md#[^)\s]+)\)"#, in: text) {
                let parts = link.split(separator: "#", maxSplits: 1).map(String.init)
                let target = URL(fileURLWithPath: "/" + path).deletingLastPathComponent().appendingPathComponent(parts[0])
                    .standardized.path.dropFirst()
                let twin = try #require(twins[String(target)], "\(path): \(link) names no twin")
                #expect(try Self.fragments(of: twin).contains(parts[1]), "\(path): \(link) names no anchor of \(target)")
                checked += 1
            }
        }
        #expect(checked >= 1)
    }

    @Test func eachAnchorOfATwinIsAnIdOfItsHTMLPage() throws {
        var checked = 0
        for (path, text) in try Self.twins() {
            let name = String(path.dropFirst("markdown/".count).dropLast(".md".count))
            let page = name == "index" ? "index.html" : name + "/index.html"
            let html = try String(contentsOf: Self.site.appendingPathComponent(page), encoding: .utf8)
            for anchor in try Self.matches(#"<a id="([^"]+)"></a>"#, in: text) {
                #expect(html.contains(#"id="\#(anchor)""#), "\(path): <a id=\"\(anchor)\"> is not an id of \(page)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    /// Catalog links may point at any id of an error page's article (`link-fragment` checks
    /// them against the HTML): the twin has each, as an anchor or as a heading's slug. The
    /// tabs' buttons (`tab-…`) are left out: a link goes to the panel.
    @Test func eachIdOfAnErrorPagesArticleIsAFragmentOfItsTwin() throws {
        let twins = try Self.twins()
        var checked = 0
        for (path, text) in twins where path.hasPrefix("markdown/errors/") {
            let name = String(path.dropFirst("markdown/".count).dropLast(".md".count))
            let html = try String(contentsOf: Self.site.appendingPathComponent(name + "/index.html"), encoding: .utf8)
            guard let start = html.range(of: "<article"), let end = html.range(of: "</article>") else { continue }
            let fragments = try Self.fragments(of: text)
            for id in try Self.matches(#"\sid="([^"]+)""#, in: String(html[start.lowerBound..<end.upperBound])) where !id.hasPrefix("tab-") {
                #expect(fragments.contains(id), "\(path) has no '#\(id)', which \(name)/index.html has")
                checked += 1
            }
        }
        #expect(checked > 300)
    }
}
