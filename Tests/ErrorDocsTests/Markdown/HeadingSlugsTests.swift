@testable import ErrorDocs
import Testing

/// Guide headings get the ids GitHub gives a Markdown file's headings, so a link to a section
/// works on the HTML page and on its Markdown twin alike.
@Suite struct HeadingSlugsTests {
    private func slugs(_ headings: [String], taken: Set<String> = []) -> [String] {
        var slugs = HeadingSlugs(taken: taken)
        headings.forEach { slugs.add($0) }
        return slugs.slugs
    }

    @Test func slugsAreGitHubs() {
        #expect(slugs(["Setup & install", "retry_after header", "Über uns", "What's 429?", "A  B"])
                == ["setup--install", "retry_after-header", "über-uns", "whats-429", "a--b"])
    }

    @Test func repeatedHeadingsAreNumbered() {
        #expect(slugs(["Setup", "Setup", "Setup", "Content"]) == ["setup", "setup-1", "setup-2", "content"])
    }

    /// The page's other ids (its templates') are taken, as if headings before the first had them.
    @Test func takenIdsAreNumberedPast() {
        #expect(slugs(["Main", "Content", "Main", "Setup"], taken: ["main", "content"]) == ["main-1", "content-1", "main-2", "setup"])
    }

    @Test func aGuidesHeadingsGetTheirIdsInOrder() {
        let html = CommonMark.html("## Read `code` *first*\n\ntext\n\n### Then\nthis\n\n```\n<h2>not a heading</h2>\n```\n",
                                   headings: HeadingSlugs(taken: []))
        #expect(html.contains(#"<h2 id="read-code-first">Read <code>code</code> <em>first</em></h2>"#), "\(html)")
        #expect(html.contains(#"<h3 id="then">Then</h3>"#), "\(html)")
        #expect(html.contains("&lt;h2&gt;not a heading&lt;/h2&gt;"))
        #expect(!CommonMark.html("## Plain\n").contains("id="), "only where asked for")
    }
}
