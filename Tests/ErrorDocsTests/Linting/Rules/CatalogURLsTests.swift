import ErrorDocsModel
import Testing

@Suite struct CatalogURLsTests {
    @Test func aRelativeBaseURLIsReportedAtTheValue() throws {
        let settings = TemporaryCatalog.settings(replacing: "base_url: https://docs.test.example/", with: "base_url: docs.test.example")
        let found = try lint(["catalog.yaml": settings]).with(rule: "catalog-urls")
        #expect(found.positions == ["catalog.yaml:3:11 [catalog-urls]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "base_url must be an absolute http or https URL, found 'docs.test.example'")
    }

    @Test func aDocURLWithoutCodeIsReported() throws {
        let settings = TemporaryCatalog.settings(
            replacing: "doc_url: https://docs.test.example/errors/{code}", with: "doc_url: https://docs.test.example/errors/")
        let found = try lint(["catalog.yaml": settings]).with(rule: "catalog-urls")
        #expect(found.positions == ["catalog.yaml:4:10 [catalog-urls]"])
        #expect(found.first?.message == "doc_url must contain {code}, where each error's code goes")
    }

    @Test func aDocURLWithAnotherSchemeIsReported() throws {
        let settings = TemporaryCatalog.settings(
            replacing: "doc_url: https://docs.test.example/errors/{code}", with: "doc_url: ftp://docs.test.example/{code}")
        let found = try lint(["catalog.yaml": settings]).with(rule: "catalog-urls")
        #expect(found.positions == ["catalog.yaml:4:10 [catalog-urls]"])
        #expect(found.first?.message.contains("absolute http or https URL") == true)
    }

    @Test func absoluteURLsWithCodePass() throws {
        let found = try lint([:]).with(rule: "catalog-urls")
        #expect(found.isEmpty)
    }
}
