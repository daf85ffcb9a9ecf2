import CCmark
import Foundation
import Testing

/// The site built from Tests/Fixtures/hostile, a catalog whose every text field carries markup
/// or script: all of it must come out as text. (scripts/site-tests/hostile_test.py also opens
/// every page in Chromium and checks that nothing ran.)
@Suite struct HostileCatalogTests {
    static func build() throws -> (URL, [String: String]) {
        let scratch = try Tool.scratch()
        let catalog = Tool.repository.appendingPathComponent("Tests/Fixtures/hostile").path
        let run = try Tool.run(["build", catalog, "--output", scratch.appendingPathComponent("site").path])
        #expect(run.status == 0, "\(run.stderr)")
        var pages: [String: String] = [:]
        for (path, data) in try Tool.tree(scratch.appendingPathComponent("site")) {
            pages[path] = String(decoding: data, as: UTF8.self)
        }
        return (scratch, pages)
    }

    @Test func noPageHasMarkupFromTheCatalog() throws {
        let (scratch, files) = try Self.build()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.count >= 9)
        for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
            #expect(html.components(separatedBy: "<script").count - 1 == 1, "\(path) has one script tag, errdocs.js")
            try Self.expectNoMarkupFromTheCatalog(html, in: path)
        }
        // A quote followed by a combining mark is one Swift Character, not a quote: escaped
        // by comparing characters it stays raw and ends the attribute it is in.
        let rawQuote = "\"\u{301}"
        for (path, html) in pages {
            #expect(!html.contains(rawQuote), "\(path) has a raw quote before a combining mark")
        }
        // The text is kept, escaped, not dropped.
        let error = try #require(pages["errors/hostile_text/index.html"])
        let description = "content=\"&lt;/script&gt;&lt;script&gt;window.__pwned=&#39;summary&#39;&lt;/script&gt;&lt;!-- summary &quot;\u{301} onmouseover=window.__pwned=1 \">"
        #expect(error.contains(description))
        #expect(error.contains("&lt;script&gt;window.__pwned='title'&lt;/script&gt;") || error.contains("&lt;script&gt;window.__pwned=&#39;title&#39;&lt;/script&gt;"))
    }

    static func expectNoMarkupFromTheCatalog(_ html: String, in path: String) throws {
        let forbidden = [
            #"<script(?![^>]*\bsrc="[./]*assets/errdocs\.js")"#, #"<(iframe|object|svg|style|base|form(?! class="finder")|meta http-equiv|marquee|details open)\b"#,
            #"\son[a-z]+\s*=\s*["']"#, #"(href|src|action|data)\s*=\s*["']?\s*(javascript|vbscript|data):"#, #"<img src=x"#,
        ]
        for pattern in forbidden {
            let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            let match = regex.firstMatch(in: html, range: NSRange(html.startIndex..., in: html))
            #expect(match == nil, "\(path) contains \(match.map { (html as NSString).substring(with: $0.range) } ?? "")")
        }
    }

    /// The Markdown twins and llms files go to other doc systems, some of which pass raw HTML
    /// through: rendered that way (cmark without safe mode) they still carry no markup from the
    /// catalog, only the elements and attributes Markdown itself makes, and a `|` in a title
    /// stays inside its table cell.
    @Test func markdownPagesStayTextWhenRenderedWithRawHTMLAllowed() throws {
        let (scratch, files) = try Self.build()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let pages = files.filter { $0.key.hasSuffix(".md") || $0.key.hasPrefix("llms") }
        #expect(pages.count >= 9)
        let markdownElements: Set<String> = ["p", "h1", "h2", "h3", "ul", "ol", "li", "a", "img", "code", "pre", "em", "strong", "blockquote", "hr", "br"]
        let tag = try NSRegularExpression(pattern: #"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>|<!--|<\?|<!\["#)
        let attribute = try NSRegularExpression(pattern: #"\s([^\s=]+)="([^"]*)""#)
        for (path, markdown) in pages.sorted(by: { $0.key < $1.key }) {
            let rendered = try #require(cmark_markdown_to_html(markdown, markdown.utf8.count, CMARK_OPT_UNSAFE))
            defer { free(rendered) }
            let html = String(cString: rendered) as NSString
            for match in tag.matches(in: html as String, range: NSRange(location: 0, length: html.length)) {
                let whole = html.substring(with: match.range)
                guard match.range(at: 2).location != NSNotFound else {
                    Issue.record("\(path) has \(whole)")
                    continue
                }
                #expect(markdownElements.contains(html.substring(with: match.range(at: 2))), "\(path) has \(whole)")
                let attributes = html.substring(with: match.range(at: 3))
                let named = attribute.matches(in: attributes, range: NSRange(location: 0, length: (attributes as NSString).length))
                let rest = attribute.stringByReplacingMatches(
                    in: attributes, range: NSRange(location: 0, length: (attributes as NSString).length), withTemplate: "")
                #expect(rest.trimmingCharacters(in: .whitespaces).isEmpty || rest == " /", "\(path) has \(whole)")
                for found in named {
                    let name = (attributes as NSString).substring(with: found.range(at: 1))
                    let value = (attributes as NSString).substring(with: found.range(at: 2)).lowercased()
                    // The templates' own anchors, for the HTML pages' fragments: `<a id="family-x">`.
                    let isAnchor = name == "id" && named.count == 1 && html.substring(with: match.range(at: 2)) == "a"
                        && value.range(of: #"^[a-z0-9_.-]+$"#, options: .regularExpression) != nil
                    #expect(isAnchor || ["href", "src", "alt", "title", "class"].contains(name), "\(path) has \(whole)")
                    #expect(!value.hasPrefix("javascript:") && !value.hasPrefix("vbscript:") && !value.hasPrefix("data:"), "\(path) has \(whole)")
                }
            }
        }
        let index = try #require(pages["markdown/index.md"])
        let row = try #require(index.split(separator: "\n").first { $0.contains("[`hostile_text`]") })
        let cellBorders = row.indices.filter { row[$0] == "|" && (row[..<$0].last != "\\") }
        #expect(cellBorders.count == 5, "\(row)")
        #expect(row.contains(#"\| pipe"#))
    }

    @Test func dataFilesKeepTheTextAndStayValid() throws {
        let (scratch, files) = try Self.build()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let registry = try #require(files["registry.json"])
        let object = try JSONSerialization.jsonObject(with: Data(registry.utf8)) as? [String: Any]
        let errors = try #require(object?["errors"] as? [[String: Any]])
        #expect(errors.first { $0["code"] as? String == "hostile_text" }?["title"] as? String
            == "<script>window.__pwned='title'</script>\" onmouseover=\"window.__pwned='attr' | pipe")
        let index = try #require(files["assets/search-index.js"])
        #expect(!index.contains("\u{2028}") && !index.contains("\u{2029}"), "line separators are escaped for JavaScript")
        #expect(index.hasPrefix("window.errdocsSearchIndex = {"))
    }
}
