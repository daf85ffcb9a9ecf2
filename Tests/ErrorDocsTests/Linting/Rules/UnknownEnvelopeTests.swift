import ErrorDocsModel
import Testing

@Suite struct UnknownEnvelopeTests {
    static let secondEnvelope = "  problem:\n    default: true\n    description: RFC 9457.\n    schema: {type: object}\nfamilies:"

    @Test func anExampleNamingAnUndefinedEnvelopeIsReportedAtTheName() throws {
        let file = TemporaryCatalog.error(replacing: "  status: 400\n  body:", with: "  status: 400\n  envelope: problem\n  body:")
        let found = try lint(["errors/x.yaml": file]).with(rule: "unknown-envelope")
        #expect(found.positions == ["errors/x.yaml:11:13 [unknown-envelope]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "unknown envelope 'problem'; catalog.yaml defines: standard")
    }

    @Test func twoDefaultEnvelopesAreReportedAtTheSecondWithANoteAtTheFirst() throws {
        let settings = TemporaryCatalog.settings(replacing: "families:", with: Self.secondEnvelope)
        let found = try lint(["catalog.yaml": settings]).with(rule: "unknown-envelope")
        #expect(found.positions == ["catalog.yaml:22:14 [unknown-envelope]"])
        #expect(found.first?.notes.map { "\($0.location)" } == ["catalog.yaml:8:14"])
    }

    @Test func severalEnvelopesWithoutADefaultAreReportedAtTheFirstEnvelope() throws {
        let settings = TemporaryCatalog.settings(replacing: "    default: true\n", with: "")
            .replacingOccurrences(of: "families:", with: Self.secondEnvelope.replacingOccurrences(of: "    default: true\n", with: ""))
        let found = try lint(["catalog.yaml": settings]).with(rule: "unknown-envelope")
        #expect(found.positions == ["catalog.yaml:8:5 [unknown-envelope]"])
        #expect(found.first?.message == "2 envelopes are defined but none has 'default: true'")
    }

    @Test func anExampleNamingADefinedEnvelopePasses() throws {
        let file = TemporaryCatalog.error(replacing: "  status: 400\n  body:", with: "  status: 400\n  envelope: standard\n  body:")
        let diagnostics = try lint(["errors/x.yaml": file])
        #expect(diagnostics.with(rule: "unknown-envelope").isEmpty)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func aSingleEnvelopeWithoutTheDefaultFlagIsTheDefault() throws {
        let settings = TemporaryCatalog.settings(replacing: "    default: true\n", with: "")
        let diagnostics = try lint(["catalog.yaml": settings, "errors/x.yaml": TemporaryCatalog.error()])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
