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

        // Rules only read the catalog, so they run side by side.
        let enabled = RuleRegistry.rules.filter { !disabled.contains($0.id) }
        let links = enabled.contains { $0 is any LinkRule.Type } ? MarkdownFields.links(in: catalog) : []
        let findings = ConcurrentMap.map(enabled.map(RuleBox.init)) { (box: RuleBox) -> [LintFinding] in
            var found: [LintFinding] = []
            if let rule = box.rule as? any LinkRule.Type {
                rule.check(links, in: catalog, &found)
            } else {
                box.rule.check(catalog, &found)
            }
            return found
        }
        for (rule, found) in zip(enabled, findings) {
            for finding in found {
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

/// A rule type, carried across threads (metatypes of Sendable types are safe to share).
private struct RuleBox: @unchecked Sendable {
    let rule: any LintRule.Type
}
