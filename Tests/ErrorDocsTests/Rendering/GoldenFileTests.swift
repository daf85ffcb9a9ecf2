import ErrorDocs
import Foundation
import Testing

/// The rendered output of a fixture catalog that uses every section, compared byte for byte
/// with reviewed golden files.
@Suite struct GoldenFileTests {
    static let fixture = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    static func build() throws -> [String: SiteFile] {
        var output = MemoryOutput()
        let report = try Pipeline.build(fixture.path, templates: nil, into: &output)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        return output.files
    }

    @Test func errorPageHTML() throws {
        let file = try #require(try Self.build()["errors/rate_limited/index.html"])
        try Snapshot.assertMatches(file.contents, named: "rate_limited.html")
    }

    @Test func errorPageMarkdown() throws {
        let file = try #require(try Self.build()["markdown/errors/rate_limited.md"])
        try Snapshot.assertMatches(file.contents, named: "rate_limited.md")
    }

    @Test func deprecatedErrorPageHTML() throws {
        let file = try #require(try Self.build()["errors/quota_exceeded/index.html"])
        try Snapshot.assertMatches(file.contents, named: "quota_exceeded.html")
    }

    /// The site-wide files for browsers, crawlers and agents.
    @Test(arguments: ["404.html", "sitemap.xml", "llms.txt", "llms-full.txt", "assets/search-index.js",
                      "errors/sender_rejected/index.html", "markdown/errors/sender_rejected.md"])
    func siteFile(_ path: String) throws {
        let file = try #require(try Self.build()[path])
        try Snapshot.assertMatches(file.contents, named: path.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: "-index.html", with: ".html"))
    }

    @Test func registry() throws {
        let file = try #require(try Self.build()["registry.json"])
        try Snapshot.assertMatches(file.contents, named: "registry.json")
    }

    @Test func retryClassification() throws {
        let file = try #require(try Self.build()["markdown/retries.md"])
        try Snapshot.assertMatches(file.contents, named: "retries.md")
    }
}
