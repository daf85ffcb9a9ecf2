@testable import ErrorDocs
import Foundation
import Testing

/// Hosts answer 404.html for a missing page at any address (`/errors/nope/`), so its links
/// cannot be relative to its own folder.
@Suite struct NotFoundPageTests {
    private func notFoundPage(baseURL: String) throws -> String {
        let settings = TemporaryCatalog.settings.replacingOccurrences(of: "base_url: https://docs.test.example/", with: "base_url: \(baseURL)")
        let catalog = try TemporaryCatalog(["catalog.yaml": settings, "errors/bad_request.yaml": TemporaryCatalog.error()])
        defer { catalog.remove() }
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(report.succeeded, "\(report.diagnostics)")
        return String(decoding: try #require(output.files["404.html"]).contents, as: UTF8.self)
    }

    @Test(arguments: [("https://docs.test.example/", "/"), ("https://docs.test.example", "/"),
                      ("https://test.example/api%20docs/v2", "/api%20docs/v2/")])
    func linksStartAtTheBaseURLsPath(baseURL: String, root: String) throws {
        let page = try notFoundPage(baseURL: baseURL)
        #expect(page.contains(#"<link rel="stylesheet" href="\#(root)assets/style.css">"#))
        #expect(page.contains(#"href="\#(root)status-codes/index.html""#))
        #expect(page.contains(#"<script src="\#(root)assets/errdocs.js" data-root="\#(root)">"#))
    }
}
