import ErrorDocsModel

/// Every key the catalog format marks as required is present.
///
/// `catalog.yaml` needs `name`, `version`, `base_url`, `doc_url`, `envelopes` and `families`.
/// An envelope needs `description` and `schema`; a family needs `title`, `summary`, `handling`
/// and `retry`. An error needs `code`, `title`, `family`, `summary`, `meaning`, `causes` and
/// `quick_fix` (each list with at least one item), and what its surface calls for: `status` and
/// `example` for an HTTP response (the default), `smtp` for an SMTP reply, `event` for an
/// asynchronous event. A recovery entry needs `language` and `code`.
///
/// The problem is reported at the start of the mapping that lacks the key.
///
/// Fails:
///
/// ```yaml
/// code: rate_limited
/// title: Rate limit exceeded
/// status: 429
/// family: rate_quota
/// # no summary, meaning, causes, quick_fix or example
/// ```
///
/// Passes:
///
/// ```yaml
/// code: rate_limited
/// title: Rate limit exceeded
/// status: 429
/// family: rate_quota
/// summary: Too many requests; wait for Retry-After, then retry.
/// meaning: You sent more requests than your plan allows.
/// causes: [A batch job sends without throttling.]
/// example: {status: 429, body: {error: rate_limited, message: Slow down.}}
/// quick_fix: [Wait the number of seconds in Retry-After.]
/// ```
public enum RequiredField: ErrorFileRule {
    public static let id = "required-field"
    public static let summary = "Required keys are present."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        let settings = catalog.settings
        missing(["name", "version", "base_url", "doc_url", "envelopes", "families"],
                in: settings.presentKeys, what: "catalog.yaml", at: settings.location, &findings)
        for envelope in settings.envelopes {
            missing(["description", "schema"], in: envelope.presentKeys,
                    what: "envelope '\(envelope.name.value)'", at: envelope.location, &findings)
        }
        for family in settings.families {
            missing(["title", "summary", "handling", "retry"], in: family.presentKeys,
                    what: "family '\(family.id.value)'", at: family.location, &findings)
        }
        for error in catalog.errors {
            var required = ["code", "title", "family", "summary", "meaning", "causes", "quick_fix"]
            switch error.effectiveSurface {
            case .response: required += ["status", "example"]
            case .smtp: required += ["smtp"]
            case .event: required += ["event"]
            }
            let name = error.code.map { "error '\($0.value)'" } ?? "error definition"
            missing(required, in: error.presentKeys, what: name, at: error.location, &findings)
            for (key, list) in [("causes", error.causes), ("quick_fix", error.quickFix)]
            where error.presentKeys.contains(key) && list.isEmpty {
                findings.append(LintFinding(at: error.location, "\(name) needs at least one item in '\(key)'"))
            }
            for snippet in error.recovery {
                missing(["language", "code"], in: snippet.presentKeys, what: "recovery entry of \(name)",
                        at: snippet.location, &findings)
            }
        }
    }

    private static func missing(
        _ keys: [String], in present: KeySet, what: String, at location: SourceLocation,
        _ findings: inout [LintFinding]
    ) {
        for key in keys where !present.contains(key) {
            findings.append(LintFinding(at: location, "\(what) is missing required key '\(key)'"))
        }
    }
}
