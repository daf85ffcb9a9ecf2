import ErrorDocsModel

extension LintConfiguration {
    /// The ids `disable:` names.
    var disabledIDs: Set<String> { Set(disabled.map(\.value)) }

    /// The severity `severity:` gives each id it names (the last one, for an id named twice).
    var severityByID: [String: Diagnostic.Severity] {
        var severities: [String: Diagnostic.Severity] = [:]
        for entry in self.severities { severities[entry.rule.value] = entry.severity.value }
        return severities
    }

    /// `diagnostics` of the loader, template and site checks as `lint:` configures them: without
    /// those it disables, the others with the severity it gives. The lint rules apply it as they
    /// run (``Linter``); a check `lint:` may not configure is left as it is (naming it is a
    /// `lint-configuration` error).
    func applied(to diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !disabled.isEmpty || !severities.isEmpty, !diagnostics.isEmpty else { return diagnostics }
        let disabled = disabledIDs.filter(RuleRegistry.isConfigurable)
        let severities = severityByID.filter { RuleRegistry.isConfigurable($0.key) }
        return diagnostics.compactMap { diagnostic in
            guard !disabled.contains(diagnostic.ruleID) else { return nil }
            guard let severity = severities[diagnostic.ruleID] else { return diagnostic }
            var configured = diagnostic
            configured.severity = severity
            return configured
        }
    }
}
