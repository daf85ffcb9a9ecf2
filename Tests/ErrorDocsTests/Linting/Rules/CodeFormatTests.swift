import ErrorDocsModel
import Testing

@Suite struct CodeFormatTests {
    @Test(arguments: ["RateLimited", "rate-limited", "1st_error", "rate..limited", "rate_limited.", "_private"])
    func aCodeThatIsNotALowercaseIdentifierIsReportedAtTheCode(code: String) throws {
        let file = TemporaryCatalog.error(replacing: "code: bad_request", with: "code: \"\(code)\"")
        let found = try lint(["errors/x.yaml": file]).with(rule: "code-format")
        #expect(found.positions == ["errors/x.yaml:1:7 [code-format]"])
        #expect(found.first?.severity == .error)
    }

    @Test func aCodeLongerThan64CharactersIsReported() throws {
        let code = String(repeating: "a", count: 65)
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(code)]).with(rule: "code-format")
        #expect(found.positions == ["errors/x.yaml:1:7 [code-format]"])
        #expect(found.first?.message.contains("65 characters; the limit is 64") == true)
    }

    @Test(arguments: ["rate_limited", "smtp.user_unknown", "v2.auth.token_expired", String(repeating: "a", count: 64)])
    func lowercaseIdentifiersPass(code: String) throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(code)]).with(rule: "code-format")
        #expect(found.isEmpty)
    }
}
