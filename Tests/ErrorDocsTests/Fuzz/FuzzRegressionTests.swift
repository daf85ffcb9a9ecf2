@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

/// The catalog errdocs-fuzz writes each input into (Sources/errdocs-fuzz/ErrdocsFuzz.swift):
/// `TemporaryCatalog.settings` plus two status-less families, and the input as `errors/fuzz.yaml`.
enum FuzzCatalogFixture {
    /// Fuzz/catalog.yaml, the catalog the fuzz target writes its inputs beside.
    static var settings: String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz/catalog.yaml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// Runs `bytes` through load → lint → render like one fuzzer iteration and checks the same
    /// invariants; returns the diagnostics with paths relative to the catalog folder.
    static func build(_ bytes: [UInt8]) throws -> [Diagnostic] {
        let catalog = try TemporaryCatalog(["catalog.yaml": settings])
        defer { catalog.remove() }
        try catalog.write(bytes, to: "errors/fuzz.yaml")
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        if report.diagnostics.hasErrors {
            #expect(report.written.isEmpty && output.files.isEmpty)
        } else {
            #expect(output.files["index.html"] != nil)
        }
        for diagnostic in report.diagnostics {
            #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "\(diagnostic)")
        }
        let prefix = catalog.root.path + "/"
        return report.diagnostics.map { diagnostic in
            var copy = diagnostic
            if copy.location.file.hasPrefix(prefix) { copy.location.file.removeFirst(prefix.count) }
            return copy
        }
    }
}

/// Every seed in Fuzz/corpus/ builds without throwing or crashing, so `swift test` alone catches
/// a regression on any of them.
@Suite struct FuzzCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/corpus")

    static var seeds: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
    }

    @Test func corpusIsThere() {
        #expect(Self.seeds.count >= 20)
    }

    @Test(arguments: seeds)
    func seedBuilds(_ name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.corpus.appendingPathComponent(name).path))
        _ = try FuzzCatalogFixture.build([UInt8](data))
    }

    @Test func validSeedsRender() throws {
        for name in ["valid-minimal.yaml", "valid-full-rate-limited.yaml", "valid-errors-list.yaml", "bom.yaml", "crlf.yaml"] {
            let data = try #require(FileManager.default.contents(atPath: Self.corpus.appendingPathComponent(name).path))
            let diagnostics = try FuzzCatalogFixture.build([UInt8](data))
            #expect(!diagnostics.hasErrors, "\(name): \(diagnostics)")
        }
    }
}

/// Hostile inputs, each with the clean diagnostic it must produce instead of a crash, a hang or
/// unbounded memory: the edge cases of the seed corpus (same names in Fuzz/corpus/), and every
/// input the fuzzer finds (add them here with their bytes; see docs/fuzzing.md).
@Suite struct FuzzRegressionTests {
    /// Rule IDs of the error diagnostics for `bytes`, as a set.
    static func errorRules(_ bytes: [UInt8]) throws -> Set<String> {
        Set(try FuzzCatalogFixture.build(bytes).filter { $0.severity == .error }.map(\.ruleID))
    }

    static func errorRules(_ text: String) throws -> Set<String> { try errorRules(Array(text.utf8)) }

    @Test func billionLaughsIsRefusedBeforeExpanding() throws {
        let text = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        #expect(try Self.errorRules(text) == ["yaml-alias"])
    }

    @Test func deepFlowNestingIsRefused() throws {
        #expect(try Self.errorRules("code: deep\nexample:\n  body: " + String(repeating: "[", count: 5000) + "\n")
            == ["yaml-too-deep"])
    }

    @Test func deepBlockNestingIsRefused() throws {
        var text = "code: deep\nexample:\n  body:\n"
        for level in 0..<70 { text += String(repeating: "  ", count: level + 2) + "k\(level):\n" }
        #expect(try Self.errorRules(text) == ["yaml-too-deep"])
    }

    @Test func invalidUTF8IsADiagnostic() throws {
        let diagnostics = try FuzzCatalogFixture.build(Array("code: x\ntitle: Bad ".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8))
        #expect(diagnostics.filter { $0.severity == .error }.map { "\($0.location) [\($0.ruleID)]" }
            == ["errors/fuzz.yaml:2:12 [invalid-utf8]"])
    }

    @Test func duplicateNonScalarKeysAreADiagnostic() throws {
        #expect(try Self.errorRules("? [a, b]\n: 1\n? [a, b]\n: 2\ncode: x\n") == ["duplicate-key"])
    }

    @Test func hugeNumbersAreWrongTypesNotOverflows() throws {
        let text = TemporaryCatalog.error(replacing: "status: 400\nfamily", with: "status: 99999999999999999999999999\nfamily")
            + "retry: {policy: backoff, max_attempts: 18446744073709551616, initial_delay: 9999999999999999999s}\n"
        let rules = try Self.errorRules(text)
        #expect(rules.contains("wrong-type") && rules.contains("invalid-value"))
    }

    @Test func twoDocumentsAreASyntaxError() throws {
        let one = TemporaryCatalog.error()
        #expect(try Self.errorRules("---\n" + one + "\n---\n" + one + "\n") == ["yaml-syntax"])
    }

    @Test func emptyAndBlankFilesOnlyWarn() throws {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array("# nothing\n".utf8), Array("\r\n\n  \n".utf8)] {
            let diagnostics = try FuzzCatalogFixture.build(bytes)
            #expect(!diagnostics.hasErrors, "\(bytes): \(diagnostics)")
            #expect(diagnostics.contains { $0.ruleID == "empty-file" }, "\(bytes): \(diagnostics)")
        }
    }
}
