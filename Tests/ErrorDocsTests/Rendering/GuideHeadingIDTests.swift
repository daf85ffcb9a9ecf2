@testable import ErrorDocs
import Foundation
import Testing

/// A guide's headings get ids the rest of its page does not have: the ids its theme's templates
/// write out (the layout's `<main id="content">` in the default theme) are taken, whatever the
/// theme names them.
@Suite struct GuideHeadingIDTests {
    private static func defaultTemplate(_ path: String) throws -> String {
        try String(contentsOf: LoadedFileCodingTests.repository.appendingPathComponent("Templates/" + path), encoding: .utf8)
    }

    @Test func theIdsOfAGuidePageAreTheGuideTemplatesTheLayoutsAndTheirPartials() throws {
        let builtIn = try #require(Theme.load(overlay: nil).theme)
        #expect(builtIn.literalIDs(of: "guide") == ["content"])

        let catalog = try TemporaryCatalog(["errors/bad_request.yaml": TemporaryCatalog.error()])
        defer { catalog.remove() }
        let theme = catalog.folder("theme")
        try FileManager.default.createDirectory(atPath: theme + "/partials", withIntermediateDirectories: true)
        try Self.defaultTemplate("layout.mustache").replacingOccurrences(of: "{{>partials/sidebar}}", with: "{{>partials/toc}}\n{{>partials/sidebar}}")
            .write(toFile: theme + "/layout.mustache", atomically: true, encoding: .utf8)
        try ##"<nav id="toc"><a id='top-link' href="#top">Top</a><span id="toc-{{page.title}}"></span></nav>"##
            .write(toFile: theme + "/partials/toc.mustache", atomically: true, encoding: .utf8)
        try Self.defaultTemplate("guide.mustache").replacingOccurrences(of: "<article class=\"guide\">", with: "<article class=\"guide\" id=\"guide\">")
            .write(toFile: theme + "/guide.mustache", atomically: true, encoding: .utf8)
        let custom = try #require(Theme.load(overlay: theme).theme)
        #expect(custom.literalIDs(of: "guide") == ["content", "toc", "top-link", "guide"], "an id made of a value is left out")
        #expect(!custom.literalIDs(of: "error").contains("guide"), "another page's template is not the guide's")
    }

    /// A theme whose layout's main element is `<main id="main">`: a guide heading "Main" gets
    /// `main-1`, so the page has no id twice; "Content" is free under that theme.
    @Test func aHeadingDoesNotTakeAnIdOfTheThemesLayout() throws {
        let catalog = try TemporaryCatalog([
            "errors/bad_request.yaml": TemporaryCatalog.error(),
            "guides/setup.md": "# Setup\n\nSee [the main part](guides/setup#main-1).\n\n## Main\n\nText.\n\n## Content\n\nMore.\n",
        ])
        defer { catalog.remove() }
        let theme = catalog.folder("theme")
        try FileManager.default.createDirectory(atPath: theme, withIntermediateDirectories: true)
        let layout = try Self.defaultTemplate("layout.mustache")
        #expect(layout.contains(#"<main id="content" tabindex="-1">"#) && layout.contains(##"href="#content""##))
        try layout.replacingOccurrences(of: #"<main id="content""#, with: #"<main id="main""#)
            .replacingOccurrences(of: ##"href="#content""##, with: ##"href="#main""##)
            .write(toFile: theme + "/layout.mustache", atomically: true, encoding: .utf8)
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: theme, into: &output)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.filter { $0.ruleID == "link-fragment" }.isEmpty, "\(report.diagnostics)")
        let page = try #require(output.files["guides/setup/index.html"]?.contents)
        let ids = FragmentCheck.ids(in: page)
        #expect(ids.filter { $0 == "main" }.count == 1, "\(ids)")
        #expect(Set(ids).count == ids.count, "no id twice: \(ids)")
        let html = String(decoding: page, as: UTF8.self)
        #expect(html.contains(#"<h2 id="main-1">Main</h2>"#) && html.contains(#"<h2 id="content">Content</h2>"#), "\(html)")
    }
}
