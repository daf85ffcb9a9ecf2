import Foundation
import Testing

/// `errdocs diff` on pairs of catalogs that differ in one way each: the change kinds it
/// reports, and `--fail-on breaking` with and without a major version bump.
@Suite struct DiffCommandTests {
    static func settings(version: String = "1.0.0", envelopeExtra: String = "", extraEnvelope: String = "", familyExtra: String = "", tail: String = "") -> String {
        """
        name: Diff API
        version: "\(version)"
        base_url: https://docs.diff.example/
        doc_url: https://docs.diff.example/errors/{code}
        envelopes:
          standard:
            default: true
            description: The error body.
            code_field: error
            schema:
              type: object
              required: [error, message]
              properties:
                error: {type: string}
                message: {type: string}
        \(envelopeExtra)
        \(extraEnvelope)
        families:
          - id: validation
            title: Validation
            summary: The request is malformed.
            handling: Fix the request.
            statuses: [400, 422]
            retry: {policy: after_fix}
          - id: server
            title: Server
            summary: Something broke.
            handling: Retry with backoff.
            statuses: [500]
            retry: {policy: backoff, max_attempts: 3, initial_delay: 2s, max_delay: 30s, jitter: true}
          - id: locked
            title: Locked
            summary: The resource is locked.
            handling: Wait for the lock, or retry later.
            statuses: [423]
            retry: {policy: after_fix}
        \(familyExtra)
        \(tail)
        """
    }

    static func error(_ code: String, status: Int = 400, family: String = "validation", summary: String = "The request could not be understood.", extra: String = "") -> String {
        """
        code: \(code)
        title: Title of \(code)
        status: \(status)
        family: \(family)
        summary: \(summary)
        meaning: Something is wrong.
        causes: [A cause.]
        example:
          status: \(status)
          body: {error: \(code), message: Wrong.}
        quick_fix: [Fix it.]
        \(extra)
        """
    }

    static let base: [String: String] = [
        "catalog.yaml": settings(),
        "errors/bad_request.yaml": error("bad_request"),
        "errors/server_error.yaml": error("server_error", status: 500, family: "server"),
        "errors/resource_locked.yaml": error("resource_locked", status: 423, family: "locked"),
    ]

    struct Pair: CustomTestStringConvertible, Sendable {
        var name: String
        var old: [String: String] = DiffCommandTests.base
        var new: [String: String?]
        var expected: [String]
        var testDescription: String { name }
    }

