import ErrorDocsModel
import Testing

@Suite struct VersionFormatTests {
    static let rule = "version-format"

    @Test(arguments: ["\"1.4\"", "banana", "\"01.2.3\"", "\"1.2.3.4\""])
    func aCatalogVersionThatIsNotSemverIsReported(version: String) throws {
        let settings = TemporaryCatalog.settings(replacing: "version: \"1.0.0\"", with: "version: \(version)")
        let found = try lint(["catalog.yaml": settings]).with(rule: Self.rule)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.hasSuffix("is not a semantic version such as 1.4.0") == true)
    }

    @Test(arguments: ["\"1.4.0\"", "\"v2.0.0\"", "\"1.0.0-beta.1+20260101\"", "\"0.1.0\""])
    func semanticVersionsPass(version: String) throws {
        let settings = TemporaryCatalog.settings(replacing: "version: \"1.0.0\"", with: "version: \(version)")
        #expect(try lint(["catalog.yaml": settings]).with(rule: Self.rule).isEmpty)
    }

    /// The fixture catalog is at 1.0.0.
    @Test func aSinceLaterThanTheCatalogsVersionIsAWarning() throws {
        let extra = "since: \"0.9.0\"\ndeprecated: {since: \"1.0.1\"}"
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: extra)]).with(rule: Self.rule)
        #expect(found.map(\.message) == ["deprecated since 1.0.1 is later than the catalog's version 1.0.0"])
        #expect(found.positions == ["errors/x.yaml:17:21 [version-format]"])
        #expect(found.first?.severity == .warning)
        let same = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "since: v1.0.0-beta.2")]).with(rule: Self.rule)
        #expect(same.isEmpty, "the same version, a pre-release of it, is not later: \(same)")
    }

    @Test func sinceIsCheckedOnErrorsAndDeprecations() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "since: \"1.10\"\ndeprecated: {since: \"2\"}")])
            .with(rule: Self.rule)
        #expect(found.map(\.message) == ["since '1.10' is not a semantic version such as 1.4.0",
                                         "deprecated since '2' is not a semantic version such as 1.4.0"])
    }
}
