import ErrorDocsModel
import Foundation
import Testing
@testable import ErrorDocs

/// The four `errdocs lint --format` shapes, from diagnostics written by hand.
@Suite struct ReportFormatTests {
    /// A file whose line 2 starts with a tab, so the caret must keep the tab to line up.
    private func fixture() throws -> (path: String, diagnostics: [Diagnostic], cleanup: () -> Void) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("x, y:z.yaml").path
        try Data("code: bad_request\n\tstatus: 4000\r\n".utf8).write(to: URL(fileURLWithPath: path))
        let diagnostics = [
            Diagnostic("status-range", .error, at: SourceLocation(file: path, line: 2, column: 10), "HTTP status 4000 is outside 100–599",
                       notes: [Diagnostic.Note("code set here", at: SourceLocation(file: path, line: 1, column: 7))]),
            Diagnostic("summary-length", .warning, at: SourceLocation(file: path, line: 9, column: 1), "100% too long,\nreally"),
        ]
        return (path, diagnostics, { try? FileManager.default.removeItem(at: folder) })
    }

    private let summary = LintSummary([], files: 3, errorDefinitions: 2)

    @Test func textShowsTheLineWithACaretUnderTheColumnAndASummary() throws {
        let (path, diagnostics, cleanup) = try fixture()
        defer { cleanup() }
        let text = ReportFormat.text.render(diagnostics, ReportContext(summary: LintSummary(diagnostics, files: 3, errorDefinitions: 2), toolVersion: "0"))
        #expect(text == """
            \(path):2:10: error: HTTP status 4000 is outside 100–599 [status-range]
              2 | \tstatus: 4000
                | \t        ^
            \(path):1:7: note: code set here
              1 | code: bad_request
                |       ^
            \(path):9:1: warning: 100% too long,\u{FFFD}really [summary-length]
            1 error, 1 warning in 3 files (2 error definitions)

            """)
        #expect(!text.contains("\u{1B}"))
    }

    /// A file of one huge line: the excerpt shows the column's neighbourhood, not megabytes.
    @Test(arguments: [5, 5_000, 99_990])
    func aLongLineIsShownAroundTheColumnOnly(column: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.yaml").path
        var line = String(repeating: "a", count: 100_000)
        line.replaceSubrange(line.index(line.startIndex, offsetBy: column - 1)...line.index(line.startIndex, offsetBy: column - 1), with: "X")
        try Data((line + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let diagnostic = Diagnostic("yaml-syntax", .error, at: SourceLocation(file: path, line: 1, column: column), "bad")
        let text = ReportFormat.text.render([diagnostic], ReportContext(summary: summary, toolVersion: "0", quiet: true))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(text.count < 600, "\(text.count) characters")
        // The caret is under the X, wherever the window starts.
        let shown = Array(lines[1].unicodeScalars), caret = Array(lines[2].unicodeScalars)
        let at = try #require(caret.firstIndex(of: "^"))
        #expect(shown[at] == "X")
        #expect(lines[1].hasSuffix("…") == (column < 99_900))
        #expect(lines[1].contains("| …") == (column > 100))
    }

    @Test func textIsColouredOnlyWhenAsked() throws {
        let (_, diagnostics, cleanup) = try fixture()
        defer { cleanup() }
        let coloured = ReportFormat.text.render(diagnostics, ReportContext(summary: summary, toolVersion: "0", colour: true))
        #expect(coloured.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;33mwarning\u{1B}[0m"))
    }

    @Test func quietLeavesOutTheSummary() throws {
        let text = ReportFormat.text.render([], ReportContext(summary: summary, toolVersion: "0", quiet: true))
        #expect(text.isEmpty)
        #expect(ReportFormat.text.render([], ReportContext(summary: summary, toolVersion: "0")) == "0 errors, 0 warnings in 3 files (2 error definitions)\n")
    }

    @Test func catalogTextCannotSendEscapeSequencesToATerminal() {
        #expect(printable("a\u{1B}[2Jb\u{7}c\u{9B}d\te") == "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\te")
    }

    @Test(arguments: [
        (true, [String: String](), true),
        (false, [:], false),
        (true, ["NO_COLOR": "1"], false),
        (true, ["NO_COLOR": ""], true),
        (true, ["TERM": "dumb"], false),
    ])
    func colourOnlyOnATerminalWithoutNO_COLOR(isTerminal: Bool, environment: [String: String], expected: Bool) {
        #expect(wantsColour(isTerminal: isTerminal, environment: environment) == expected)
    }

    @Test func githubCommandsEscapeTheirPropertiesAndMessages() throws {
        let (path, diagnostics, cleanup) = try fixture()
        defer { cleanup() }
        let lines = GitHubReport.render(diagnostics).split(separator: "\n").map(String.init)
        let file = path.replacingOccurrences(of: ",", with: "%2C").replacingOccurrences(of: ":", with: "%3A")
        #expect(lines == [
            "::error file=\(file),line=2,col=10,title=status-range::HTTP status 4000 is outside 100–599%0A\(path):1:7: note: code set here",
            "::warning file=\(file),line=9,col=1,title=summary-length::100%25 too long,%0Areally",
        ])
    }

    @Test func jsonRoundTripsThroughItsDocumentedShape() throws {
        let (_, diagnostics, cleanup) = try fixture()
        defer { cleanup() }
        let report = JSONReport(diagnostics, summary: LintSummary(diagnostics, files: 3, errorDefinitions: 2))
        let decoded = try JSONDecoder().decode(JSONReport.self, from: Data(report.encoded().utf8))
        #expect(decoded == report)
        #expect(decoded.summary == .init(errors: 1, warnings: 1, files: 3, errorDefinitions: 2))
        #expect(decoded.diagnostics.first?.notes.first?.line == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.encoded().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "summary", "diagnostics"])
        #expect((object["summary"] as? [String: Any])?["error_definitions"] as? Int == 2)
    }

    @Test func sarifDriverListsEveryRuleWithSummaryAndHelpLink() throws {
        let (path, diagnostics, cleanup) = try fixture()
        defer { cleanup() }
        let text = SARIFReport(diagnostics, toolVersion: "9.9.9").encoded()
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == "9.9.9")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(Set(rules.compactMap { $0["id"] as? String }) == RuleRegistry.allIDs.union(RuleRegistry.templateChecks.map(\.id)).union(RuleRegistry.siteChecks.map(\.id)))
        // Every rule's helpUri names a heading of docs/rules.md, loader and template checks too.
        let reference = RuleDocumentation.reference
        for rule in rules {
            let anchor = try #require((rule["helpUri"] as? String)?.split(separator: "#").last.map(String.init))
            #expect(reference.contains("\n## \(anchor)\n"), "docs/rules.md has no heading for \(anchor)")
        }
        let rangeIndex = try #require(rules.firstIndex { $0["id"] as? String == "status-range" })
        #expect((rules[rangeIndex]["shortDescription"] as? [String: Any])?["text"] as? String == StatusRange.summary)
        #expect(rules[rangeIndex]["helpUri"] as? String == "https://github.com/errdocs/errdocs/blob/main/docs/rules.md#status-range")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results[0]["ruleIndex"] as? Int == rangeIndex)
        #expect(results[1]["level"] as? String == "warning")
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
        #expect(uri.removingPercentEncoding == path)
        #expect(!uri.contains(" "))
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == 10)
        #expect((results[0]["relatedLocations"] as? [[String: Any]])?.count == 1)
    }
}
