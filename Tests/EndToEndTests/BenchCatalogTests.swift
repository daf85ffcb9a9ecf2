import Foundation
import Testing

/// `generate-catalog`, which makes the benchmark's catalogs: the same count gives the same
/// bytes, the catalog passes lint with nothing to report, and it has what real catalogs have
/// (deprecations, removed errors, guides, links between pages), so the benchmark measures the
/// rules and pages that compare errors too.
@Suite struct BenchCatalogTests {
    static var generator: URL { Tool.binary.deletingLastPathComponent().appendingPathComponent("generate-catalog") }

    @Test func aGeneratedCatalogIsDeterministicLintCleanAndCrossLinked() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for name in ["one", "two"] {
            let run = try Tool.run(["300", scratch.appendingPathComponent(name).path], executable: Self.generator)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let one = try Tool.tree(scratch.appendingPathComponent("one"))
        #expect(one.count == 300 + 1 + 3, "300 error files, catalog.yaml and three guides")
        #expect(one == (try Tool.tree(scratch.appendingPathComponent("two"))), "the same count gives the same bytes")

        let lint = try Tool.run(["lint", "one"], in: scratch)
        #expect(lint.status == 0)
        #expect(lint.stdout.contains("0 errors, 0 warnings"), "\(lint.stdout)")

        let build = try Tool.run(["build", "one", "--output", "site"], in: scratch)
        #expect(build.status == 0, "\(build.stderr)")
        let site = try Tool.tree(scratch.appendingPathComponent("site"))
        let pages = site.filter { $0.key.hasPrefix("errors/") && $0.key.hasSuffix("/index.html") }
        let deprecated = pages.values.filter { String(decoding: $0, as: UTF8.self).contains("banner-deprecated") }
        #expect(deprecated.count == 30, "every tenth error is deprecated")
        #expect(pages.keys.filter { $0.hasPrefix("errors/legacy_") }.count == 3, "one removed error per hundred")
        #expect(site["guides/retries/index.html"] != nil)
        let page = try #require(pages.first { !$0.key.hasPrefix("errors/legacy_") }.map { String(decoding: $0.value, as: UTF8.self) })
        #expect(page.contains("href=\"../../guides/retries/index.html\""), "error pages link to a guide")
        #expect(page.contains("href=\"../../families/"), "and to their family")
    }
}
