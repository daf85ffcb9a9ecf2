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
        if RuleDocumentation.named(rule) == nil && !RuleRegistry.loaderChecks.contains(where: { $0.id == rule }) {
            throw ValidationError("no rule is named '\(rule)'; 'errdocs rules' lists them")
        }
    }

    func run() throws {
        if let check = RuleRegistry.loaderChecks.first(where: { $0.id == rule }) {
            print("\(check.id) (loader check, \(check.severity.rawValue))\n\n\(check.summary)")
            print("\nLoader checks run while files are read and cannot be disabled.")
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
