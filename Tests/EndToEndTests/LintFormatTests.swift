import Foundation
import Testing

/// `errdocs lint --format …` as CI systems run it: through a pipe, on a broken copy of Content/.
/// (SARIF and JSON are also validated against their JSON Schemas by scripts/check-lint-formats.sh.)
@Suite struct LintFormatTests {
    /// Content/ with rate_limited's status made 4290: errors, a warning and a note.
    private func brokenCatalog() throws -> URL {
        let scratch = try Tool.scratch(copyingContent: true)
        let url = scratch.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains("\nstatus: 429\n"))
        try text.replacingOccurrences(of: "\nstatus: 429\n", with: "\nstatus: 4290\n").write(to: url, atomically: true, encoding: .utf8)
        return scratch
    }

    @Test func githubLinesParseAsWorkflowCommands() throws {
        let scratch = try brokenCatalog()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["lint", "--format", "github", "Content"], in: scratch)
        #expect(run.status == 1)
        var lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.popLast()?.hasSuffix("in 57 files (60 error definitions)") == true)
        let command = try Regex(#"^::(error|warning) file=([^,:]+),line=(\d+),col=(\d+),title=([a-z0-9-]+)::(.+)$"#)
        #expect(lines.count >= 3)
        for line in lines {
            #expect(line.wholeMatch(of: command) != nil, "not a workflow command: \(line)")
        }
        #expect(lines.contains { $0.hasPrefix("::error file=Content/errors/rate_quota/rate_limited.yaml,line=5,col=9,title=status-range::") })
        #expect(lines.contains { $0.hasPrefix("::warning ") })
        #expect(lines.contains { $0.contains("%0AContent/errors/rate_quota/rate_limited.yaml:5:9: note: ") })
    }

    @Test func jsonCarriesWhatTheTextFormatSays() throws {
        let scratch = try brokenCatalog()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let json = try Tool.run(["lint", "--format", "json", "Content"], in: scratch)
        let text = try Tool.run(["lint", "Content"], in: scratch)
        #expect(json.status == 1)
        let report = try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8))
        #expect(report.version == 1)
        #expect(report.summary.error_definitions == 60)
        #expect(report.summary.errors == report.diagnostics.filter { $0.severity == "error" }.count)
        for item in report.diagnostics {
            #expect(text.stdout.contains("\(item.file):\(item.line):\(item.column): \(item.severity): \(item.message) [\(item.rule)]"))
        }
        // Re-encoding the decoded report gives back the same document.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let again = try JSONDecoder().decode(Report.self, from: try encoder.encode(report))
        #expect(again == report)
    }

    @Test func textThroughAPipeHasExcerptsAndNoColour() throws {
        let scratch = try brokenCatalog()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["lint", "Content"], in: scratch)
        #expect(!run.stdout.contains("\u{1B}["))
        #expect(run.stdout.contains("Content/errors/rate_quota/rate_limited.yaml:5:9: error: HTTP status 4290 is outside 100–599 [status-range]\n  5 | status: 4290\n    |         ^\n"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("2 errors, 1 warning in 57 files (60 error definitions)\n"), "\(run.stdout)")
    }

    /// util-linux `script` gives the tool a real terminal.
    @Test(arguments: [false, true])
    func textOnATerminalIsColouredUnlessNO_COLOR(noColour: Bool) throws {
        let scratch = try brokenCatalog()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let command = "\(Tool.binary.path) lint Content"
        let run = try Tool.run(["-qec", command, "/dev/null"], in: scratch, environment: ["NO_COLOR": noColour ? "1" : "", "TERM": "xterm"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(run.stdout.contains("status-range"), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("\u{1B}[1;31merror") == !noColour, "\(run.stdout)")
    }

    /// A CI job that uploads the SARIF log gets a log saying why nothing was linted, not an
    /// empty file; the other formats print nothing, and every format says why on stderr.
    @Test func aMissingFolderGivesAFailedSARIFInvocation() throws {
        let sarif = try Tool.run(["lint", "--format", "sarif", "Nosuch"])
        #expect(sarif.status == 2)
        #expect(sarif.stderr.contains("Nosuch: no such folder"), "\(sarif.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any], "\(sarif.stdout)")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.isEmpty == true)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "error")
        #expect(((notification["message"] as? [String: Any])?["text"] as? String)?.contains("Nosuch: no such folder") == true)

        let clean = try Tool.run(["lint", "--format", "sarif", "Content"])
        let cleanLog = try #require(try JSONSerialization.jsonObject(with: Data(clean.stdout.utf8)) as? [String: Any])
        let cleanRun = try #require((cleanLog["runs"] as? [[String: Any]])?.first)
        #expect((cleanRun["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool == true)

        for format in ["text", "github", "json"] {
            let other = try Tool.run(["lint", "--format", format, "Nosuch"])
            #expect(other.status == 2 && other.stdout.isEmpty && other.stderr.contains("no such folder"), "\(format)")
        }
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let run = try Tool.run(["lint", "--format", "xml", "Content"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("'text', 'github', 'json' or 'sarif'"), "\(run.stderr)")
    }

    struct Report: Codable, Equatable {
        struct Summary: Codable, Equatable { var errors, warnings, files, error_definitions: Int }
        struct Note: Codable, Equatable { var file: String; var line, column: Int; var message: String }
        struct Item: Codable, Equatable {
            var rule, severity, file: String
            var line, column: Int
            var message: String
            var notes: [Note]
        }
        var version: Int
        var summary: Summary
        var diagnostics: [Item]
    }
}
