import ErrorDocsModel
import Testing

@Suite struct RemovedErrorsTests {
    static let rule = "removed-errors"
    /// The first line after `TemporaryCatalog.settings`.
    static let firstLine = TemporaryCatalog.settings.split(separator: "\n", omittingEmptySubsequences: false).count + 1

    static func settings(removed: String) -> String {
        TemporaryCatalog.settings + "\nremoved:\n" + removed
    }

    @Test func aCompleteEntryPasses() throws {
        let found = try lint([
            "catalog.yaml": Self.settings(removed: "  - code: old_error\n    since: \"1.0.0\"\n    reason: Merged into `bad_request`.\n    replaced_by: bad_request\n"),
            "errors/x.yaml": TemporaryCatalog.error(),
        ])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func anEntryWithoutReasonIsReportedAtItsCode() throws {
        let found = try lint([
            "catalog.yaml": Self.settings(removed: "  - code: old_error\n"),
            "errors/x.yaml": TemporaryCatalog.error(),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["catalog.yaml:\(Self.firstLine + 1):11 [\(Self.rule)]"])
        #expect(found.first?.message == "removed error 'old_error' needs a 'reason' for its tombstone page")
    }

    @Test func aCodeThatIsStillDefinedIsReportedWithANote() throws {
        let found = try lint([
            "catalog.yaml": Self.settings(removed: "  - {code: bad_request, reason: Gone.}\n"),
            "errors/x.yaml": TemporaryCatalog.error(),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["catalog.yaml:\(Self.firstLine + 1):12 [\(Self.rule)]"])
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/x.yaml:1:7"])
    }

    @Test func anUnknownOrDeprecatedReplacementIsReported() throws {
        let found = try lint([
            "catalog.yaml": Self.settings(removed: "  - {code: a_gone, reason: Gone., replaced_by: nothing}\n  - {code: b_gone, reason: Gone., replaced_by: old_one}\n"),
            "errors/x.yaml": TemporaryCatalog.error(),
            "errors/y.yaml": TemporaryCatalog.error("old_one", extra: "deprecated: {replaced_by: bad_request}"),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["catalog.yaml:\(Self.firstLine + 1):48 [\(Self.rule)]", "catalog.yaml:\(Self.firstLine + 2):48 [\(Self.rule)]"])
        #expect(found.map(\.message) == ["replaced_by 'nothing' is not an error of this catalog", "'old_one' is deprecated; name the error that replaces it instead"])
    }

    @Test func aCodeListedTwiceIsReportedAtTheSecondEntry() throws {
        let found = try lint([
            "catalog.yaml": Self.settings(removed: "  - {code: a_gone, reason: Gone.}\n  - {code: a_gone, reason: Again.}\n"),
            "errors/x.yaml": TemporaryCatalog.error(),
        ]).with(rule: Self.rule)
        #expect(found.positions == ["catalog.yaml:\(Self.firstLine + 2):12 [\(Self.rule)]"])
        #expect(found.first?.notes.map { "\($0.location)" } == ["catalog.yaml:\(Self.firstLine + 1):12"])
    }

    @Test func aBrokenInternalLinkInTheReasonIsFound() throws {
        let found = try lint([
            "catalog.yaml": Self.settings(removed: "  - {code: a_gone, reason: \"Use [x](errors/nope).\"}\n"),
            "errors/x.yaml": TemporaryCatalog.error(),
        ]).with(rule: "internal-link")
        #expect(found.count == 1)
    }
}
