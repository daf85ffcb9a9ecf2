import Foundation
import Testing

/// `errdocs lint` on the default catalog and on broken copies of it, checking exit statuses and
/// that each message points at the culprit's file, line and column.
@Suite struct LintCommandTests {
    @Test func theDefaultCatalogIsClean() throws {
        let run = try Tool.run(["lint", "Content"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("error:"), "\(run.stdout)")
    }

    /// Copies Content/, rewrites one file, lints, and returns the run with the file's text.
    private func lintAfterEditing(_ file: String, _ edit: (String) -> String) throws -> (Tool.Run, String, URL) {
        let scratch = try Tool.scratch(copyingContent: true)
        let url = scratch.appendingPathComponent("Content/\(file)")
        let original = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let edited = edit(original)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try edited.write(to: url, atomically: true, encoding: .utf8)
        return (try Tool.run(["lint", "Content"], in: scratch), edited, scratch)
    }

    @Test func aDuplicateCodeFailsAtTheSecondDefinition() throws {
        let source = try String(contentsOf: Tool.repository.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml"), encoding: .utf8)
        let (run, text, scratch) = try lintAfterEditing("errors/zz_copy.yaml") { _ in source }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let at = try #require(Tool.position(of: "rate_limited", in: text))
        #expect(run.status == 1)
        #expect(run.stdout.contains("Content/errors/zz_copy.yaml:\(at.line):\(at.column): error: code 'rate_limited' is already defined at Content/errors/rate_quota/rate_limited.yaml:"), "\(run.stdout)")
        #expect(run.stdout.contains("[duplicate-code]"))
    }

    @Test func anUnknownFamilyFailsAtTheFamilyValue() throws {
        let (run, text, scratch) = try lintAfterEditing("errors/rate_quota/rate_limited.yaml") {
            $0.replacingOccurrences(of: "family: rate_quota", with: "family: rate_quotas")
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let at = try #require(Tool.position(of: "rate_quotas", in: text))
        #expect(run.status == 1)
        #expect(run.stdout.contains("Content/errors/rate_quota/rate_limited.yaml:\(at.line):\(at.column): error: unknown family 'rate_quotas'"), "\(run.stdout)")
        #expect(run.stdout.contains("[unknown-family]"))
    }

    @Test func aBrokenRelatedCodeFailsAtTheReference() throws {
        let (run, text, scratch) = try lintAfterEditing("errors/zz_related.yaml") { _ in
            """
            code: zz_related
            title: Related test
            status: 400
            family: validation
            summary: Points at an error that does not exist.
            meaning: Nothing.
            causes: [A test.]
            example:
              status: 400
              body: {success: false, error: zz_related, message: Test., doc_url: "https://docs.mailvane.dev/errors/zz_related", request_id: req_1}
            quick_fix: [Fix it.]
            related: [rate_limited, no_such_error]
            """
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let at = try #require(Tool.position(of: "no_such_error", in: text))
        #expect(run.status == 1)
        #expect(run.stdout.contains("Content/errors/zz_related.yaml:\(at.line):\(at.column): error: related code 'no_such_error' is not defined in the catalog [unresolved-reference]"), "\(run.stdout)")
        #expect(!run.stdout.contains("rate_limited' is not defined"))
    }

    @Test func malformedYAMLFailsWithItsPosition() throws {
        let (run, _, scratch) = try lintAfterEditing("errors/zz_broken.yaml") { _ in
            "code: zz_broken\ntitle: [unclosed\nstatus: 400\n"
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(run.status == 1)
        #expect(run.stdout.range(of: #"Content/errors/zz_broken\.yaml:\d+:\d+: error: invalid YAML: .*\[yaml-syntax\]"#, options: .regularExpression) != nil, "\(run.stdout)")
    }

    @Test func aMissingFolderIsAnIOErrorWithStatus2() throws {
        let run = try Tool.run(["lint", "NoSuchFolder"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("NoSuchFolder: no such folder"), "\(run.stderr)")
        // catalog.yaml itself, as users often pass it: the message names the folder to pass.
        let file = try Tool.run(["lint", "Content/catalog.yaml"])
        #expect(file.status == 2)
        #expect(file.stderr.contains("Content/catalog.yaml: is a file, not a catalog folder; pass the folder that holds catalog.yaml, such as Content"), "\(file.stderr)")
    }

    @Test func anUnknownOptionIsAUsageErrorWithStatus2() throws {
        let run = try Tool.run(["lint", "--no-such-option"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-option"), "\(run.stderr)")
    }

    @Test func strictTurnsWarningsIntoAFailure() throws {
        let (run, _, scratch) = try lintAfterEditing("errors/zz_empty.yaml") { _ in "# nothing here yet\n" }
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(run.status == 0, "a warning alone passes: \(run.stdout)")
        #expect(run.stdout.contains("warning: file defines no error"))
        let strict = try Tool.run(["lint", "--strict", "Content"], in: scratch)
        #expect(strict.status == 1)
    }

    @Test(arguments: ["build", "lint", "init"])
    func everySubcommandHasHelpWrittenForPeople(_ command: String) throws {
        let run = try Tool.run([command, "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: errdocs \(command)"), "\(run.stdout)")
        #expect(run.stdout.count > 400, "help for \(command) should explain itself: \(run.stdout)")
    }

    /// Every id a message can end with is one `explain` and `rules` know, template checks too.
    @Test(arguments: ["duplicate-code", "yaml-syntax", "control-character", "template-unescaped", "template-syntax"])
    func explainKnowsEveryRuleID(_ id: String) throws {
        let explain = try Tool.run(["explain", id])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.hasPrefix(id), "\(explain.stdout)")
        let rules = try Tool.run(["rules"])
        #expect(rules.stdout.contains("  \(id) "), "\(rules.stdout)")
    }

    @Test func explainSuggestsTheNearestRuleForAMisspeltOne() throws {
        let run = try Tool.run(["explain", "internal-links"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no rule is named 'internal-links'; did you mean 'internal-link'? ('errdocs rules' lists them)"), "\(run.stderr)")
    }

    /// The README's example error lints clean in the default catalog, in place of its own file.
    @Test func theREADMEsExampleErrorIsValid() throws {
        let readme = try String(contentsOf: Tool.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## The catalog format"))
        let start = try #require(readme.range(of: "```yaml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let example = String(readme[start.upperBound..<end.lowerBound]) + "\n"
        #expect(example.hasPrefix("code: rate_limited\n"))
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try example.write(to: scratch.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml"), atomically: true, encoding: .utf8)
        let run = try Tool.run(["lint", "Content"], in: scratch)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("0 errors, 0 warnings"), "\(run.stdout)")
    }

    @Test func explainSaysWhetherLintCanConfigureACheck() throws {
        #expect(try Tool.run(["explain", "ignored-file"]).stdout.contains("'lint:' in catalog.yaml can disable it or change its severity"))
        #expect(try Tool.run(["explain", "yaml-syntax"]).stdout
            .contains("'lint:' in catalog.yaml cannot disable it or change its severity: a file that fails it has no model to lint"))
    }

    @Test func aLoaderCheckCannotBeDisabled() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let catalog = scratch.appendingPathComponent("Content/catalog.yaml")
        try (String(contentsOf: catalog, encoding: .utf8) + "lint:\n  disable: [yaml-syntax]\n").write(to: catalog, atomically: true, encoding: .utf8)
        let run = try Tool.run(["lint", "Content"], in: scratch)
        #expect(run.status == 1)
        #expect(run.stdout.contains("error: 'yaml-syntax' is a loader check that reports an error, which cannot be disabled or given another severity: "
            + "a file that fails it has no model to lint [lint-configuration]"), "\(run.stdout)")
    }

    @Test(arguments: [("buidl", "build"), ("inti", "init"), ("srve", "serve")])
    func aMistypedCommandGetsASuggestion(typed: String, meant: String) throws {
        let run = try Tool.run([typed, "Content"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: no command is named '\(typed)'; did you mean '\(meant)'? ('errdocs --help' lists them)\n", "\(run.stderr)")
    }
}
