@testable import ErrorDocs
import Foundation
import Testing

/// Builds the test catalog with `files` (path → text) over it and returns the files written.
private func build(_ files: [String: String]) throws -> [String: String] {
    let catalog = try TemporaryCatalog(files)
    defer { catalog.remove() }
    var output = MemoryOutput()
    let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
    #expect(report.succeeded, "\(report.diagnostics)")
    return output.files.mapValues { String(decoding: $0.contents, as: UTF8.self) }
}

/// Catalog values the Markdown twins put inside code spans, code blocks and links show exactly
/// as written once a Markdown renderer has read them: no backslash of escaping left over in
/// code or in an address, no backtick in the value ending its code span early.
@Suite struct MarkdownTwinLiteralTests {
    private func html(_ markdown: String?) throws -> String {
        CommonMark.html(try #require(markdown), link: { _ in nil })
    }

    @Test func endpointsAndHeaderNamesShowAsWrittenInTheirCodeSpans() throws {
        let error = TemporaryCatalog.error(extra: """
            endpoints:
              - GET /v1/messages?status=bounced&limit=50
              - GET /v1/_health
              - POST /v1/`odd`
            headers:
              - name: X-Debug~Trace
                description: Set on every response.
            """)
        let twin = try build(["errors/bad_request.yaml": error])["markdown/errors/bad_request.md"]
        let page = try html(twin)
        #expect(page.contains("<code>GET /v1/messages?status=bounced&amp;limit=50</code>"), "\(page)")
        #expect(page.contains("<code>GET /v1/_health</code>"), "\(page)")
        #expect(page.contains("<code>POST /v1/`odd`</code>"), "a backtick stays inside the span: \(page)")
        #expect(page.contains("<code>X-Debug~Trace</code>"), "\(page)")
    }

    @Test func aHeaderNameWithAPipeStaysInItsTableCell() throws {
        let error = TemporaryCatalog.error(extra: """
            headers:
              - name: X-A|B
                description: Odd but legal.
            """)
        let twin = try #require(try build(["errors/bad_request.yaml": error])["markdown/errors/bad_request.md"])
        #expect(twin.contains(#"| `X-A\|B` | Odd but legal. |"#), "\(twin)")
    }

    /// `<…>` is an autolink, where CommonMark reads no backslash escape: the address must be
    /// written as it is.
    @Test func thePermanentLinkKeepsItsAddress() throws {
        let settings = TemporaryCatalog.settings
            .replacingOccurrences(of: "doc_url: https://docs.test.example/errors/{code}",
                                  with: "doc_url: https://docs.test.example/~api/errors?code={code}&lang=en")
            + "\nremoved:\n  - code: gone_error\n    reason: No longer returned.\n"
        let files = try build(["catalog.yaml": settings, "errors/bad_request.yaml": TemporaryCatalog.error()])
        #expect(try html(files["markdown/errors/bad_request.md"])
            .contains(#"<a href="https://docs.test.example/~api/errors?code=bad_request&amp;lang=en">"#))
        #expect(try html(files["markdown/errors/gone_error.md"])
            .contains(#"<a href="https://docs.test.example/~api/errors?code=gone_error&amp;lang=en">"#))
    }
}

/// What a reader of the twins, a person or an AI agent, needs to act on an error is on the page.
@Suite struct MarkdownTwinContentTests {
    /// The schedule (attempts, delays) was only in "Recovery pattern", which an error without
    /// recovery code did not have: the page said "Retry with backoff" and nothing more.
    @Test func aRetryableErrorWithoutRecoveryCodeStillSaysHowToRetry() throws {
        let files = try build(["errors/internal.yaml": TemporaryCatalog.error("internal", status: 500, family: "server")])
        let how = "Exponential backoff, 3 attempts in all, starting at 2 s up to 30 s, with jitter."
        #expect(try #require(files["markdown/errors/internal.md"]).contains(how))
        #expect(try #require(files["errors/internal/index.html"]).contains(how))
    }

    /// The playbook's "Common triggers" are error titles, several words each: only a space
    /// apart, a renderer shows one run of words.
    @Test func theTriggersOfAStatusAreKeptApart() throws {
        let files = try build([
            "errors/a.yaml": TemporaryCatalog.error("a_error"),
            "errors/b.yaml": TemporaryCatalog.error("b_error"),
        ])
        let page = CommonMark.html(try #require(files["markdown/status-codes.md"]), link: { _ in nil })
        #expect(page.contains("Bad request a_error</a>"), "\(page)")
        #expect(page.range(of: #"</a>\s*<a href="errors/b_error.md""#, options: .regularExpression) == nil, "\(page)")
    }

    /// llms.txt is read on its own: the catalog's description keeps its internal links, made
    /// absolute and pointed at the Markdown twins like every other link there.
    @Test func theDescriptionInLlmsTxtLinksToTheTwins() throws {
        let settings = TemporaryCatalog.settings.replacingOccurrences(
            of: "name: Test API\n", with: "name: Test API\ndescription: See the [retry table](retries#http) and [bad requests](errors/bad_request).\n")
        let llms = try #require(try build(["catalog.yaml": settings, "errors/bad_request.yaml": TemporaryCatalog.error()])["llms.txt"])
        #expect(llms.contains("See the [retry table](https://docs.test.example/markdown/retries.md#http) and "
            + "[bad requests](https://docs.test.example/markdown/errors/bad_request.md)."), "\(llms)")
    }

    /// An agent reading llms.txt learns from each error's line where it meets the error and
    /// whether to retry it, before it fetches the page.
    @Test func eachErrorOfLlmsTxtSaysItsStatusAndWhetherToRetry() throws {
        let llms = try #require(try build([
            "errors/bad_request.yaml": TemporaryCatalog.error(),
            "errors/unavailable.yaml": TemporaryCatalog.error("unavailable", status: 503, family: "server"),
        ])["llms.txt"])
        #expect(llms.contains("/markdown/errors/bad_request.md): HTTP 400 · Retry after a fix · "), "\(llms)")
        #expect(llms.contains("/markdown/errors/unavailable.md): HTTP 503 · Retry with backoff · "), "\(llms)")
    }

    /// cmark closes a code block where its field ends, so the HTML page looked right; in the
    /// twin the block ran on over the next sections (and, at the end of a guide, over the next
    /// pages of llms-full.txt).
    @Test func aCodeBlockLeftOpenEndsWithItsField() throws {
        let error = TemporaryCatalog.error(replacing: "meaning: The body is not what the endpoint expects.\n",
                                           with: "meaning: |\n  For example:\n\n  ```json\n  {\"to\": 1}\n")
        let files = try build(["errors/bad_request.yaml": error, "guides/a-guide.md": "# A guide\n\n```sh\ncurl x\n",
                               "guides/b-guide.md": "# B guide\n\nText.\n"])
        let page = CommonMark.html(try #require(files["markdown/errors/bad_request.md"]), link: { _ in nil })
        #expect(page.contains("<h2>When you'll see this</h2>"), "\(page)")
        let full = CommonMark.html(try #require(files["llms-full.txt"]), link: { _ in nil })
        #expect(full.contains("<h1>B guide</h1>"), "\(full)")
    }

    /// The note was run into the "Deprecated since …" line: a note that starts with a list,
    /// a heading or a code block lost it, as the first line became words of that paragraph.
    @Test func aDeprecationNoteStartingWithAListKeepsIt() throws {
        let error = TemporaryCatalog.error(extra: """
            deprecated:
              since: 1.0.0
              note: |
                1. Match on both codes.
                2. Then drop this one.
            """)
        let page = CommonMark.html(try #require(try build(["errors/bad_request.yaml": error])["markdown/errors/bad_request.md"]),
                                   link: { _ in nil })
        #expect(page.contains("<blockquote>\n<p><strong>Deprecated since 1.0.0.</strong></p>\n<ol>\n<li>Match on both codes.</li>"), "\(page)")
    }
}
