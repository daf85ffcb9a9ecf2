import ErrorDocsModel
import Testing

@Suite struct SMTPEnhancedCodeTests {
    /// An SMTP error: the reply is at 5:10 and the enhanced code at 6:13.
    static func smtpError(reply: Int = 550, enhanced: String = "5.1.1") -> String {
        """
        code: smtp.user_unknown
        title: User unknown
        surface: smtp
        smtp:
          reply: \(reply)
          enhanced: "\(enhanced)"
        family: validation
        summary: The mailbox does not exist.
        meaning: The receiving server has no such user.
        causes:
          - A typo in the address.
        quick_fix:
          - Check the address.
        """
    }

    @Test func aWellFormedReplyHasNoDiagnosticsAtAll() throws {
        // Beside an HTTP error of the same family, which lists HTTP statuses (family-statuses).
        let diagnostics = try lint(["errors/smtp.yaml": Self.smtpError(), "errors/http.yaml": TemporaryCatalog.error()])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test(arguments: ["5.01.1", "5.1", "6.1.1", "5.1.1000", "5.1.01", "5.1.1 "])
    func anEnhancedCodeThatIsNotClassSubjectDetailIsReportedAtTheCode(enhanced: String) throws {
        let found = try lint(["errors/smtp.yaml": Self.smtpError(enhanced: enhanced)]).with(rule: "smtp-enhanced-code")
        #expect(found.positions == ["errors/smtp.yaml:6:13 [smtp-enhanced-code]"])
        #expect(found.first?.severity == .error)
    }

    @Test func anEnhancedCodeOfAnotherClassThanTheReplyIsReportedWithANoteAtTheReply() throws {
        let found = try lint(["errors/smtp.yaml": Self.smtpError(reply: 550, enhanced: "4.1.1")]).with(rule: "smtp-enhanced-code")
        #expect(found.positions == ["errors/smtp.yaml:6:13 [smtp-enhanced-code]"])
        #expect(found.first?.message == "enhanced code 4.1.1 has class 4 but reply 550 has class 5")
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/smtp.yaml:5:10"])
    }

    @Test func aReplyOutside200To599IsReportedAtTheReply() throws {
        let found = try lint(["errors/smtp.yaml": Self.smtpError(reply: 700, enhanced: "5.1.1")]).with(rule: "smtp-enhanced-code")
        #expect(found.positions.first == "errors/smtp.yaml:5:10 [smtp-enhanced-code]")
        #expect(found.first?.message == "SMTP reply 700 is outside 200–599")
    }

    @Test(arguments: [(550, "5.1.1"), (450, "4.7.1"), (250, "2.0.0"), (554, "5.999.999")])
    func matchingRepliesAndCodesPass(reply: Int, enhanced: String) throws {
        let found = try lint(["errors/smtp.yaml": Self.smtpError(reply: reply, enhanced: enhanced)]).with(rule: "smtp-enhanced-code")
        #expect(found.isEmpty)
    }
}
