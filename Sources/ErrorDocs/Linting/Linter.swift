import ErrorDocsModel

/// Runs every enabled rule over a catalog and applies the catalog's `lint:` configuration.
public struct Linter: Sendable {
    public init() {}

    public func lint(_ catalog: Catalog) -> [Diagnostic] {
        let configuration = catalog.settings.lint
        var diagnostics = configurationProblems(configuration)
        let disabled = Set(configuration.disabled.map(\.value))
        var severities: [String: Diagnostic.Severity] = [:]
        for entry in configuration.severities { severities[entry.rule.value] = entry.severity.value }

        for rule in RuleRegistry.rules where !disabled.contains(rule.id) {
            var findings: [LintFinding] = []
            rule.check(catalog, &findings)
            for finding in findings {
                let severity = severities[rule.id] ?? finding.severity ?? rule.defaultSeverity
                diagnostics.append(Diagnostic(rule.id, severity, at: finding.location, finding.message, notes: finding.notes))
            }
        }
        return diagnostics
    }

    private func configurationProblems(_ configuration: LintConfiguration) -> [Diagnostic] {
        let known = Set(RuleRegistry.rules.map { $0.id })
        let named = configuration.disabled + configuration.severities.map(\.rule)
        return named.filter { !known.contains($0.value) }.map {
            Diagnostic("lint-configuration", .error, at: $0.location,
                       "no lint rule is named '\($0.value)' (run 'errdocs rules' to list them)")
        }
    }
}
