import ErrorDocsModel
import Testing

@Suite struct FamilyStatusesTests {
    static let rule = "family-statuses"

    /// The fixture's `validation` family lists [400, 422] on line 26; smtpError() is in it.
    @Test func aFamilyOfSMTPRepliesThatListsStatusesIsReportedAtTheStatuses() throws {
        let found = try lint(["errors/smtp.yaml": SMTPEnhancedCodeTests.smtpError()]).with(rule: Self.rule)
        #expect(found.positions == ["catalog.yaml:26:16 [\(Self.rule)]"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "family 'validation' lists HTTP statuses, but its errors are SMTP replies; its statuses "
                + "would be rows of the HTTP status playbook: remove them (an SMTP reply goes in each error's 'smtp')")
    }

    @Test func aFamilyOfEventsThatListsStatusesIsTold() throws {
        let found = try lint(["errors/event.yaml": SurfaceKeysTests.eventError]).with(rule: Self.rule)
        #expect(found.map(\.message) == ["family 'validation' lists HTTP statuses, but its errors are events; its statuses would be "
                                         + "rows of the HTTP status playbook: remove them (an event's name goes in its 'event')"])
    }

    @Test func aFamilyWithAnHTTPErrorBesideSMTPRepliesPasses() throws {
        let found = try lint(["errors/smtp.yaml": SMTPEnhancedCodeTests.smtpError(), "errors/http.yaml": TemporaryCatalog.error()])
            .with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func aFamilyOfSMTPRepliesWithoutStatusesPasses() throws {
        let settings = TemporaryCatalog.settings(replacing: "    statuses: [400, 422]\n", with: "")
        let found = try lint(["catalog.yaml": settings, "errors/smtp.yaml": SMTPEnhancedCodeTests.smtpError()]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }
}
