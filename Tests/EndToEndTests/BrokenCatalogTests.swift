import Foundation
import Testing

/// One defect per catalog: `errdocs lint` exits 1 and names the right rule at the right line and
/// column. Each case starts from the same valid catalog and replaces one file.
@Suite struct BrokenCatalogTests {
    static let settings = """
        name: Broken API
        version: "1.0.0"
        base_url: https://docs.broken.example/
        doc_url: https://docs.broken.example/errors/{code}
        languages: [python, javascript]
        envelopes:
          standard:
            default: true
            description: The error body.
            code_field: error
            doc_url_field: doc_url
            schema:
              type: object
              required: [error, message]
              additionalProperties: false
              properties:
                error: {type: string}
                message: {type: string}
                doc_url: {type: string}
        families:
          - id: validation
            title: Validation
            summary: The request is malformed.
            handling: Fix the request.
            statuses: [400, 422]
            retry: {policy: after_fix}
          - id: rate_limit
            title: Rate limit
            summary: Too many requests.
            handling: Wait, then retry.
            statuses: [429]
            retry: {policy: retry_after, max_attempts: 5, initial_delay: 1s, max_delay: 1m, jitter: true}
          - id: smtp
            title: SMTP
            summary: The receiving server refused the message.
            handling: Do not retry the same recipient.
            retry: {policy: never}

        """

    /// A valid error; `lines` replace or add keys after `family:` (line 4), so a defect's line
    /// is easy to count: the first extra line is line 5.
    static func error(_ code: String = "bad_request", status: String = "400", extra: String = "") -> String {
        """
        code: \(code)
        title: Bad request \(code)
        status: \(status)
        family: validation
        \(extra)
        summary: The request could not be understood.
        meaning: The body is not what the endpoint expects.
        causes: [A field is missing.]
        example:
          status: \(status)
          body: {error: \(code), message: Wrong., doc_url: "https://docs.broken.example/errors/\(code)"}
        quick_fix: [Fix the body.]

        """
    }

    static let rateLimited = """
        code: rate_limited
        title: Rate limited
        status: 429
        family: rate_limit
        summary: Too many requests.
        meaning: Slow down.
        causes: [A burst.]
        example:
          status: 429
          body: {error: rate_limited, message: Slow down., doc_url: "https://docs.broken.example/errors/rate_limited"}
        quick_fix: [Wait.]
        headers:
          - name: Retry-After
            description: Seconds to wait.

        """

