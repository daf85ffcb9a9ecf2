/// The `lint:` section of `catalog.yaml`.
public struct LintConfiguration: Sendable {
    public var disabled: [Located<String>]
    public var severities: [(rule: Located<String>, severity: Located<Diagnostic.Severity>)]

    public init(disabled: [Located<String>] = [], severities: [(rule: Located<String>, severity: Located<Diagnostic.Severity>)] = []) {
        self.disabled = disabled
        self.severities = severities
    }
}
