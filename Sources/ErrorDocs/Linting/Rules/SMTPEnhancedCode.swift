import ErrorDocsModel

/// SMTP replies are well-formed: a reply code from 200 to 599, and an RFC 3463 enhanced status
/// code `class.subject.detail` whose class agrees with the reply (4xx ↔ 4.x.x, 5xx ↔ 5.x.x).
///
/// The class is 2, 4 or 5; the subject is 0–999 and the detail 0–999, without leading zeros.
/// `550` with `5.1.1` passes; `550` with `4.1.1` or `5.01.1` fails.
///
/// Fails:
///
/// ```yaml
/// surface: smtp
/// smtp: {reply: 550, enhanced: "4.1.1"}
/// ```
///
/// Passes:
///
/// ```yaml
/// surface: smtp
/// smtp: {reply: 550, enhanced: "5.1.1"}
/// ```
public enum SMTPEnhancedCode: ErrorFileRule {
    public static let id = "smtp-enhanced-code"
    public static let summary = "SMTP enhanced codes follow RFC 3463 and agree with the reply."
    public static let defaultSeverity = Diagnostic.Severity.error
    static let pattern = #"^[245]\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$"#

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for error in catalog.errors {
            guard let smtp = error.smtp else { continue }
            if let reply = smtp.reply, !(200...599).contains(reply.value) {
                findings.append(LintFinding(at: reply.location, "SMTP reply \(reply.value) is outside 200–599"))
            }
            guard let enhanced = smtp.enhanced else { continue }
            guard enhanced.value.range(of: pattern, options: .regularExpression) != nil else {
                findings.append(LintFinding(
                    at: enhanced.location,
                    "enhanced status code '\(enhanced.value)' is not class.subject.detail (RFC 3463), e.g. \"5.1.1\""))
                continue
            }
            if let reply = smtp.reply, (200...599).contains(reply.value), let replyClass = String(reply.value).first,
               let enhancedClass = enhanced.value.first, replyClass != enhancedClass {
                findings.append(LintFinding(
                    at: enhanced.location,
                    "enhanced code \(enhanced.value) has class \(enhancedClass) but reply \(reply.value) has class \(replyClass)",
                    notes: [Diagnostic.Note("reply set here", at: reply.location)]))
            }
        }
    }
}