    static let smtpReply = """
        code: smtp_user_unknown
        title: User unknown
        surface: smtp
        smtp: {reply: 550, enhanced: "5.1.1"}
        family: smtp
        summary: The mailbox does not exist.
        meaning: The address is wrong.
        causes: [A typo.]
        quick_fix: [Remove the address.]

        """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var text: String
        /// `file:line:col [rule-id]` expected among the diagnostics.
        var expected: String
        /// Write the file as ISO 8859-1 instead of UTF-8.
        var latin1 = false
        /// Lint with `--strict`, for rules whose default severity is warning.
        var strict = false
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "malformed YAML", file: "errors/x.yaml", text: "code: x\ntitle: [unclosed\n", expected: "errors/x.yaml:3:1 [yaml-syntax]"),
        Case(name: "tab indentation", file: "errors/x.yaml", text: "code: x\nexample:\n\tstatus: 400\n", expected: "errors/x.yaml:3:1 [yaml-syntax]"),
        Case(name: "invalid UTF-8 (a Latin-1 é)", file: "errors/x.yaml", text: "code: x\ntitle: caf\u{E9}\n", expected: "errors/x.yaml:2:11 [invalid-utf8]", latin1: true),
        Case(name: "YAML alias", file: "errors/x.yaml", text: error(extra: "scope: &s All\nendpoints: [*s]"), expected: "errors/x.yaml:5:8 [yaml-alias]"),
        Case(name: "duplicate key", file: "errors/x.yaml", text: error(extra: "title: Again"), expected: "errors/x.yaml:5:1 [duplicate-key]"),
        Case(name: "unknown key", file: "errors/x.yaml", text: error(extra: "sumary: Typo."), expected: "errors/x.yaml:5:1 [unknown-key]"),
        Case(name: "wrong type", file: "errors/x.yaml", text: error(extra: "endpoints: POST /v1/send"), expected: "errors/x.yaml:5:12 [wrong-type]"),
        Case(name: "quoted status", file: "errors/x.yaml", text: error(status: "\"400\""), expected: "errors/x.yaml:3:9 [wrong-type]"),
        Case(name: "invalid retry policy", file: "errors/x.yaml", text: error(extra: "retry: {policy: sometimes}"), expected: "errors/x.yaml:5:17 [invalid-value]"),
        Case(name: "invalid duration", file: "errors/x.yaml", text: error(extra: "retry: {policy: after_fix, initial_delay: soon}"), expected: "errors/x.yaml:5:43 [invalid-value]"),
        Case(name: "missing required key", file: "errors/x.yaml", text: "code: x\ntitle: X\nstatus: 400\nfamily: validation\nsummary: S.\ncauses: [C.]\nquick_fix: [Q.]\nexample: {status: 400, body: {error: x, message: M., doc_url: \"https://docs.broken.example/errors/x\"}}\n", expected: "errors/x.yaml:1:1 [required-field]"),
        Case(name: "code format", file: "errors/x.yaml", text: error("RateLimited"), expected: "errors/x.yaml:1:7 [code-format]"),
        Case(name: "duplicate code", file: "errors/y.yaml", text: error("rate_limited", status: "400"), expected: "errors/y.yaml:1:7 [duplicate-code]"),
        Case(name: "unknown family", file: "errors/x.yaml", text: error().replacingOccurrences(of: "family: validation", with: "family: validations"), expected: "errors/x.yaml:4:9 [unknown-family]"),
        Case(name: "status out of range", file: "errors/x.yaml", text: error(status: "4000"), expected: "errors/x.yaml:3:9 [status-range]"),
        Case(name: "retry policy against status", file: "errors/x.yaml", text: error(extra: "retry: {policy: backoff}"), expected: "errors/x.yaml:5:17 [retry-policy-matches-status]"),
        Case(name: "unknown envelope", file: "errors/x.yaml", text: error().replacingOccurrences(of: "  status: 400\n", with: "  status: 400\n  envelope: problem\n"), expected: "errors/x.yaml:11:13 [unknown-envelope]"),
        Case(name: "example against schema", file: "errors/x.yaml", text: error().replacingOccurrences(of: "message: Wrong.,", with: "message: 42,"), expected: "errors/x.yaml:11:39 [example-matches-schema]"),
        Case(name: "example status", file: "errors/x.yaml", text: error().replacingOccurrences(of: "  status: 400", with: "  status: 422"), expected: "errors/x.yaml:10:11 [example-status-matches]"),
        Case(name: "example names another code", file: "errors/x.yaml", text: error().replacingOccurrences(of: "body: {error: bad_request", with: "body: {error: rate_limited"), expected: "errors/x.yaml:11:17 [example-names-code]"),
        Case(name: "unresolved related code", file: "errors/x.yaml", text: error(extra: "related: [rate_limited, no_such_code]"), expected: "errors/x.yaml:5:25 [unresolved-reference]"),
        Case(name: "unresolved replacement", file: "errors/x.yaml", text: error(extra: "deprecated: {replaced_by: no_such_code}"), expected: "errors/x.yaml:5:27 [unresolved-reference]"),
        Case(name: "SMTP class mismatch", file: "errors/smtp.yaml", text: smtpReply.replacingOccurrences(of: "\"5.1.1\"", with: "\"4.1.1\""), expected: "errors/smtp.yaml:4:30 [smtp-enhanced-code]"),
        Case(name: "SMTP enhanced syntax", file: "errors/smtp.yaml", text: smtpReply.replacingOccurrences(of: "\"5.1.1\"", with: "\"5.01.1\""), expected: "errors/smtp.yaml:4:30 [smtp-enhanced-code]"),
        Case(name: "empty Markdown", file: "errors/x.yaml", text: error().replacingOccurrences(of: "meaning: The body is not what the endpoint expects.", with: "meaning: \"  \""), expected: "errors/x.yaml:7:10 [empty-markdown]"),
        Case(name: "summary too long", file: "errors/x.yaml", text: error().replacingOccurrences(of: "summary: The request could not be understood.", with: "summary: " + String(repeating: "word ", count: 45)), expected: "errors/x.yaml:6:10 [summary-length]"),
        Case(name: "doc_url without {code}", file: "catalog.yaml", text: settings.replacingOccurrences(of: "errors/{code}", with: "errors/"), expected: "catalog.yaml:4:10 [catalog-urls]"),
        Case(name: "unresolved internal link", file: "errors/x.yaml", text: error(extra: "details: \"See [limits](errors/no_such_code).\""), expected: "errors/x.yaml:5:15 [internal-link]"),
        Case(name: "plain http link", file: "errors/x.yaml", text: error(extra: "details: \"See [limits](http://example.com/limits).\""), expected: "errors/x.yaml:5:15 [external-link-https]"),
        Case(name: "recovery language not listed", file: "errors/x.yaml", text: error(extra: "recovery: [{language: ruby, code: \"retry\"}]"), expected: "errors/x.yaml:5:23 [recovery-language]"),
        Case(name: "Retry-After not in headers", file: "errors/rate_limited.yaml", text: String(rateLimited[..<rateLimited.range(of: "headers:")!.lowerBound]), expected: "errors/rate_limited.yaml:3:9 [retry-after-header]"),
        Case(name: "duplicate title", file: "errors/y.yaml", text: error("other").replacingOccurrences(of: "title: Bad request other", with: "title: Bad Request bad_request"), expected: "errors/y.yaml:2:8 [duplicate-title]", strict: true),
        Case(name: "deprecated error replaced by itself", file: "errors/x.yaml", text: error(extra: "deprecated: {replaced_by: bad_request}"), expected: "errors/x.yaml:5:27 [deprecated-replacement]"),
        Case(name: "example doc_url of another code", file: "errors/x.yaml", text: error().replacingOccurrences(of: "errors/bad_request\"", with: "errors/rate_limited\""), expected: "errors/x.yaml:11:56 [example-doc-url]"),
        Case(name: "codes that differ by '_' and '.'", file: "errors/y.yaml", text: error("bad.request"), expected: "errors/y.yaml:1:7 [code-collision]"),
        Case(name: "family without errors", file: "catalog.yaml", text: settings + "  - id: billing\n    title: Billing\n    summary: Payment problems.\n    handling: Pay.\n    retry: {policy: never}\n", expected: "catalog.yaml:38:9 [empty-family]", strict: true),
        Case(name: "unknown rule in lint configuration", file: "catalog.yaml", text: settings + "lint:\n  disable: [no-such-rule]\n", expected: "catalog.yaml:39:13 [lint-configuration]"),
    ]

    @Test(arguments: cases)
    func lintNamesTheDefectAtItsPosition(_ defect: Case) throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let catalog = scratch.appendingPathComponent("catalog")
        var files = [
            "catalog.yaml": Self.settings, "errors/x.yaml": Self.error(),
            "errors/rate_limited.yaml": Self.rateLimited, "errors/smtp.yaml": Self.smtpReply,
        ]
        files[defect.file] = defect.text
        for (path, text) in files {
            let url = catalog.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let data = defect.latin1 && path == defect.file ? text.data(using: .isoLatin1) : Data(text.utf8)
            try #require(data).write(to: url)
        }
        let run = try Tool.run(["lint", "--format", "json"] + (defect.strict ? ["--strict"] : []) + ["catalog"], in: scratch)
        #expect(run.status == 1, "\(defect.name): \(run.stdout)")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        let found = report.diagnostics.map { "\($0.file.replacingOccurrences(of: "catalog/", with: "")):\($0.line):\($0.column) [\($0.rule)]" }
        #expect(found.contains(defect.expected), "\(defect.name): expected \(defect.expected), found \(found)")
        // One defect: no other rule reports an error (warnings that follow from it are fine).
        let rule = defect.expected[defect.expected.index(after: defect.expected.lastIndex(of: "[")!)...].dropLast()
        #expect(report.diagnostics.allSatisfy { $0.rule == rule || $0.severity == "warning" }, "\(defect.name): \(found)")
    }

    @Test func theBaseCatalogIsClean() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let catalog = scratch.appendingPathComponent("catalog")
        for (path, text) in ["catalog.yaml": Self.settings, "errors/x.yaml": Self.error(),
                             "errors/rate_limited.yaml": Self.rateLimited, "errors/smtp.yaml": Self.smtpReply] {
            let url = catalog.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let run = try Tool.run(["lint", "catalog"], in: scratch)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("0 errors, 0 warnings"), "\(run.stdout)")
    }

    struct Report: Decodable {
        struct Item: Decodable {
            var rule: String
            var file: String
            var line: Int
            var column: Int
            var severity: String
        }
        var diagnostics: [Item]
    }
}
