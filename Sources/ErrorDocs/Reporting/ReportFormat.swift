import ErrorDocsModel

/// The shapes `errdocs lint --format` can print. See docs/lint-output.md.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `path:line:col: severity: message [rule-id]`, a source excerpt and a summary line.
    case text
    /// GitHub Actions workflow commands, which annotate the pull request's diff.
    case github
    /// One JSON document; see ``JSONReport``.
    case json
    /// SARIF 2.1.0, for code-scanning dashboards.
    case sarif
}

/// Everything a report needs besides the diagnostics.
public struct ReportContext: Sendable {
    public var summary: LintSummary
    public var toolVersion: String
    /// Colour for the text format (a terminal, and `NO_COLOR` not set).
    public var colour: Bool
    /// Leave out the text format's summary line.
    public var quiet: Bool

    public init(summary: LintSummary, toolVersion: String, colour: Bool = false, quiet: Bool = false) {
        self.summary = summary
        self.toolVersion = toolVersion
        self.colour = colour
        self.quiet = quiet
    }
}

extension ReportFormat {
    /// The whole report, ending with a newline.
    public func render(_ diagnostics: [Diagnostic], _ context: ReportContext, source: SourceLines = SourceLines()) -> String {
        switch self {
        case .text:
            return TextReport(colour: context.colour, source: source).render(diagnostics, summary: context.quiet ? nil : context.summary)
        case .github:
            return GitHubReport.render(diagnostics) + (context.quiet ? "" : context.summary.line + "\n")
        case .json:
            return JSONReport(diagnostics, summary: context.summary).encoded()
        case .sarif:
            return SARIFReport(diagnostics, toolVersion: context.toolVersion).encoded()
        }
    }
}

extension ReportFormat {
    /// What goes to standard output when the catalog could not be linted at all; the message
    /// itself goes to standard error. Only SARIF has a place for it: a log whose invocation
    /// failed, which code-scanning uploads accept where an empty file is an error.
    public func renderFailure(_ message: String, toolVersion: String) -> String? {
        self == .sarif ? SARIFReport(failure: message, toolVersion: toolVersion).encoded() : nil
    }
}

/// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set to anything
/// but the empty string (https://no-color.org).
public func wantsColour(isTerminal: Bool, environment: [String: String]) -> Bool {
    guard isTerminal else { return false }
    if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
    return environment["TERM"] != "dumb"
}
