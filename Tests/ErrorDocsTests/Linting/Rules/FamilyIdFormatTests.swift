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

    @Test func lowercaseIdentifiersPass() throws {
        let settings = TemporaryCatalog.settings(replacing: "  - id: server\n", with: "  - id: server_2\n")
        #expect(try lint(["catalog.yaml": settings]).with(rule: "family-id-format").isEmpty)
    }
}
