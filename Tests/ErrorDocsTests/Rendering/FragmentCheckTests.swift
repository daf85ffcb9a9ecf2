@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

/// `link-fragment`: a link to another page's `#fragment` is checked against the ids of that
/// page as built, in every build, including those that keep the page or change nothing.
@Suite struct FragmentCheckTests {
    @Test func idsAreReadFromAttributesOnly() {
        let html = """
            <section id="causes"><h2 class="x"\tid='prevention'>Prevention</h2>
            <div data-id="not-this"></div><p>id=&quot;fake&quot; and id="</p><a
            id="last">x</a>
            """
        // The quote in the text above ends the scan at the next quote; real text escapes it.
        #expect(FragmentCheck.ids(in: Data(html.utf8)).prefix(2) == ["causes", "prevention"])
        #expect(!FragmentCheck.ids(in: Data(html.utf8)).contains("not-this"))
        #expect(!FragmentCheck.ids(in: Data(html.utf8)).contains("fake"))
        #expect(FragmentCheck.ids(in: Data("<a\nid=\"last\">".utf8)) == ["last"])
    }

    /// bad_request links to three fragments of rate_limited's page: one it has, one misspelt,
    /// one it never had.
    private static func catalog() throws -> TemporaryCatalog {
        let linking = TemporaryCatalog.error().replacingOccurrences(
            of: "meaning: The body is not what the endpoint expects.",
            with: "meaning: See [meaning](errors/rate_limited/#what-this-means), [causes](errors/rate_limited#what-this-mean) and [x](errors/rate_limited/#nothing-like-it).")
        return try TemporaryCatalog([
            "errors/bad_request.yaml": linking,
            "errors/rate_limited.yaml": TemporaryCatalog.error("rate_limited", status: 429, family: "rate_limit",
                                                               extra: "headers:\n  - name: Retry-After\n    description: Seconds to wait."),
            "errors/internal.yaml": TemporaryCatalog.error("internal", status: 500, family: "server"),
        ])
    }

