@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

@Suite struct UnresolvedReferenceTests {
    @Test func aRelatedCodeThatIsNotDefinedIsReportedAtTheReference() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "related: [missing_code]")])
            .with(rule: "unresolved-reference")
        #expect(found.positions == ["errors/x.yaml:16:11 [unresolved-reference]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "related code 'missing_code' is not defined in the catalog")
    }

    @Test func aCodeListedTwiceInRelatedIsAWarningWithANoteAtTheFirst() throws {
        let found = try lint([
            "errors/x.yaml": TemporaryCatalog.error(extra: "related: [other_error, other_error]"),
            "errors/y.yaml": TemporaryCatalog.error("other_error"),
        ]).with(rule: "unresolved-reference")
        #expect(found.positions == ["errors/x.yaml:16:24 [unresolved-reference]"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "'other_error' is listed twice in related")
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/x.yaml:16:11"])
    }

    @Test func anErrorListingItselfAsRelatedIsReported() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "related: [bad_request]")])
            .with(rule: "unresolved-reference")
        #expect(found.positions == ["errors/x.yaml:16:11 [unresolved-reference]"])
        #expect(found.first?.message == "'bad_request' lists itself as related")
    }

    @Test func aReplacementCodeThatIsNotDefinedIsReported() throws {
        let file = TemporaryCatalog.error(extra: "deprecated: {since: 1.0.0, replaced_by: gone}")
        let found = try lint(["errors/x.yaml": file]).with(rule: "unresolved-reference")
        #expect(found.positions == ["errors/x.yaml:16:41 [unresolved-reference]"])
        #expect(found.first?.message == "replacement code 'gone' is not defined in the catalog")
    }

    /// A syntax error (or invalid UTF-8) in the file that defines a code must not also be
    /// reported, before it, as references to that code in every other file.
    @Test(arguments: ["code: second_error\n  title: [broken\n", "code: second_error\n\ttitle: tab\n"])
    func codesAreNotLookedUpWhileAnErrorFileDoesNotRead(broken: String) throws {
        let linking = TemporaryCatalog.error(
            "first_error", extra: "related: [second_error, first_error]\ndeprecated: {since: 1.0.0, replaced_by: second_error}")
            .replacingOccurrences(of: "  - A field is missing.", with: "  - See [it](errors/second_error).")
        let diagnostics = try lint(["errors/a.yaml": linking, "errors/b.yaml": broken])
        #expect(diagnostics.filter { $0.location.file == "errors/a.yaml" }.map { "\($0.ruleID): \($0.message)" }
                == ["unresolved-reference: 'first_error' lists itself as related"], "only what does not depend on b.yaml")
        #expect(diagnostics.contains { $0.location.file == "errors/b.yaml" && $0.ruleID == "yaml-syntax" })

        // Once it reads, the lookups are back: a code it does not define is reported.
        let fixed = try lint(["errors/a.yaml": linking, "errors/b.yaml": TemporaryCatalog.error("other_error")])
        #expect(fixed.with(rule: "unresolved-reference").count == 3)
        #expect(fixed.with(rule: "internal-link").count == 1)
    }

    /// Builds keep what these rules found under the key of what they read; a file that does not
    /// read and a file that is gone must not share it.
    @Test func aBuildAfterTheUnreadableFileIsDeletedReportsTheReference() throws {
        let linking = TemporaryCatalog.error("first_error", extra: "related: [second_error]")
        let catalog = try TemporaryCatalog(["errors/a.yaml": linking, "errors/b.yaml": TemporaryCatalog.error("second_error")])
        defer { catalog.remove() }
        let site = catalog.folder("site")
        func build() throws -> [String] {
            var output = try FolderOutput(path: site)
            return try Pipeline.build(catalog.root.path, templates: nil, into: &output).diagnostics
                .filter { $0.severity == .error }.map(\.ruleID)
        }
        #expect(try build() == [])
        let b = catalog.root.appendingPathComponent("errors/b.yaml")
        try "code: second_error\n  title: [broken\n".write(to: b, atomically: true, encoding: .utf8)
        #expect(try build() == ["yaml-syntax"])
        try FileManager.default.removeItem(at: b)
        #expect(try build() == ["unresolved-reference"])
    }

    @Test func referencesToDefinedErrorsInOtherFilesPass() throws {
        let diagnostics = try lint([
            "errors/a.yaml": TemporaryCatalog.error("first_error", extra: "related: [second_error]"),
            "errors/b.yaml": TemporaryCatalog.error(
                "second_error", extra: "related: [first_error]\ndeprecated: {since: 1.0.0, replaced_by: first_error}"),
        ])
        #expect(diagnostics.with(rule: "unresolved-reference").isEmpty)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
