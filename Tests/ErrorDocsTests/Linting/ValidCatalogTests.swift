import ErrorDocsModel
import Testing

@Suite struct ValidCatalogTests {
    @Test func theFixtureCatalogHasNoDiagnostics() throws {
        let diagnostics = try lint(["errors/bad_request.yaml": TemporaryCatalog.error()])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
