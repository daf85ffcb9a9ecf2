import Foundation
import Testing

/// `errdocs openapi` as users run it: valid JSON with a response per HTTP error, determinism,
/// --output, refusing a broken catalog.
@Suite struct OpenAPICommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Codes of Content/'s errors met in HTTP responses, read from registry.json.
    private func httpCodes(in scratch: URL) throws -> Set<String> {
        let build = try Tool.run(["build", "Content", "--output", scratch.appendingPathComponent("Site").path])
        #expect(build.status == 0, "\(build.stderr)")
        let registry = try json(String(decoding: try Data(contentsOf: scratch.appendingPathComponent("Site/registry.json")), as: UTF8.self))
        let errors = try #require(registry["errors"] as? [[String: Any]])
        return Set(errors.filter { $0["surface"] as? String == "response" }.compactMap { $0["code"] as? String })
    }

    @Test func everyHTTPErrorOfContentHasAResponseSameBytesEachRun() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = try Tool.run(["openapi", "Content"])
        let second = try Tool.run(["openapi", "Content"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)

        let document = try json(first.stdout)
        #expect(document["openapi"] as? String == "3.1.0")
        #expect((document["info"] as? [String: Any])?["title"] as? String == "Mailvane errors")
        let responses = try #require((document["components"] as? [String: Any])?["responses"] as? [String: Any])
        let expected = try httpCodes(in: scratch)
        #expect(!expected.isEmpty && Set(responses.keys) == expected)
        let codes = try #require(document["x-error-codes"] as? [String: Any])
        #expect(codes["smtp.user_unknown"] != nil && responses["smtp.user_unknown"] == nil)
        #expect((codes["unverified_sender"] as? [String: Any])?["removed"] as? Bool == true)
    }

    @Test func writesToTheOutputFile() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("errors.openapi.json")
        let run = try Tool.run(["openapi", "Content", "--output", file.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(file.path))
        #expect(try String(contentsOf: file, encoding: .utf8) == (try Tool.run(["openapi", "Content"])).stdout)

        // Missing folders are made, as build and generate make theirs.
        let nested = scratch.appendingPathComponent("api/specs/errors.json")
        #expect(try Tool.run(["openapi", "Content", "--output", nested.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: nested.path))
        let unwritable = try Tool.run(["openapi", "Content", "--output", file.appendingPathComponent("below-a-file.json").path])
        #expect(unwritable.status == 2, "\(unwritable.stderr)")
        let folder = try Tool.run(["openapi", "Content", "--output", scratch.path])
        #expect(folder.status == 2 && folder.stderr.contains("it is a folder"), "\(folder.stderr)")
        let missing = try Tool.run(["openapi", scratch.appendingPathComponent("nothing").path])
        #expect(missing.status == 2, "\(missing.stderr)")
    }

    /// A mistyped --output must never replace the catalog's own files.
    @Test func refusesToWriteInsideTheCatalog() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let settings = scratch.appendingPathComponent("Content/catalog.yaml")
        let before = try Data(contentsOf: settings)
        for output in ["Content/catalog.yaml", "Content/errors/new.json", "./Content/../Content/x.json"] {
            let run = try Tool.run(["openapi", "Content", "--output", output], in: scratch)
            #expect(run.status == 2, "\(output): \(run.stderr)")
            #expect(run.stderr.contains("inside the catalog"), "\(run.stderr)")
        }
        #expect(try Data(contentsOf: settings) == before)
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("Content/errors/new.json").path))
    }

    @Test func aCatalogWithALintErrorPrintsDiagnosticsAndExitsOne() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try "code: [broken\n".write(to: scratch.appendingPathComponent("Content/errors/zz.yaml"), atomically: true, encoding: .utf8)
        let run = try Tool.run(["openapi", "Content", "--output", "out.json"], in: scratch)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("zz.yaml") && run.stderr.contains("nothing was written"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out.json").path))
    }

    @Test func helpExplainsTheCommand() throws {
        let run = try Tool.run(["openapi", "--help"])
        #expect(run.status == 0)
        for needle in ["OpenAPI 3.1", "--output", "components.responses", "x-error-codes", "problem+json", "$ref"] {
            #expect(run.stdout.contains(needle), "\(needle) in \(run.stdout)")
        }
    }
}
