@testable import ErrorDocs
import Foundation
import Testing

/// A cause, quick-fix step or prevention item may hold several paragraphs or a code block, and
/// a deprecation note several paragraphs: in the Markdown twin all of it stays inside its list
/// item or block quote, as on the HTML page.
@Suite struct MarkdownTwinBlocksTests {
    static let error = """
        code: bad_request
        title: Bad request
        status: 400
        family: validation
        summary: The request could not be understood.
        meaning: The body is not what the endpoint expects.
        causes:
          - |
            A field is missing.

            Or it is empty.
        example:
          status: 400
          body:
            error: bad_request
            message: Something is wrong.
        quick_fix:
          - |
            Send the body again:

            ```sh
            curl -d @body.json https://api.test.example/
            ```
          - Then check the reply.
        deprecated:
          since: 1.0.0
          note: |
            First paragraph of the note.

            Second paragraph of the note.
        """

    /// The twin of the error page, as a Markdown renderer makes it.
    private func renderedTwin() throws -> String {
        let catalog = try TemporaryCatalog(["errors/bad_request.yaml": Self.error])
        defer { catalog.remove() }
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(report.succeeded, "\(report.diagnostics)")
        let twin = String(decoding: try #require(output.files["markdown/errors/bad_request.md"]).contents, as: UTF8.self)
        return CommonMark.html(twin, link: { _ in nil })
    }

    /// The part of `html` from `start` to the first `end` after it.
    private func section(_ html: String, from start: String, to end: String) throws -> Substring {
        let from = try #require(html.range(of: start), "no \(start)")
        let to = try #require(html.range(of: end, range: from.upperBound..<html.endIndex), "no \(end) after \(start)")
        return html[from.lowerBound..<to.upperBound]
    }

    @Test func aCauseWithTwoParagraphsIsOneListItem() throws {
        let item = try section(try renderedTwin(), from: "A field is missing.", to: "</li>")
        #expect(item.contains("Or it is empty."))
    }

    @Test func aStepWithACodeBlockKeepsTheNumberedList() throws {
        let html = try renderedTwin()
        let list = try section(html, from: "<ol>", to: "</ol>")
        #expect(list.contains("<code class=\"language-sh\">curl -d @body.json"))
        #expect(list.contains("Then check the reply."))
        #expect(html.components(separatedBy: "<ol").count == 2, "the steps are one list")
    }

    @Test func aNoteWithTwoParagraphsStaysInTheQuote() throws {
        let quote = try section(try renderedTwin(), from: "<blockquote>", to: "</blockquote>")
        #expect(quote.contains("First paragraph of the note.") && quote.contains("Second paragraph of the note."))
    }
}
