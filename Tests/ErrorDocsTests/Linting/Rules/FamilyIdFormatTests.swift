import ErrorDocsModel
import Testing

@Suite struct FamilyIdFormatTests {
    @Test(arguments: ["Validation", "rate-limit", "'../x'", "'a\" b'", "_x", "9x"])
    func anIdThatIsNotALowercaseIdentifierIsReportedWhereItIs(id: String) throws {
        let settings = TemporaryCatalog.settings(replacing: "  - id: server\n", with: "  - id: \(id)\n")
        let found = try lint(["catalog.yaml": settings]).with(rule: "family-id-format")
        #expect(found.count == 1, "\(found)")
        let line = try #require(settings.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  - id: \(id)" }) + 1
        #expect(found.first?.location.file == "catalog.yaml" && found.first?.location.line == line, "\(found)")
    }

    @Test func aFamilyIdDefinedTwiceIsReportedAtTheSecondWithANoteAtTheFirst() throws {
        let settings = TemporaryCatalog.settings(replacing: "  - id: server", with: "  - id: validation")
        let diagnostics = try lint(["catalog.yaml": settings])
        #expect(diagnostics.with(rule: "unknown-family").isEmpty, "a family defined twice is not an unknown family")
        let found = diagnostics.with(rule: "family-id-format")
        #expect(found.positions == ["catalog.yaml:34:9 [family-id-format]"])
        #expect(found.first?.message.hasPrefix("family id 'validation' is already defined at ") == true, "\(found)")
        #expect(found.first?.notes.map { "\($0.location) \($0.message)" } == ["catalog.yaml:22:9 'validation' first defined here"])
    }

    @Test func lowercaseIdentifiersPass() throws {
        let settings = TemporaryCatalog.settings(replacing: "  - id: server\n", with: "  - id: server_2\n")
        #expect(try lint(["catalog.yaml": settings]).with(rule: "family-id-format").isEmpty)
    }
}
