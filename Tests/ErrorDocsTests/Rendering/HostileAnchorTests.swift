@testable import ErrorDocs
import Foundation
import Testing

/// A family id is written into the twins' `<a id="…">`, where Markdown escaping does not
/// protect it: it goes through ``htmlID(_:)`` there, and through HTML escaping on the HTML page.
@Suite struct HostileAnchorTests {
    @Test func aFamilyIdWithAQuoteStaysInsideTheAnchor() throws {
        let hostile = #"validation" onclick="alert(1)"#
        // family-id-format reports such an id; a catalog can turn it off, and the anchor must hold.
        let settings = TemporaryCatalog.settings.replacingOccurrences(of: "  - id: validation", with: "  - id: '\(hostile)'")
            + "\nlint:\n  disable: [family-id-format]\n"
        let error = TemporaryCatalog.error().replacingOccurrences(of: "family: validation", with: "family: '\(hostile)'")
        let catalog = try TemporaryCatalog(["catalog.yaml": settings, "errors/bad_request.yaml": error])
        defer { catalog.remove() }
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(report.succeeded, "\(report.diagnostics)")
        for path in ["markdown/index.md", "llms-full.txt", "index.html"] {
            let text = String(decoding: try #require(output.files[path]).contents, as: UTF8.self)
            #expect(!text.contains(#"onclick="alert(1)"></a>"#) && !text.contains(#"onclick="alert(1)">"#), "\(path)")
        }
        let twin = String(decoding: try #require(output.files["markdown/index.md"]).contents, as: UTF8.self)
        #expect(twin.contains(#"<a id="family-validation--onclick--alert-1-"></a>"#))
    }
}
