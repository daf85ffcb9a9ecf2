import ErrorDocs
import ErrorDocsModel
import Testing

/// These tests run the rule by itself (`check(_:_:)`), so they hold whether or not it is in
/// `RuleRegistry.rules`.
@Suite struct EmptyFamilyTests {
    static let rule = "empty-family"

    @Test func familiesWithoutErrorsAreReportedAtTheirIDsAsWarnings() throws {
        // Only 'validation' has an error; 'rate_limit' is line 28 and 'server' line 34 of catalog.yaml.
        let found = try check(EmptyFamily.self, ["errors/x.yaml": TemporaryCatalog.error()])
        #expect(found.positions == ["catalog.yaml:28:9 [\(Self.rule)]", "catalog.yaml:34:9 [\(Self.rule)]"])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.map(\.message) == ["family 'rate_limit' has no errors", "family 'server' has no errors"])
        #expect(found.allSatisfy { $0.notes.isEmpty })
    }

    @Test func anErrorInAnotherFileStillCountsForItsFamily() throws {
        let found = try check(EmptyFamily.self, [
            "errors/a.yaml": TemporaryCatalog.error("too_many", status: 429, family: "rate_limit"),
            "errors/nested/b.yaml": TemporaryCatalog.error("unavailable", status: 503, family: "server"),
        ])
        #expect(found.positions == ["catalog.yaml:22:9 [\(Self.rule)]"])
    }

    @Test func aCatalogWhoseFamiliesAllHaveErrorsPasses() throws {
        let found = try check(EmptyFamily.self, [
            "errors/a.yaml": TemporaryCatalog.error(),
            "errors/b.yaml": TemporaryCatalog.error("too_many", status: 429, family: "rate_limit"),
            "errors/c.yaml": TemporaryCatalog.error("unavailable", status: 503, family: "server"),
        ])
        #expect(found.isEmpty, "\(found)")
    }

    @Test func theRuleHasItsDocumentedIDAndSeverity() {
        #expect(EmptyFamily.id == Self.rule)
        #expect(EmptyFamily.defaultSeverity == .warning)
    }
}