    @Test func aFragmentThePageLacksIsAWarningAtTheLink() throws {
        let catalog = try Self.catalog()
        defer { catalog.remove() }
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(report.succeeded, "\(report.diagnostics)")
        let found = report.diagnostics.filter { $0.ruleID == "link-fragment" }
        #expect(found.map(\.severity) == [.warning, .warning])
        #expect(found.map(\.location.file) == [catalog.root.path + "/errors/bad_request.yaml"] * 2)
        #expect(found.map(\.location.line) == [6, 6])
        #expect(found.map(\.location.column) == [63, 112], "each at the start of its link")
        #expect(found.first?.message == "link 'errors/rate_limited#what-this-mean' in 'bad_request' meaning points at '#what-this-mean', "
                + "but errors/rate_limited/index.html has no element with id 'what-this-mean'; did you mean '#what-this-means'?")
        #expect(found.last?.message.hasSuffix("has no element with id 'nothing-like-it'") == true)
    }

    /// A guide's headings have ids (as GitHub gives them), so its sections can be linked to.
    @Test func aGuidesSectionsCanBeLinkedTo() throws {
        let linking = TemporaryCatalog.error().replacingOccurrences(
            of: "meaning: The body is not what the endpoint expects.",
            with: "meaning: See [the loop](guides/retrying#a-retry-loop) and [this](guides/retrying#a-retry-lop).")
        let catalog = try TemporaryCatalog([
            "errors/bad_request.yaml": linking,
            "guides/retrying.md": "# Retrying\n\nWhy.\n\n## A retry loop\n\nHow.\n",
        ])
        defer { catalog.remove() }
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.filter { $0.ruleID == "link-fragment" }.map(\.message)
                == ["link 'guides/retrying#a-retry-lop' in 'bad_request' meaning points at '#a-retry-lop', but "
                    + "guides/retrying/index.html has no element with id 'a-retry-lop'; did you mean '#a-retry-loop'?"])
    }

    /// A link to a fragment of the page it is on (`#causes`) is checked against that page: an
    /// error's link against the error's page, a guide's against the guide's. The Markdown twins
    /// have the same links; only the HTML pages' ids are looked at.
    @Test func aSamePageLinkIsCheckedAgainstThePageItIsOn() throws {
        let linking = TemporaryCatalog.error().replacingOccurrences(
            of: "meaning: The body is not what the endpoint expects.",
            with: "meaning: See [causes](#when-youll-see-this), [these](#when-you-see-this) and [the loop](#a-retry-loop).")
        let catalog = try TemporaryCatalog([
            "errors/bad_request.yaml": linking,
            "guides/retrying.md": "# Retrying\n\nSee [below](#a-retry-loop), [here](#a-retry-lop) and [x](#when-youll-see-this).\n\n## A retry loop\n\nHow.\n",
        ])
        defer { catalog.remove() }
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(report.succeeded, "\(report.diagnostics)")
        let found = report.diagnostics.filter { $0.ruleID == "link-fragment" }
        #expect(found.map(\.severity) == [.warning] * 4)
        #expect(found.map { "\($0.location.file.dropFirst(catalog.root.path.count)):\($0.location.line):\($0.location.column)" }
                == ["/errors/bad_request.yaml:6:46", "/errors/bad_request.yaml:6:78", "/guides/retrying.md:3:29", "/guides/retrying.md:3:54"])
        #expect(found.map(\.message) == [
            "link '#when-you-see-this' in 'bad_request' meaning points at '#when-you-see-this', but errors/bad_request/index.html "
                + "has no element with id 'when-you-see-this'; did you mean '#when-youll-see-this'?",
            "link '#a-retry-loop' in 'bad_request' meaning points at '#a-retry-loop', but errors/bad_request/index.html "
                + "has no element with id 'a-retry-loop'",
            "link '#a-retry-lop' in guide 'retrying' points at '#a-retry-lop', but guides/retrying/index.html "
                + "has no element with id 'a-retry-lop'; did you mean '#a-retry-loop'?",
            "link '#when-youll-see-this' in guide 'retrying' points at '#when-youll-see-this', but guides/retrying/index.html "
                + "has no element with id 'when-youll-see-this'",
        ])
    }

    /// What the error-file rules found in a file is kept for the next build, its same-page links
    /// with it: a build after an edit of another file warns as a clean build does.
    @Test func aSamePageLinkOfAnUnchangedFileIsCheckedAgain() throws {
        let linking = TemporaryCatalog.error().replacingOccurrences(
            of: "meaning: The body is not what the endpoint expects.", with: "meaning: See [these](#when-you-see-this).")
        let catalog = try TemporaryCatalog([
            "errors/bad_request.yaml": linking,
            "errors/internal.yaml": TemporaryCatalog.error("internal", status: 500, family: "server"),
        ])
        defer { catalog.remove() }
        let site = catalog.folder("site")
        // The loaded files are kept beside the site, in a folder that must exist when they are.
        try FileManager.default.createDirectory(atPath: (site as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        func warnings() throws -> [String] {
            var output = try FolderOutput(path: site)
            let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
            #expect(report.succeeded, "\(report.diagnostics)")
            return report.diagnostics.filter { $0.ruleID == "link-fragment" }.map(\.message)
        }
        let first = try warnings()
        #expect(first.count == 1 && first.first?.hasSuffix("did you mean '#when-youll-see-this'?") == true, "\(first)")
        #expect(try warnings() == first, "nothing changed: the same warnings")
        let file = catalog.root.appendingPathComponent("errors/internal.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "A field is missing.", with: "A field is absent.").write(to: file, atomically: true, encoding: .utf8)
        #expect(try warnings() == first, "bad_request.yaml is not linted again, and its link is still checked")
    }

    /// The ids come from the theme: a template that renames a section breaks links to it from
    /// files that did not change, whose pages the build keeps; a build with nothing changed
    /// reports what the last one did.
    @Test func keptPagesAndUnchangedBuildsAreCheckedToo() throws {
        let catalog = try Self.catalog()
        defer { catalog.remove() }
        let site = catalog.folder("site"), theme = catalog.folder("theme")
        func warnings(templates: String? = nil) throws -> [String] {
            var output = try FolderOutput(path: site)
            let report = try Pipeline.build(catalog.root.path, templates: templates, into: &output)
            #expect(report.succeeded, "\(report.diagnostics)")
            return report.diagnostics.filter { $0.ruleID == "link-fragment" }.map(\.message)
        }
        #expect(try warnings().count == 2)
        #expect(try warnings().count == 2, "nothing changed: the same warnings")

        let template = try String(contentsOf: LoadedFileCodingTests.repository.appendingPathComponent("Templates/error.mustache"), encoding: .utf8)
        #expect(template.contains(#"<section id="what-this-means">"#))
        try FileManager.default.createDirectory(atPath: theme, withIntermediateDirectories: true)
        try template.replacingOccurrences(of: #"<section id="what-this-means">"#, with: #"<section id="meaning">"#)
            .write(toFile: theme + "/error.mustache", atomically: true, encoding: .utf8)
        let renamed = try warnings(templates: theme)
        #expect(renamed.count == 3)
        #expect(renamed.contains { $0.contains("'#what-this-means'") && $0.hasSuffix("has no element with id 'what-this-means'") })

        // Only bad_request's page is rendered again; rate_limited's is kept, and checked as kept.
        let file = catalog.root.appendingPathComponent("errors/bad_request.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "A field is missing.", with: "A field is absent.").write(to: file, atomically: true, encoding: .utf8)
        let afterEdit = try warnings(templates: theme)
        #expect(afterEdit == renamed, "\(afterEdit)")
    }

    /// `build --strict` fails on warnings, those only rendering finds included, and leaves the
    /// site as it was: not made at all by a first build, unchanged after an edit.
    @Test func aStrictBuildFailsOnAFragmentWarningAndWritesNothing() throws {
        let catalog = try Self.catalog()
        defer { catalog.remove() }
        let site = catalog.folder("site")
        func build(strict: Bool) throws -> Pipeline.BuildReport {
            var output = try FolderOutput(path: site)
            return try Pipeline.build(catalog.root.path, templates: nil, into: &output, strict: strict)
        }
        let first = try build(strict: true)
        #expect(!first.succeeded && first.written.isEmpty)
        #expect(first.diagnostics.filter { $0.ruleID == "link-fragment" }.map(\.severity) == [.error, .error])
        #expect(!FileManager.default.fileExists(atPath: site), "a first build that fails makes no folder")

        #expect(try build(strict: false).succeeded)
        let page = site + "/errors/bad_request/index.html"
        let before = try Data(contentsOf: URL(fileURLWithPath: page))
        let file = catalog.root.appendingPathComponent("errors/bad_request.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "A field is missing.", with: "A field is absent.").write(to: file, atomically: true, encoding: .utf8)
        #expect(!(try build(strict: true)).succeeded)
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) == before, "the site is as it was")
        #expect(try build(strict: false).succeeded)
        #expect(try Data(contentsOf: URL(fileURLWithPath: page)) != before)
        // Nothing changed since: the warnings the record keeps fail a strict build too.
        let unchanged = try build(strict: true)
        #expect(unchanged.upToDate && !unchanged.succeeded)
    }
}

private func * <T>(array: [T], count: Int) -> [T] { (0..<count).flatMap { _ in array } }
