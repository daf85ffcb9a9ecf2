import Testing
@testable import ErrorDocs

/// Internal links (`errors/<code>` and friends) become links relative to the page, in HTML and
/// in the Markdown twins; every other destination is left alone.
@Suite struct InternalLinkRenderingTests {
    @Test(arguments: [
        ("errors/rate_limited", PageReference.Page.error("rate_limited"), nil as String?),
        ("errors/rate_limited/#recovery", .error("rate_limited"), "recovery"),
        ("families/auth", .family("auth"), nil),
        ("guides/retry-strategy#backoff", .guide("retry-strategy"), "backoff"),
        ("status-codes", .statusCodes, nil),
        ("retries/", .retries, nil),
        ("index", .index, nil),
    ])
    func acceptedFormsAreRecognised(destination: String, page: PageReference.Page, fragment: String?) throws {
        let reference = try #require(PageReference(destination))
        #expect(reference.page == page)
        #expect(reference.fragment == fragment)
    }

    @Test(arguments: ["errors/", "errors//", "errors/a/b", "families/a/b/", "/", "../rate_limited", "foo", "https://example.com/errors/x", "#top", ""])
    func otherDestinationsAreNotPageReferences(destination: String) {
        #expect(PageReference(destination) == nil)
    }

    private let rewrite = { (destination: String) -> String? in
        PageReference(destination).map { _ in "../../" + destination + ".html" }
    }

    @Test func htmlLinksAreRewrittenAndEverythingElseKept() {
        let html = CommonMark.html("See [a](errors/x), ![i](errors/y) and [b](https://example.com/) or [c](javascript:alert(1)).", link: rewrite)
        #expect(html == "<p>See <a href=\"../../errors/x.html\">a</a>, <img src=\"../../errors/y.html\" alt=\"i\" /> and <a href=\"https://example.com/\">b</a> or <a href=\"\">c</a>.</p>\n")
    }

    @Test func markdownKeepsTheAuthorsTextAroundRewrittenDestinations() {
        let markdown = "Use [*a*](errors/x \"title\") and [b][ref].\n\n  [ref]: errors/y\n[ext](https://example.com/errors/x)"
        #expect(CommonMark.replacingDestinations(in: markdown, rewrite)
            == "Use [*a*](../../errors/x.html \"title\") and [b][ref].\n\n  [ref]: ../../errors/y.html\n[ext](https://example.com/errors/x)")
    }

    @Test func twoLinksToTheSamePageOnOneLineAreBothRewritten() {
        #expect(CommonMark.replacingDestinations(in: "[é](errors/x) [x](errors/x)", rewrite)
            == "[é](../../errors/x.html) [x](../../errors/x.html)")
    }
}
