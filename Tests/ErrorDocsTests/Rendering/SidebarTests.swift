import ErrorDocs
import Foundation
import Testing

/// The sidebar lists families, and the current family's errors; in a large family only the
/// errors around the current one, so page size does not grow with the catalog.
@Suite struct SidebarTests {
    /// `err_aa`, `err_ab`, …: codes in sorted order (the fixture envelope allows no digits).
    static func code(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "err_\(letters[index / 26])\(letters[index % 26])"
    }

    static func build(errors count: Int) throws -> [String: String] {
        var files: [String: String] = [:]
        for index in 0..<count {
            let code = Self.code(index)
            files["errors/\(code).yaml"] = TemporaryCatalog.error(code)
        }
        let catalog = try TemporaryCatalog(files)
        defer { catalog.remove() }
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.filter { $0.severity == .error })")
        return output.files.mapValues { String(decoding: $0.contents, as: UTF8.self) }
    }

    static func sidebarCodes(_ html: String) throws -> [String] {
        let range = try #require(html.range(of: #"<nav class="sidebar"[\s\S]*?</nav>"#, options: .regularExpression))
        return html[range].matches(of: #/<code>(err_[a-z]+)</code>/#).map { String($0.1) }
    }

    @Test func aSmallFamilyIsListedWhole() throws {
        let pages = try Self.build(errors: 5)
        let html = try #require(pages["errors/\(Self.code(2))/index.html"])
        #expect(try Self.sidebarCodes(html) == (0...4).map(Self.code))
        #expect(!html.contains("All 5 errors"))
    }

    @Test func aLargeFamilyShowsTwentyOneErrorsAroundTheCurrentOne() throws {
        let pages = try Self.build(errors: 40)
        let middle = try Self.sidebarCodes(try #require(pages["errors/\(Self.code(20))/index.html"]))
        #expect(middle == (10...30).map(Self.code))
        let first = try Self.sidebarCodes(try #require(pages["errors/\(Self.code(0))/index.html"]))
        #expect(first == (0...20).map(Self.code))
        let last = try Self.sidebarCodes(try #require(pages["errors/\(Self.code(39))/index.html"]))
        #expect(last == (19...39).map(Self.code))
        #expect(pages["errors/\(Self.code(20))/index.html"]?.contains(#"<a href="../../families/validation/index.html">All 40 errors</a>"#) == true)
    }
}
