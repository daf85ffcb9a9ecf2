@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

/// A catalog written to a fresh temporary folder from inline text, for tests that go through
/// the real loader. Paths in diagnostics are relative to the catalog (`catalog.yaml`,
/// `errors/x.yaml`), because the loader is given the folder as `.`-free relative path.
struct TemporaryCatalog {
    let root: URL

    /// A minimal valid catalog.yaml: one `standard` envelope (code_field `error`; its
    /// doc_url_field line is commented out so that `error()`'s example body, which has no
    /// `doc_url`, stays valid: see `settingsWithDocURLField`), families `validation` (400, 422;
    /// after_fix), `rate_limit` (429; retry_after) and `server` (500, 503; backoff).
    static let settings = """
        name: Test API
        version: "1.0.0"
        base_url: https://docs.test.example/
        doc_url: https://docs.test.example/errors/{code}
        languages: [python, javascript]
        envelopes:
          standard:
            default: true
            description: The error body.
            code_field: error
            # doc_url_field: doc_url
            schema:
              type: object
              required: [error, message]
              additionalProperties: false
              properties:
                error: {type: string, pattern: "^[a-z_.]+$"}
                message: {type: string}
                doc_url: {type: string}
                retry_after: {type: [integer, "null"]}
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
          - id: server
            title: Server
            summary: Something broke on our side.
            handling: Retry with backoff.
            statuses: [500, 503]
            retry: {policy: backoff, max_attempts: 3, initial_delay: 2s, max_delay: 30s, jitter: true}
        """

    /// A valid error file for `code` (status 400, family validation) to start fixtures from.
    static func error(_ code: String = "bad_request", status: Int = 400, family: String = "validation", extra: String = "") -> String {
        """
        code: \(code)
        title: Bad request \(code)
        status: \(status)
        family: \(family)
        summary: The request could not be understood.
        meaning: The body is not what the endpoint expects.
        causes:
          - A field is missing.
        example:
          status: \(status)
          body:
            error: \(code)
            message: Something is wrong.
        quick_fix:
          - Fix the body.
        \(extra)
        """
    }

