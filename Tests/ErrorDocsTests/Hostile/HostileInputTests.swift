import ErrorDocsModel
import Foundation
import Testing
@testable import ErrorDocs

/// Hostile catalog files: each gets a diagnostic at its file, line and column (or loads
/// safely), never a crash or a hang. Limits enforced by the loader: files up to 8 MiB,
/// nesting up to 64 levels, no YAML anchors or aliases (so no alias expansion at all).
@Suite struct HostileInputTests {
    @Test(arguments: [
        ("../escape", "errors/x.yaml:1:7 [code-format]"),
        ("/etc/passwd", "errors/x.yaml:1:7 [code-format]"),
        ("\"a\\0b\"", "errors/x.yaml:1:7 [code-format]"),
        ("\"..\\\\windows\"", "errors/x.yaml:1:7 [code-format]"),
        ("con", "errors/x.yaml:1:7 [code-format]"),
        ("aux.refused", "errors/x.yaml:1:7 [code-format]"),
        ("lpt9", "errors/x.yaml:1:7 [code-format]"),
        ("\"quote\\\"break\"", "errors/x.yaml:1:7 [code-format]"),
    ])
    func codesThatWouldLeaveTheirFolderOrBreakOnWindowsAreRefused(code: String, expected: String) throws {
        let text = TemporaryCatalog.error(replacing: "code: bad_request", with: "code: \(code)")
        let found = try lint(["errors/x.yaml": text]).with(rule: "code-format")
        #expect(found.positions == [expected], "\(code)")
    }

    @Test func codesLikeWindowsNamesButLongerPass() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error("console_error")]).with(rule: "code-format")
        #expect(found.isEmpty)
    }

    @Test func aRemovedCodeIsCheckedToo() throws {
        let settings = TemporaryCatalog.settings + "\nremoved:\n  - {code: ../up, reason: Gone.}\n"
        let found = try lint(["catalog.yaml": settings, "errors/x.yaml": TemporaryCatalog.error()]).with(rule: "code-format")
        #expect(found.count == 1)
    }

    @Test func aNonTextKeyIsAnUnknownKeyNotACrash() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error() + "\n? [a, b]\n: 1\n"])
        #expect(found.hasErrors)
        #expect(found.allSatisfy { $0.location.file == "errors/x.yaml" })
    }

    @Test func duplicateKeysThatAreNotTextAreNamedPlainly() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error() + "\n? [a]\n: 1\n? [a]\n: 2\n"]).with(rule: "duplicate-key")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("keys that are not text") == true, "\(found)")
        #expect(found.first?.message.contains("uncovertable") == false)
    }

    @Test(arguments: ["", "---\n", "--- ~\n", "null\n"])
    func aFileWithNothingButADocumentMarkerIsAnEmptyFile(text: String) throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(), "errors/empty.yaml": text])
        #expect(found.positions == ["errors/empty.yaml:1:1 [empty-file]"], "\(text.debugDescription)")
        #expect(!found.hasErrors)
    }

    @Test(arguments: ["99999999999999999999999999", "-1", "4.5e300", "0x190"])
    func hugeOrOddNumbersWhereAStatusBelongsAreReported(status: String) throws {
        let text = TemporaryCatalog.error(replacing: "status: 400\nfamily", with: "status: \(status)\nfamily")
        let found = try lint(["errors/x.yaml": text])
        #expect(found.contains { $0.location.line == 3 && $0.severity == .error }, "\(status): \(found.positions)")
    }

    @Test func crlfLineEndsLoadCleanlyWithTheSamePositions() throws {
        let text = TemporaryCatalog.error().replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try lint(["errors/x.yaml": text]).isEmpty)
        let broken = TemporaryCatalog.error(replacing: "status: 400\nfamily", with: "status: 4000\nfamily").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try lint(["errors/x.yaml": broken]).with(rule: "status-range").first.map { "\($0.location)" } == "errors/x.yaml:3:9")
    }

    @Test func aHundredThousandListItemsLoadInBoundedTime() throws {
        let causes = String(repeating: "  - A cause.\n", count: 100_000)
        let text = TemporaryCatalog.error(replacing: "causes:\n  - A field is missing.\n", with: "causes:\n" + causes)
        let catalog = try TemporaryCatalog(["errors/x.yaml": text])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.catalog.errors.first?.causes.count == 100_000)
    }

    @Test func aFiftyMegabyteFileIsRefusedWithoutBeingParsed() throws {
        let catalog = try TemporaryCatalog([:])
        defer { catalog.remove() }
        try catalog.write(Array(repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024), to: "errors/huge.yaml")
        let found = try catalog.lint()
        #expect(found.positions == ["errors/huge.yaml:1:1 [file-too-large]"])
    }
}
