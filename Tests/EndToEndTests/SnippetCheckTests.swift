import Foundation
import Testing

/// `errdocs lint --check-snippets` hands recovery snippets to real toolchains.
@Suite struct SnippetCheckTests {
    @Test func theDefaultCatalogsSnippetsAllParse() throws {
        let run = try Tool.run(["lint", "--check-snippets", "Content"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("snippets: checked"), "\(run.stderr)")
        #expect(run.stderr.contains("python"), "Python snippets are checked: \(run.stderr)")
    }

    /// Adds an error whose Python snippet has a syntax error on its third line.
    private func catalogWithBrokenSnippet() throws -> (URL, String) {
        let scratch = try Tool.scratch(copyingContent: true)
        let text = """
            code: zz_snippet
            title: Snippet test
            status: 400
            family: validation
            summary: Has a broken snippet.
            meaning: Nothing.
            causes: [A test.]
            example:
              status: 400
              body: {success: false, error: zz_snippet, message: Test., doc_url: "https://docs.mailvane.dev/errors/zz_snippet", request_id: req_1}
            quick_fix: [Fix it.]
            recovery:
              - language: python
                title: Broken
                code: |
                  def handler(response):
                      if response.status_code == 400
                          return None
                      return response
              - language: cobol
                code: |
                  DISPLAY 'HELLO'.
              - language: javascript
                code: |
                  async function send(request) {
                    const response = await fetch(request;
                  }
              - language: swift
                code: |
                  func retry(after seconds: Int) {
                      let delay = seconds *
                  }

            """
        try text.write(to: scratch.appendingPathComponent("Content/errors/zz_snippet.yaml"), atomically: true, encoding: .utf8)
        // List the snippets' languages so that only their syntax, not recovery-language, is at stake.
        let settings = scratch.appendingPathComponent("Content/catalog.yaml")
        let original = try String(contentsOf: settings, encoding: .utf8)
        let languages = "languages: [python, javascript, go, shell]"
        try #require(original.contains(languages))
        try original.replacingOccurrences(of: languages, with: "languages: [python, javascript, go, shell, swift, cobol]")
            .write(to: settings, atomically: true, encoding: .utf8)
        return (scratch, text)
    }

    @Test func aSyntaxErrorIsReportedAtItsLineInTheYAMLFile() throws {
        let (scratch, text) = try catalogWithBrokenSnippet()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["lint", "--check-snippets", "Content"], in: scratch)
        let at = try #require(Tool.position(of: "if response.status_code == 400", in: text))
        #expect(run.status == 1)
        #expect(run.stdout.contains("Content/errors/zz_snippet.yaml:\(at.line):\(at.column - 4): error: python snippet does not parse"), "\(run.stdout)")
        #expect(run.stdout.contains("[snippet-syntax]"))
        let javascript = try #require(Tool.position(of: "const response = await fetch(request;", in: text))
        #expect(run.stdout.contains("Content/errors/zz_snippet.yaml:\(javascript.line):\(javascript.column - 2): error: javascript snippet does not parse (node)"), "\(run.stdout)")
        let swift = try #require(Tool.position(of: "let delay = seconds *", in: text))
        #expect(run.stdout.range(of: #"Content/errors/zz_snippet.yaml:(\#(swift.line)|\#(swift.line + 1)):\#(swift.column - 4): error: swift snippet does not parse \(swiftc\)"#, options: .regularExpression) != nil, "\(run.stdout)")
        #expect(run.stderr.contains("snippets: skipped 1 cobol snippet: no syntax checker is known for 'cobol'"), "\(run.stderr)")
    }

    @Test func withoutTheFlagSnippetsAreNotRun() throws {
        let (scratch, _) = try catalogWithBrokenSnippet()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["lint", "Content"], in: scratch)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(!run.stderr.contains("snippets:"))
    }

    @Test func languagesWithoutAToolchainAreSkippedNeverPassed() throws {
        let run = try Tool.run(["lint", "--check-snippets", "Content"], environment: ["PATH": "/nonexistent"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stderr.contains("snippets: checked none"), "\(run.stderr)")
        #expect(run.stderr.contains("snippets: skipped 25 python snippets: python3 is not installed"), "\(run.stderr)")
        #expect(run.stderr.contains("javascript snippets: node is not installed"), "\(run.stderr)")
    }
}
