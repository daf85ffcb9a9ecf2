import ErrorDocsModel

/// Markdown fields and list items are not empty or blank.
///
/// An empty `meaning`, a `causes` item with nothing in it or a blank recovery snippet renders
/// as an empty section, which reads as a broken page.
///
/// Fails:
///
/// ```yaml
/// meaning: ""
/// causes:
///   - ""
///
/// ```
///
/// Passes:
///
/// ```yaml
/// meaning: You sent more requests than your plan allows.
/// causes:
///   - A batch job sends without throttling.
/// ```
public enum EmptyMarkdown: LintRule {
    public static let id = "empty-markdown"
    public static let summary = "Markdown fields and list items are not blank."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var fields: [(name: String, value: Located<String>)] = []
        let settings = catalog.settings
        fields += [settings.description].compactMap { $0 }.map { ("description", $0) }
        for envelope in settings.envelopes {
            fields += [envelope.description].compactMap { $0 }.map { ("envelope description", $0) }
        }
        for family in settings.families {
            fields += [family.description].compactMap { $0 }.map { ("family description", $0) }
            fields += [family.handling].compactMap { $0 }.map { ("handling", $0) }
            fields += [family.summary].compactMap { $0 }.map { ("family summary", $0) }
        }
        for error in catalog.errors {
            fields += [("title", error.title), ("meaning", error.meaning), ("details", error.details),
                       ("summary", error.summary), ("agent_hint", error.agentHint)]
                .compactMap { name, value in value.map { (name, $0) } }
            fields += error.causes.map { ("causes item", $0) }
            fields += error.quickFix.map { ("quick_fix step", $0) }
            fields += error.prevention.map { ("prevention item", $0) }
            for snippet in error.recovery {
                fields += [("recovery code", snippet.code), ("recovery description", snippet.description)]
                    .compactMap { name, value in value.map { (name, $0) } }
            }
        }
        for guide in catalog.guides {
            fields.append(("guide '\(guide.slug)'", guide.body))
        }
        for field in fields where field.value.value.allSatisfy(\.isWhitespace) {
            findings.append(LintFinding(at: field.value.location, "\(field.name) is empty"))
        }
    }
}
