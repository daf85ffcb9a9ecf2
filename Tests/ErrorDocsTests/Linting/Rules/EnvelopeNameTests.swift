import ErrorDocsModel
import Testing

@Suite struct EnvelopeNameTests {
    @Test(arguments: ["\"std v2\"", "\"std/v2\"", "\"é\""])
    func aNameOpenAPICannotTakeIsReported(name: String) throws {
        let settings = TemporaryCatalog.settings(replacing: "envelopes:\n", with: "envelopes:\n  \(name):\n    description: Another.\n    schema: {type: object}\n")
        let found = try lint(["catalog.yaml": settings]).with(rule: "envelope-name")
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.contains("may use only letters, digits") == true)
    }

    @Test func identifierLikeNamesPass() throws {
        let settings = TemporaryCatalog.settings(replacing: "envelopes:\n", with: "envelopes:\n  std_v2.1-beta:\n    description: Another.\n    schema: {type: object}\n")
        #expect(try lint(["catalog.yaml": settings]).with(rule: "envelope-name").isEmpty)
    }
}
