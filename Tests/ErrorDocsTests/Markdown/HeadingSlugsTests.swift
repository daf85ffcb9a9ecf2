@testable import ErrorDocs
import Testing

/// Guide headings get the ids GitHub gives a Markdown file's headings, so a link to a section
/// works on the HTML page and on its Markdown twin alike.
@Suite struct HeadingSlugsTests {
    private func slugs(_ headings: [String]) -> [String] {
        var slugs = HeadingSlugs()
        headings.forEach { slugs.add($0) }
        return slugs.slugs
    }

    @Test func slugsAreGitHubs() {
        #expect(slugs(["Setup & install", "retry_after header", "Über uns", "What's 429?", "A  B"])
                == ["setup--install", "retry_after-header", "über-uns", "whats-429", "a--b"])
    }

    @Test func repeatedHeadingsAreNumberedAndContentIsTaken() {
        #expect(slugs(["Setup", "Setup", "Setup", "Content"]) == ["setup", "setup-1", "setup-2", "content-1"])
    }

    @Test func aGuidesHeadingsGetTheirIdsInOrder() {
        let html = CommonMark.html("## Read `code` *first*\n\ntext\n\n### Then\nthis\n\n```\n<h2>not a heading</h2>\n```\n", headingIDs: true)
        #expect(html.contains(#"<h2 id="read-code-first">Read <code>code</code> <em>first</em></h2>"#), "\(html)")
        #expect(html.contains(#"<h3 id="then">Then</h3>"#), "\(html)")
        #expect(html.contains("&lt;h2&gt;not a heading&lt;/h2&gt;"))
        #expect(!CommonMark.html("## Plain\n").contains("id="), "only where asked for")
    }
}
