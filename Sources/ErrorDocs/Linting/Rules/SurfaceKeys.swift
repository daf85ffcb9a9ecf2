import ErrorDocsModel

/// An error has only the keys of its surface: `status` and `example` belong to an HTTP
/// response (`surface: response`, the default), `smtp` to an SMTP reply, `event` to an
/// asynchronous event. A key of another surface would reach the registry and the generated SDKs
/// (an SMTP error with an HTTP status) and its page (an "Example response" for an email
/// bounce). An error without `surface` that has `smtp` or `event` most likely lacks the
/// `surface` line, and the message says so.
///
/// Fails:
///
/// ```yaml
/// code: smtp.user_unknown
/// surface: smtp
/// smtp: {reply: 550, enhanced: "5.1.1"}
/// status: 422
/// ```
///
/// Passes:
///
/// ```yaml
/// code: smtp.user_unknown
/// surface: smtp
/// smtp: {reply: 550, enhanced: "5.1.1"}
/// ```
public enum SurfaceKeys: ErrorFileRule {
    public static let id = "surface-keys"
    public static let summary = "An error has only the keys of its surface (status and example, smtp, or event)."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for error in catalog.errors {
            let surface = error.effectiveSurface
            let keys: [(key: String, surface: ErrorDefinition.Surface, at: SourceLocation?)] = [
                ("status", .response, error.status?.location),
                ("example", .response, error.example?.location),
                ("smtp", .smtp, error.smtp?.location),
                ("event", .event, error.event?.location),
            ]
            for key in keys where key.surface != surface {
                guard let location = key.at else { continue }
                let fix = error.surface == nil && key.surface != .response
                    ? "add 'surface: \(key.surface.rawValue)' if that is where clients meet it"
                    : "remove it, or change the surface"
                findings.append(LintFinding(at: location, "'\(key.key)' is for errors with surface \(key.surface.rawValue), "
                    + "but this error's surface is \(surface.rawValue)\(error.surface == nil ? " (the default)" : ""); \(fix)"))
            }
        }
    }
}