    static let pairs: [Pair] = [
        Pair(name: "nothing changed", new: [:], expected: []),
        Pair(name: "code added", new: ["errors/not_found.yaml": error("not_found", status: 422)], expected: ["code-added"]),
        Pair(name: "code removed without tombstone", new: ["errors/bad_request.yaml": nil], expected: ["code-removed"]),
        Pair(name: "code removed with tombstone", new: [
            "errors/bad_request.yaml": nil,
            "catalog.yaml": settings(tail: "removed:\n  - {code: bad_request, reason: Merged., replaced_by: server_error}"),
        ], expected: ["code-retired"]),
        Pair(name: "status changed", new: ["errors/bad_request.yaml": error("bad_request", status: 422)], expected: ["docs-changed", "status-changed"]),
        Pair(name: "surface changed", new: ["errors/bad_request.yaml": """
            code: bad_request
            title: Title of bad_request
            surface: event
            event: dropped
            family: validation
            summary: The request could not be understood.
            meaning: Something is wrong.
            causes: [A cause.]
            quick_fix: [Fix it.]
            """], expected: ["docs-changed", "surface-changed"]),
        Pair(name: "family changed", new: [
            "catalog.yaml": settings(familyExtra: "  - {id: upstream, title: Upstream, summary: A provider failed., handling: Retry., statuses: [500], retry: {policy: backoff, max_attempts: 3, initial_delay: 2s, max_delay: 30s, jitter: true}}"),
            "errors/server_error.yaml": error("server_error", status: 500, family: "upstream"),
        ], expected: ["family-changed"]),
        Pair(name: "not retryable turned retryable", new: ["errors/resource_locked.yaml": error("resource_locked", status: 423, family: "locked", extra: "retry: {policy: backoff, max_attempts: 3}")], expected: ["retryability-changed"]),
        Pair(name: "retry attempts changed", new: ["errors/server_error.yaml": error("server_error", status: 500, family: "server", extra: "retry: {policy: backoff, max_attempts: 5, initial_delay: 2s, max_delay: 30s, jitter: true}")], expected: ["retry-policy-changed"]),
        Pair(name: "code deprecated", new: ["errors/bad_request.yaml": error("bad_request", extra: "deprecated: {since: \"1.1.0\", replaced_by: server_error}")], expected: ["code-deprecated"]),
        Pair(name: "summary reworded", new: ["errors/bad_request.yaml": error("bad_request", summary: "The body is not what the endpoint expects.")], expected: ["docs-changed"]),
        Pair(name: "envelope field removed", old: base.merging(["catalog.yaml": settings(envelopeExtra: "        request_id: {type: string}")]) { $1 }, new: ["catalog.yaml": settings()], expected: ["envelope-field-removed"]),
        Pair(name: "envelope field added", new: ["catalog.yaml": settings(envelopeExtra: "        request_id: {type: string}")], expected: ["envelope-field-added"]),
        Pair(name: "envelope added", new: ["catalog.yaml": settings(extraEnvelope: "  problem:\n    description: RFC 9457.\n    content_type: application/problem+json\n    schema: {type: object}")], expected: ["envelope-added"]),
        Pair(name: "envelope removed", old: base.merging(["catalog.yaml": settings(extraEnvelope: "  problem:\n    description: RFC 9457.\n    content_type: application/problem+json\n    schema: {type: object}")]) { $1 }, new: ["catalog.yaml": settings()], expected: ["envelope-removed"]),
        Pair(name: "status and wording changed together", new: ["errors/bad_request.yaml": error("bad_request", status: 422, summary: "Reworded.")], expected: ["docs-changed", "status-changed"]),
        Pair(name: "envelope field type changed", old: base.merging(["catalog.yaml": settings(envelopeExtra: "        retry_after: {type: integer}")]) { $1 },
             new: ["catalog.yaml": settings(envelopeExtra: "        retry_after: {type: [string, \"null\"]}")], expected: ["envelope-field-type-changed"]),
        Pair(name: "nested envelope field removed",
             old: base.merging(["catalog.yaml": settings(envelopeExtra: "        details: {type: array, items: {type: object, properties: {field: {type: string}}}}")]) { $1 },
             new: ["catalog.yaml": settings(envelopeExtra: "        details: {type: array, items: {type: object}}")], expected: ["envelope-field-removed"]),
        Pair(name: "envelope content type changed",
             new: ["catalog.yaml": settings().replacingOccurrences(of: "    code_field: error", with: "    code_field: error\n    content_type: application/problem+json")],
             expected: ["envelope-format-changed"]),
        Pair(name: "tombstone removed",
             old: base.merging(["catalog.yaml": settings(tail: "removed:\n  - {code: gone_error, reason: Merged., replaced_by: server_error}")]) { $1 },
             new: ["catalog.yaml": settings()], expected: ["tombstone-removed"]),
        Pair(name: "catalog description only", new: ["catalog.yaml": settings() + "\ndescription: An introduction.\n"], expected: []),
    ]

    private func write(_ files: [String: String], to folder: URL) throws {
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Writes the pair as old/ and new/ (new with `version`) and returns the scratch folder.
    private func scratch(_ pair: Pair, newVersion: String? = nil) throws -> URL {
        let scratch = try Tool.scratch()
        try write(pair.old, to: scratch.appendingPathComponent("old"))
        var new = pair.old
        for (path, text) in pair.new { new[path] = text }
        if let newVersion, let settings = new["catalog.yaml"] {
            new["catalog.yaml"] = settings.replacingOccurrences(of: "version: \"1.0.0\"", with: "version: \"\(newVersion)\"")
        }
        try write(new, to: scratch.appendingPathComponent("new"))
        return scratch
    }

    struct Report: Decodable {
        struct Change: Decodable { var kind: String; var level: String; var subject: String }
        var changes: [Change]
        var summary: [String: Int]
        var major_bump: Bool
    }

    @Test(arguments: pairs)
    func reportsExactlyTheExpectedKinds(_ pair: Pair) throws {
        let scratch = try scratch(pair)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["diff", "old", "new", "--format", "json"], in: scratch)
        #expect(run.status == 0, "\(pair.name): \(run.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        #expect(report.changes.map(\.kind).sorted() == pair.expected, "\(pair.name)")
    }

    @Test(arguments: pairs)
    func failOnBreakingNeedsAMajorBump(_ pair: Pair) throws {
        let breaking = pair.expected.contains { ["code-removed", "status-changed", "surface-changed", "retryability-changed", "family-changed", "envelope-removed", "envelope-field-removed", "envelope-field-type-changed", "envelope-format-changed"].contains($0) }
        for (version, bump) in [("1.1.0", false), ("2.0.0", true)] {
            let scratch = try scratch(pair, newVersion: version)
            defer { try? FileManager.default.removeItem(at: scratch) }
            let run = try Tool.run(["diff", "old", "new", "--fail-on", "breaking"], in: scratch)
            #expect(run.status == (breaking && !bump ? 1 : 0), "\(pair.name) at \(version): \(run.stdout)\(run.stderr)")
        }
    }

