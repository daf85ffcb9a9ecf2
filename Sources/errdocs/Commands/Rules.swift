import Foundation
import ArgumentParser
import ErrorDocs

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every lint rule and loader check, with its default severity.",
        discussion: """
            Rule ids are what 'lint:' in catalog.yaml names to disable a rule or change its \
            severity, for example:

              lint:
                disable: [status-outside-family]
                severity: {summary-length: warning}

            Loader, template and site checks that warn can be configured the same way. Those \
            that report an error cannot: a file that fails one has no model to lint, a theme \
            that fails one cannot render the pages.
            """
    )

    @Flag(name: .long, help: "Print the full rules reference as Markdown (the text of docs/rules.md).")
    var markdown = false

    func run() throws {
        if markdown {
            print(RuleDocumentation.reference, terminator: "")
            return
        }
        let width = (RuleRegistry.rules.map { $0.id.count } + RuleRegistry.checks.map(\.id.count)).max() ?? 0
        func pad(_ text: String) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        print("Lint rules:")
        for rule in RuleRegistry.rules {
            print("  \(pad(rule.id))  \(rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.summary)")
        }
        print("\nLoader checks (while files are read; those that warn can be configured like rules):")
        for check in RuleRegistry.loaderChecks {
            print("  \(pad(check.id))  \(check.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(check.summary)")
        }
        print("\nTemplate checks (build and serve; those that warn can be configured like rules):")
        for check in RuleRegistry.templateChecks {
            print("  \(pad(check.id))  \(check.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(check.summary)")
        }
        print("\nSite checks (build and serve, on the rendered pages; those that warn can be configured like rules):")
        for check in RuleRegistry.siteChecks {
            print("  \(pad(check.id))  \(check.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(check.summary)")
        }
        print("\n'errdocs explain RULE' shows a rule's documentation with examples.")
    }
}
