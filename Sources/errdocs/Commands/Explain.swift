import ArgumentParser
import ErrorDocs

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a lint rule, with an example that fails it and one that passes.",
        discussion: "RULE is the id printed in brackets after each lint message, e.g. 'errdocs explain duplicate-code'."
    )

    @Argument(help: ArgumentHelp("The rule's id.", valueName: "RULE"))
    var rule: String

    func validate() throws {
        if RuleDocumentation.named(rule) == nil && RuleRegistry.check(rule) == nil {
            let ids = RuleRegistry.rules.map { $0.id } + RuleRegistry.checks.map(\.id)
            let suggestion = Spelling.closest(to: rule, in: ids).map { "; did you mean '\($0)'?" } ?? ""
            throw ValidationError("no rule is named '\(rule)'\(suggestion) ('errdocs rules' lists them)")
        }
    }

    func run() throws {
        if let check = RuleRegistry.check(rule) {
            print("\(check.id) (\(check.kind) check, \(check.severity.rawValue))\n\n\(check.summary)")
            let details = RuleDocumentation.checkDetails[check.id].map { $0 + "\n\n" } ?? ""
            let configuration = RuleRegistry.whyNotConfigurable(check.id)
                .map { "It reports an error, so 'lint:' in catalog.yaml cannot disable it or change its severity: \($0)." }
                ?? "'lint:' in catalog.yaml can disable it or change its severity, as a rule's."
            switch check.kind {
            case "template":
                print("\n" + details
                      + "Template checks run when build or serve loads the theme; see docs/catalog-format.md#templates. " + configuration)
            case "site":
                print("\n" + details + "Site checks run when build or serve has rendered every page. " + configuration)
            default:
                print("\nLoader checks run while files are read. " + configuration)
            }
            return
        }
        guard let documentation = RuleDocumentation.named(rule) else { return }
        print("""
            \(documentation.id): \(documentation.name) (default severity: \(documentation.severity.rawValue))

            \(documentation.explanation)

            Fails:

            \(documentation.failing.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))

            Passes:

            \(documentation.passing.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
            """)
    }
}