    @Test func aBuiltRegistryCanBeTheOldSide() throws {
        let pair = Self.pairs[2]
        let scratch = try scratch(pair)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let build = try Tool.run(["build", "old", "--output", "old-site"], in: scratch)
        #expect(build.status == 0, "\(build.stderr)")
        let run = try Tool.run(["diff", "old-site/registry.json", "new"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("breaking: 'bad_request' was removed without being listed under removed: [code-removed]"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("1.0.0 → 1.0.0: 1 breaking, 0 non-breaking, 0 docs-only\n"), "\(run.stdout)")
    }

    @Test func aGitRevisionCanBeTheOldSide() throws {
        let scratch = try scratch(Self.pairs[4])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let repository = scratch.appendingPathComponent("repo")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: scratch.appendingPathComponent("old"), to: repository.appendingPathComponent("Content"))
        let git = URL(fileURLWithPath: "/usr/bin/git")
        let identity = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"]
        for arguments in [["init", "-q"], ["add", "."], ["commit", "-qm", "old"]] {
            let run = try Tool.run(arguments, in: repository, environment: identity, executable: git)
            #expect(run.status == 0, "\(run.stderr)")
        }
        try FileManager.default.removeItem(at: repository.appendingPathComponent("Content"))
        try FileManager.default.moveItem(at: scratch.appendingPathComponent("new"), to: repository.appendingPathComponent("Content"))
        let run = try Tool.run(["diff", "--git", "HEAD", "Content", "--format", "markdown"], in: repository)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == """
            ## Error catalog changes: 1.0.0 → 1.0.0

            ### Breaking changes

            - 'bad\\_request' changed from HTTP 400 to HTTP 422 (`status-changed`)

            ### Documentation

            - 'bad\\_request' documentation changed (`docs-changed`)


            """, "\(run.stdout)")
    }

    @Test func aCatalogWithErrorsIsRefusedWithItsDiagnostics() throws {
        let scratch = try scratch(Pair(name: "broken", new: ["errors/bad_request.yaml": "code: bad_request\nstatus: 4000\n"], expected: []))
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["diff", "old", "new"], in: scratch)
        #expect(run.status == 1)
        #expect(run.stderr.contains("new/errors/bad_request.yaml:2:9: error: HTTP status 4000"), "\(run.stderr)")
    }

    @Test(arguments: [
        ("{\"a\": 1}", "'version' is missing at the top level"),
        ("{\"version\": \"1\", \"errors\": [{\"code\": 5}]}", "errors[0].code has the wrong type"),
        ("not json", "it is not JSON"),
    ])
    func aFileThatIsNotARegistryIsNamedPlainly(text: String, reason: String) throws {
        let scratch = try scratch(Self.pairs[2])
        defer { try? FileManager.default.removeItem(at: scratch) }
        try text.write(to: scratch.appendingPathComponent("other.json"), atomically: true, encoding: .utf8)
        let run = try Tool.run(["diff", "other.json", "new"], in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr == "error: other.json: not a registry.json that errdocs build wrote: \(reason)\n", "\(run.stderr)")
    }

    @Test func aRegistryOfAnotherFormatMajorIsRefused() throws {
        let scratch = try scratch(Self.pairs[2])
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(try Tool.run(["build", "old", "--output", "old-site"], in: scratch).status == 0)
        let registry = scratch.appendingPathComponent("old-site/registry.json")
        let text = try String(contentsOf: registry, encoding: .utf8)
        let newer = text.replacingOccurrences(of: #""format_version" : "1."#, with: #""format_version" : "2."#)
        #expect(newer != text)
        try newer.write(to: registry, atomically: true, encoding: .utf8)
        let run = try Tool.run(["diff", "old-site/registry.json", "new"], in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.contains("old-site/registry.json: registry format 2.") && run.stderr.contains("is not one this errdocs reads (1.x)"), "\(run.stderr)")
    }

    @Test func everyChangeKindIsDocumented() throws {
        let docs = try String(contentsOf: Tool.repository.appendingPathComponent("docs/diff.md"), encoding: .utf8)
        for kind in ["code-removed", "status-changed", "surface-changed", "retryability-changed", "family-changed", "envelope-removed",
                     "envelope-field-removed", "code-added", "code-deprecated", "code-retired", "retry-policy-changed", "envelope-added",
                     "envelope-field-added", "docs-changed", "envelope-field-type-changed", "envelope-format-changed", "tombstone-removed"] {
            #expect(docs.contains("`\(kind)`"), "docs/diff.md does not document \(kind)")
        }
    }
}
