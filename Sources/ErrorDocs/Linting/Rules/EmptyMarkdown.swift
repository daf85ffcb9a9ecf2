import ErrorDocsModel

/// Text fields and list items are not empty or blank.
///
/// An empty `meaning`, a `causes` item with nothing in it or a blank recovery snippet renders
/// as an empty section, which reads as a broken page; an empty `scope`, endpoint or header
/// name as an empty line or table cell.
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
public enum EmptyMarkdown: ErrorFileRule {
    public static let id = "empty-markdown"
    public static let summary = "Text fields and list items are not blank."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        // Checked one by one, not gathered first: a large catalog has hundreds of thousands.
        func check(_ name: String, _ value: Located<String>?) {
            if let value, value.value.allSatisfy(\.isWhitespace) {
                findings.append(LintFinding(at: value.location, "\(name) is empty"))
            }
        }
        let settings = catalog.settings
        check("description", settings.description)
        for envelope in settings.envelopes {
            check("envelope description", envelope.description)
        }
        for family in settings.families {
            check("family description", family.description)
            check("handling", family.handling)
            check("family summary", family.summary)
        }
        for error in catalog.errors {
            check("title", error.title)
            check("meaning", error.meaning)
            check("details", error.details)
            check("summary", error.summary)
            check("agent_hint", error.agentHint)
            check("scope", error.scope)
            check("deprecation note", error.deprecated?.note)
            for endpoint in error.endpoints { check("endpoints item", endpoint) }
            for header in error.headers {
                check("header name", header.name)
                check("header description", header.description)
            }
            for cause in error.causes { check("causes item", cause) }
            for step in error.quickFix { check("quick_fix step", step) }
            for item in error.prevention { check("prevention item", item) }
            for snippet in error.recovery {
                check("recovery code", snippet.code)
                check("recovery title", snippet.title)
                check("recovery description", snippet.description)
            }
        }
        for guide in catalog.guides {
            check("guide '\(guide.slug)'", guide.body)
        }
    }
}
