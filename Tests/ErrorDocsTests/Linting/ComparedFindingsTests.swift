@testable import ErrorDocs
import Foundation
import Testing

/// What the rules that compare errors found is kept with the loaded files, under the key of
/// what they read (``ComparedFacts``): a run after an edit that leaves those facts, and where
/// they are, as they were takes it from there; any other edit runs the rules again. Either way
/// the diagnostics are those of a run with nothing kept.
@Suite struct ComparedFindingsTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// The facts ``ComparedFacts`` hashes are what these rules read. A new rule that compares
    /// errors must have what it reads added to the key, then its id here.
    @Test func theKeyIsMadeForEveryRuleThatComparesErrors() {
        let comparing = Set(RuleRegistry.rules.filter { !($0 is any ErrorFileRule.Type) }.map { $0.id })
        #expect(comparing == ["catalog-urls", "code-collision", "deprecated-replacement", "duplicate-code", "duplicate-title",
                              "empty-family", "family-statuses", "internal-link", "removed-errors", "unresolved-reference"])
    }

    @Test func keptFindingsAreThoseOfAFreshRunAfterEveryEdit() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let cachePath = space.url(".lint-cache").path
        func lint() throws -> Pipeline.LintReport {
            let report = try Pipeline.lint(space.catalog, cache: LoadCache(path: cachePath))
            let fresh = try Pipeline.lint(space.catalog)
            #expect(report.diagnostics == fresh.diagnostics)
            return report
        }
        #expect(try !lint().comparedReused, "nothing is kept yet")
        #expect(try lint().comparedReused)

        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        #expect(try lint().comparedReused, "an edit of an error's text on its own line changes no fact the rules compare")

        try space.replace("title: Rate limit exceeded", with: "title: Upstream timeout")
        var report = try lint()
        #expect(!report.comparedReused)
        #expect(report.diagnostics.contains { $0.ruleID == "duplicate-title" })

        try space.replace("  - daily_quota_exceeded\n", with: "  - no_such_error\n")
        report = try lint()
        #expect(!report.comparedReused)
        let unresolved = try #require(report.diagnostics.first { $0.ruleID == "unresolved-reference" })

        // A line more just above the related codes (below every link) moves the finding a line
        // down: not kept.
        try space.replace("\nrelated:\n", with: "\n# The errors to read next.\nrelated:\n")
        report = try lint()
        #expect(!report.comparedReused)
        let moved = try #require(report.diagnostics.first { $0.ruleID == "unresolved-reference" })
        #expect(moved.location.line == unresolved.location.line + 1)

        // A link of an error's text to a page the site lacks: only a fact of the file's links.
        try space.replace("(errors/daily_quota_exceeded)", with: "(errors/no_such_page)")
        report = try lint()
        #expect(!report.comparedReused)
        #expect(report.diagnostics.contains { $0.ruleID == "internal-link" })
    }
}