    /// Writes `files` (path relative to the catalog → text) plus `catalog.yaml` when not given.
    init(_ files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("errdocs-tests-\(UUID().uuidString)")
        var all = files
        if all["catalog.yaml"] == nil { all["catalog.yaml"] = Self.settings }
        for (path, text) in all {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Writes raw bytes, for encoding tests.
    func write(_ bytes: [UInt8], to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// Loads and lints; diagnostics have paths relative to the catalog folder. The fixture
    /// catalog declares three families and most fixtures fill only one, so `empty-family`
    /// warnings are left out unless `keepingEmptyFamily` is set (EmptyFamilyTests cover them).
    func lint(keepingEmptyFamily: Bool = false) throws -> [Diagnostic] {
        let report = try Pipeline.lint(root.path)
        try expectTheLintCacheChangesNothing(report.diagnostics)
        #expect(try Pipeline.lint(root.path, keepingBodies: false).diagnostics == report.diagnostics,
                "linted with each file's bodies left encoded once it is linted, as errdocs lint does")
        let prefix = root.path + "/"
        return report.diagnostics.filter { keepingEmptyFamily || $0.ruleID != "empty-family" }.map { diagnostic in
            var copy = diagnostic
            if copy.location.file.hasPrefix(prefix) { copy.location.file.removeFirst(prefix.count) }
            copy.notes = copy.notes.map { note in
                var note = note
                if note.location.file.hasPrefix(prefix) { note.location.file.removeFirst(prefix.count) }
                return note
            }
            return copy
        }
    }

    /// Builds keep what the error-file rules found in each file and lint only the files that
    /// changed: so every rule test also lints through that cache, from nothing, with every
    /// file's findings read back, and with each error file in turn linted anew while the
    /// others' findings are kept from a run without that file; and expects exactly what
    /// linting without the cache gave.
    private func expectTheLintCacheChangesNothing(_ expected: [Diagnostic]) throws {
        let cache = root.path + ".lint-cache"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        func lint() throws -> Pipeline.LintReport {
            var hashes: [String: String] = [:]
            for path in try CatalogLoader(directory: root.path).inputFiles() {
                hashes[path] = ContentHash.of(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            return try Pipeline.lint(root.path, cache: LoadCache(path: cache), hashes: hashes)
        }
        #expect(try lint().diagnostics == expected, "linted from nothing, writing the cache")
        let kept = try lint()
        #expect(kept.diagnostics == expected, "linted with every file's findings kept")
        #expect(kept.linted == 0, "every file's findings are read back")
        let errors = try CatalogLoader(directory: root.path).list().errors
        for file in errors {
            try FileManager.default.removeItem(atPath: cache)
            let away = root.path + ".away"
            try FileManager.default.moveItem(atPath: file, toPath: away)
            _ = try lint()
            try FileManager.default.moveItem(atPath: away, toPath: file)
            let mixed = try lint()
            #expect(mixed.diagnostics == expected, "linted with \(file) new and the other files' findings kept from a run without it")
            #expect(mixed.linted <= 1)
        }
    }

    /// A path outside the catalog for a test's own folder (a site, a theme). ``remove()``
    /// deletes it, and with it what a build keeps beside a site (its record, spare copy and
    /// loaded files), which would otherwise be left in the temporary folder.
    func folder(_ name: String) -> String {
        root.path + "-work/" + name
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(atPath: root.path + "-work")
    }
}

/// Lints `files` and returns the diagnostics, cleaning up afterwards.
func lint(_ files: [String: String]) throws -> [Diagnostic] {
    let catalog = try TemporaryCatalog(files)
    defer { catalog.remove() }
    return try catalog.lint()
}

extension Array where Element == Diagnostic {
    /// `file:line:col [rule]` of each diagnostic, for compact expectations.
    var positions: [String] { map { "\($0.location) [\($0.ruleID)]" } }

    func with(rule: String) -> [Diagnostic] { filter { $0.ruleID == rule } }
}

// MARK: Helpers added for the loader and rule tests

extension TemporaryCatalog {
    /// `settings` with one exact piece of text replaced. Stops the test run when `old` is not
    /// there, so a fixture can never silently stay valid.
    static func settings(replacing old: String, with new: String) -> String {
        precondition(settings.contains(old), "TemporaryCatalog.settings has no '\(old)'")
        return settings.replacingOccurrences(of: old, with: new)
    }

    /// `error(...)` with one exact piece of text replaced (same guard as `settings(replacing:with:)`).
    static func error(_ code: String = "bad_request", status: Int = 400, family: String = "validation",
                      replacing old: String, with new: String) -> String {
        let text = error(code, status: status, family: family)
        precondition(text.contains(old), "TemporaryCatalog.error has no '\(old)'")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// Loads through the real loader only (no lint rules); locations are absolute paths.
    func load() throws -> CatalogLoader.Result {
        try CatalogLoader(directory: root.path).load()
    }

    /// `file:line:col` of a location, with the file relative to the catalog folder.
    func relative(_ location: ErrorDocsModel.SourceLocation) -> String {
        let prefix = root.path + "/"
        var copy = location
        if copy.file.hasPrefix(prefix) { copy.file.removeFirst(prefix.count) }
        return copy.description
    }

    /// Each diagnostic as `file:line:col [rule] severity: message`, the file relative to the catalog folder.
    func described(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\(relative($0.location)) [\($0.ruleID)] \($0.severity): \($0.message)" }
    }
}

/// Writes `files`, then raw `bytes` at `path`, and lints; cleans up afterwards.
func lint(_ files: [String: String], bytes: [UInt8], at path: String) throws -> [Diagnostic] {
    let catalog = try TemporaryCatalog(files)
    defer { catalog.remove() }
    try catalog.write(bytes, to: path)
    return try catalog.lint()
}

// MARK: Helpers added for the link, language, family, header, title, deprecation, doc URL and
// collision rules

extension TemporaryCatalog {
    /// `settings` with the `standard` envelope's `doc_url_field: doc_url` line switched on (same
    /// line numbers as `settings`).
    static var settingsWithDocURLField: String {
        settings(replacing: "    # doc_url_field: doc_url", with: "    doc_url_field: doc_url")
    }

    /// Loads through the real loader and runs one rule by itself, registered or not. Findings
    /// become diagnostics at the rule's own severity, with paths relative to the catalog folder.
    func check(_ rule: any LintRule.Type) throws -> [Diagnostic] {
        var findings: [LintFinding] = []
        rule.check(try load().catalog, &findings)
        let prefix = root.path + "/"
        func relative(_ location: ErrorDocsModel.SourceLocation) -> ErrorDocsModel.SourceLocation {
            var copy = location
            if copy.file.hasPrefix(prefix) { copy.file.removeFirst(prefix.count) }
            return copy
        }
        return findings.map { finding in
            Diagnostic(
                rule.id, finding.severity ?? rule.defaultSeverity, at: relative(finding.location), finding.message,
                notes: finding.notes.map { Diagnostic.Note($0.message, at: relative($0.location)) })
        }.sortedByLocation()
    }
}

/// Writes `files` and runs one rule by itself (see `TemporaryCatalog.check(_:)`); cleans up.
func check(_ rule: any LintRule.Type, _ files: [String: String]) throws -> [Diagnostic] {
    let catalog = try TemporaryCatalog(files)
    defer { catalog.remove() }
    return try catalog.check(rule)
}
