import ErrorDocsModel
import Testing

@Suite struct RecoveryLanguageTests {
    static let rule = "recovery-language"

    @Test func aLanguageTheCatalogDoesNotListIsReportedAtTheLanguageWithTheAllowedList() throws {
        let extra = """
            recovery:
              - language: python
                code: pass
              - language: ruby
                code: sleep 1
            """
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: extra)]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:19:15 [\(Self.rule)]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "recovery language 'ruby' is not one of the catalog's languages: python, javascript")
        #expect(found.first?.notes.isEmpty == true)
    }

    @Test func languagesAreComparedExactly() throws {
        let extra = "recovery:\n  - {language: Python, code: pass}"
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: extra)]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:17:16 [\(Self.rule)]"])
    }

    @Test func listedLanguagesPass() throws {
        let extra = "recovery:\n  - {language: python, code: pass}\n  - {language: javascript, code: \"void 0;\"}"
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: extra)]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func anyLanguagePassesWhenTheCatalogListsNone() throws {
        let settings = TemporaryCatalog.settings(replacing: "languages: [python, javascript]\n", with: "")
        let extra = "recovery:\n  - {language: ruby, code: sleep 1}"
        let found = try lint(["catalog.yaml": settings, "errors/x.yaml": TemporaryCatalog.error(extra: extra)]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }
}
