import ErrorDocsModel
import Testing

@Suite struct LinterConfigurationTests {
    /// The test catalog with a `lint:` section; its first line is line 40, the second line 41.
    static func settings(lint: String) -> String {
        TemporaryCatalog.settings + "\nlint:\n" + lint
    }

    /// Status 503 in family 'validation': a status-outside-family warning and a
    /// retry-policy-matches-status error (after_fix cannot fit a 503).
    static let misfiled = TemporaryCatalog.error(status: 503)

    @Test func withoutConfigurationBothRulesReportAtTheirDefaultSeverity() throws {
        let diagnostics = try lint(["errors/x.yaml": Self.misfiled])
        #expect(diagnostics.map { "\($0.ruleID) \($0.severity)" }.sorted() == [
            "retry-policy-matches-status error", "status-outside-family warning",
        ])
    }

    @Test func aDisabledRuleIsSilencedAndOthersStillRun() throws {
        let diagnostics = try lint([
            "catalog.yaml": Self.settings(lint: "  disable: [status-outside-family]"),
            "errors/x.yaml": Self.misfiled,
        ])
        #expect(diagnostics.positions == ["errors/x.yaml:3:9 [retry-policy-matches-status]"])
    }

    @Test func aSeverityOverrideTurnsAnErrorIntoAWarning() throws {
        let diagnostics = try lint([
            "catalog.yaml": Self.settings(lint: "  severity: {retry-policy-matches-status: warning}"),
            "errors/x.yaml": Self.misfiled,
        ])
        let retry = diagnostics.with(rule: "retry-policy-matches-status")
        #expect(retry.positions == ["errors/x.yaml:3:9 [retry-policy-matches-status]"])
        #expect(retry.map(\.severity) == [.warning])
        #expect(!diagnostics.hasErrors)
    }

    @Test func aSeverityOverrideTurnsAWarningIntoAnError() throws {
        let diagnostics = try lint([
            "catalog.yaml": Self.settings(lint: "  severity:\n    status-outside-family: error"),
            "errors/x.yaml": TemporaryCatalog.error(status: 500, extra: "retry: {policy: backoff}"),
        ])
        #expect(diagnostics.positions == ["errors/x.yaml:3:9 [status-outside-family]"])
        #expect(diagnostics.map(\.severity) == [.error])
    }

    @Test func anUnknownRuleInDisableIsAConfigurationErrorAtItsName() throws {
        let diagnostics = try lint(["catalog.yaml": Self.settings(lint: "  disable: [no-such-rule]")])
        #expect(diagnostics.positions == ["catalog.yaml:41:13 [lint-configuration]"])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.contains("'no-such-rule'") == true)
    }

    @Test(arguments: ["  disable: [internal-links]", "  severity: {internal-links: warning}"])
    func aMisspeltRuleGetsTheNearestRuleSuggested(section: String) throws {
        let diagnostics = try lint(["catalog.yaml": Self.settings(lint: section)]).with(rule: "lint-configuration")
        #expect(diagnostics.map(\.message)
            == ["no lint rule is named 'internal-links'; did you mean 'internal-link'? (run 'errdocs rules' to list them)"])
    }

    @Test func anUnknownRuleInSeverityIsAConfigurationErrorAtItsName() throws {
        let diagnostics = try lint(["catalog.yaml": Self.settings(lint: "  severity: {typo-rule: warning}")])
        #expect(diagnostics.positions == ["catalog.yaml:41:14 [lint-configuration]"])
    }

    @Test func aLoaderCheckCannotBeDisabled() throws {
        let diagnostics = try lint([
            "catalog.yaml": Self.settings(lint: "  disable: [unknown-key]"),
            "errors/x.yaml": TemporaryCatalog.error(extra: "colour: red"),
        ])
        #expect(diagnostics.positions == ["catalog.yaml:41:13 [lint-configuration]", "errors/x.yaml:16:1 [unknown-key]"])
    }

    @Test func aSeverityOtherThanWarningOrErrorIsAnInvalidValue() throws {
        let diagnostics = try lint(["catalog.yaml": Self.settings(lint: "  severity: {retry-policy-matches-status: info}")])
        #expect(diagnostics.positions == ["catalog.yaml:41:43 [invalid-value]"])
    }

    @Test func aMisspeltLintKeyIsUnknownWithASuggestion() throws {
        let diagnostics = try lint(["catalog.yaml": Self.settings(lint: "  disabled: [status-outside-family]")])
        #expect(diagnostics.positions == ["catalog.yaml:41:3 [unknown-key]"])
        #expect(diagnostics.first?.message.contains("did you mean 'disable'?") == true)
    }
}
