@testable import ErrorDocs
import Foundation
import Testing

/// Rule documentation comes from the rules' doc comments; every rule must have all of it, and
/// the committed `docs/rules.md` must be what `errdocs rules --markdown` prints now.
@Suite struct RuleDocumentationTests {
    @Test(arguments: RuleRegistry.rules.map { $0.id })
    func everyRuleIsDocumentedWithAFailingAndAPassingExample(_ id: String) throws {
        let documentation = try #require(RuleDocumentation.named(id))
        #expect(documentation.explanation.count > 40, "\(id) needs an explanation in its doc comment")
        #expect(!documentation.failing.isEmpty, "\(id) needs a 'Fails:' example in its doc comment")
        #expect(!documentation.passing.isEmpty, "\(id) needs a 'Passes:' example in its doc comment")
        #expect(documentation.failing != documentation.passing)
    }

    @Test func ruleIDsAreStableKebabCaseAndUnique() {
        let ids = RuleRegistry.rules.map { $0.id } + RuleRegistry.loaderChecks.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.range(of: #"^[a-z]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil, "\(id)")
        }
    }

    @Test func ruleFilesAreNamedAfterTheirIDs() {
        for rule in RuleRegistry.rules {
            let expected = rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            let name = RuleDocumentation.typeName(of: rule)
            #expect(name.lowercased() == expected.lowercased(), "\(rule.id) is implemented by \(name)")
        }
    }

    @Test func docsRulesMarkdownIsFresh() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == RuleDocumentation.reference, "docs/rules.md is out of date; run 'make docs'")
    }
}
