@testable import ErrorDocs
import Foundation
import Testing

/// The retry classification's SMTP rows and how an SMTP error's retry advice reads.
@Suite struct RetryTableTests {
    private static func smtp(_ code: String, enhanced: String) -> String {
        SMTPEnhancedCodeTests.smtpError(enhanced: enhanced).replacingOccurrences(of: "code: smtp.user_unknown", with: "code: \(code)")
            .replacingOccurrences(of: "title: User unknown", with: "title: User unknown \(code)")
    }

    @Test func smtpRowsAreInReplyAndEnhancedCodeOrderAndSpeakOfMessages() throws {
        // Loaded in path order: a (5.1.10), b (5.1.2), c (5.1.1).
        let catalog = try TemporaryCatalog([
            "errors/a.yaml": Self.smtp("smtp.a", enhanced: "5.1.10"),
            "errors/b.yaml": Self.smtp("smtp.b", enhanced: "5.1.2"),
            "errors/c.yaml": Self.smtp("smtp.c", enhanced: "5.1.1"),
        ])
        defer { catalog.remove() }
        var output = MemoryOutput()
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(report.succeeded, "\(report.diagnostics)")
        let table = String(decoding: try #require(output.files["markdown/retries.md"]).contents, as: UTF8.self)
        // One row, as they share their advice, its replies in order.
        #expect(table.contains("| 550 5.1.1, 550 5.1.2, 550 5.1.10 |"), "\(table)")
        #expect(table.contains("Fix the message or the recipient's address, then send it again."), "\(table)")
        #expect(!table.contains("request"), "SMTP advice speaks of messages: \(table)")
    }
}
