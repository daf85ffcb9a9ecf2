import ErrorDocsModel
import Testing

@Suite struct SurfaceKeysTests {
    /// An event of the fixture's `validation` family, with its own keys only.
    static let eventError = """
        code: dropped_message
        title: Dropped message
        surface: event
        event: dropped
        family: validation
        summary: The message was dropped.
        meaning: A worker dropped it.
        causes:
          - A template failed.
        quick_fix:
          - Fix the template.
        """

    @Test func anHTTPStatusAndExampleOnAnSMTPErrorAreReportedAtEach() throws {
        let file = SMTPEnhancedCodeTests.smtpError() + """

            status: 422
            example:
              status: 422
              body: {error: smtp.user_unknown, message: No such user.}
            """
        let found = try lint(["errors/smtp.yaml": file]).with(rule: "surface-keys")
        #expect(found.positions == ["errors/smtp.yaml:14:9 [surface-keys]", "errors/smtp.yaml:16:3 [surface-keys]"])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.first?.message == "'status' is for errors with surface response, but this error's surface is smtp; "
                + "remove it, or change the surface")
    }

    @Test func anEventNameOnAnSMTPErrorIsReported() throws {
        let found = try lint(["errors/smtp.yaml": SMTPEnhancedCodeTests.smtpError() + "\nevent: bounced\n"]).with(rule: "surface-keys")
        #expect(found.map(\.message) == ["'event' is for errors with surface event, but this error's surface is smtp; remove it, or change the surface"])
    }

    /// Without `surface`, `smtp:` means the line was forgotten: the message says to add it.
    @Test func anSMTPReplyWithoutASurfaceLineSuggestsAddingIt() throws {
        let file = SMTPEnhancedCodeTests.smtpError().replacingOccurrences(of: "surface: smtp\n", with: "")
        let found = try lint(["errors/smtp.yaml": file]).with(rule: "surface-keys")
        #expect(found.positions == ["errors/smtp.yaml:4:3 [surface-keys]"])
        #expect(found.first?.message == "'smtp' is for errors with surface smtp, but this error's surface is response (the default); "
                + "add 'surface: smtp' if that is where clients meet it")
    }

    @Test func eachSurfaceWithItsOwnKeysPasses() throws {
        let found = try lint([
            "errors/http.yaml": TemporaryCatalog.error(),
            "errors/smtp.yaml": SMTPEnhancedCodeTests.smtpError(),
            "errors/event.yaml": Self.eventError,
        ]).with(rule: "surface-keys")
        #expect(found.isEmpty, "\(found)")
    }
}
