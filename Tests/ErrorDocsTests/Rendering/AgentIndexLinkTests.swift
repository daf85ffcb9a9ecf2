@testable import ErrorDocs
import Foundation
import Testing

/// llms-full.txt sits at the site root: the twins' relative links are made relative to it.
@Suite struct AgentIndexLinkTests {
    private func rooted(_ page: String, at path: String) -> String {
        String(decoding: AgentIndex.rootingLinks(Array(page.utf8), at: path), as: UTF8.self)
    }

    @Test func relativeLinksAreMadeRelativeToTheSiteRoot() {
        let page = "See [`b`](../errors/b.md), [retries](../retries.md#http) and [site](https://x.example/a) or [top](#top).\n"
        #expect(rooted(page, at: "markdown/errors/a.md")
            == "See [`b`](markdown/errors/b.md), [retries](markdown/retries.md#http) and [site](https://x.example/a) or [top](#top).\n")
        #expect(rooted("| [`a`](errors/a.md) |", at: "markdown/index.md") == "| [`a`](markdown/errors/a.md) |")
    }

    @Test func codeBlocksAreLeftAlone() {
        let page = "[a](../a.md)\n````python\nprint(\"[x](../y)\")\n```\nstill code [z](../z)\n````\n[b](../b.md)"
        #expect(rooted(page, at: "markdown/errors/e.md")
            == "[a](markdown/a.md)\n````python\nprint(\"[x](../y)\")\n```\nstill code [z](../z)\n````\n[b](markdown/b.md)")
    }

    @Test func codeBlocksInListItemsAreLeftAlone() {
        let page = "1. Send:\n\n    ```sh\n    echo '[x](../y)'\n    ```\n2. See [b](../b.md)"
        #expect(rooted(page, at: "markdown/errors/e.md")
            == "1. Send:\n\n    ```sh\n    echo '[x](../y)'\n    ```\n2. See [b](markdown/b.md)")
    }

    /// Inside a fence, an indented fence line is code, not the end of the block.
    @Test func anIndentedFenceLineInsideCodeDoesNotCloseIt() {
        let page = "```text\n    ```\n[x](../y.md)\n```\n\nSee [r](../retries.md)."
        #expect(rooted(page, at: "markdown/errors/e.md") == "```text\n    ```\n[x](../y.md)\n```\n\nSee [r](markdown/retries.md).")
    }

    /// A 4-space fence outside a list item is an indented code line, not a fence.
    @Test func anIndentedFenceOutsideAListIsNotAFence() {
        let page = "Text.\n\n    ```\n\nSee [r](../retries.md)."
        #expect(rooted(page, at: "markdown/errors/e.md") == "Text.\n\n    ```\n\nSee [r](markdown/retries.md).")
    }

    /// A deprecation note is quoted line by line, fences and all.
    @Test func codeBlocksInQuotesAreLeftAlone() {
        let page = "> Note:\n>\n> ```markdown\n> See [n](../n.md)\n> ```\n>\n> Use [m](../m.md)."
        #expect(rooted(page, at: "markdown/errors/e.md")
            == "> Note:\n>\n> ```markdown\n> See [n](../n.md)\n> ```\n>\n> Use [m](markdown/m.md).")
    }

    /// Every relative link in the default catalog's llms-full.txt names a file of the site.
    @Test func theCommittedSitesLlmsFullLinksResolve() throws {
        let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Site")
        let text = try String(contentsOf: site.appendingPathComponent("llms-full.txt"), encoding: .utf8)
        let links = try NSRegularExpression(pattern: #"\]\(([^)\s:]+)\)"#)
            .matches(in: text, range: NSRange(text.startIndex..., in: text))
            .map { (text as NSString).substring(with: $0.range(at: 1)) }
            .filter { !$0.hasPrefix("#") }
        #expect(links.count > 100)
        let missing = links.filter { link in
            !FileManager.default.fileExists(atPath: site.appendingPathComponent(String(link.split(separator: "#")[0])).path)
        }
        #expect(missing.isEmpty, "\(missing.prefix(5))")
    }
}
