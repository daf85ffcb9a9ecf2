import ErrorDocsModel
import Foundation

/// A rule's documentation, read from the doc comment in its source file (compiled into the
/// binary), so the comment, `errdocs explain`, `errdocs rules` and `docs/rules.md` never differ.
public struct RuleDocumentation: Sendable, Equatable {
    public var id: String
    /// "Duplicate code", from the id.
    public var name: String
    public var summary: String
    public var severity: Diagnostic.Severity
    /// Markdown: the comment's first sentence and explanation.
    public var explanation: String
    /// A catalog excerpt (YAML) that breaks the rule, and one that follows it.
    public var failing: String
    public var passing: String

    /// Every lint rule's documentation, in registry order.
    public static let all: [RuleDocumentation] = RuleRegistry.rules.map { rule in
        let source = EmbeddedRuleSources.files["\(typeName(of: rule)).swift"] ?? ""
        return parse(source, id: rule.id, summary: rule.summary, severity: rule.defaultSeverity)
    }

    public static func named(_ id: String) -> RuleDocumentation? { all.first { $0.id == id } }

    static func typeName(of rule: any LintRule.Type) -> String {
        String(describing: rule)
    }

    static func parse(_ source: String, id: String, summary: String, severity: Diagnostic.Severity) -> RuleDocumentation {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var comment: [String] = []
        if let declaration = lines.firstIndex(where: {
            $0.contains("enum ") && [": LintRule", ": LinkRule", ": RawHTMLRule", ": ErrorFileRule"].contains(where: $0.contains)
        }) {
            var index = declaration - 1
            while index >= 0, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                let line = lines[index].trimmingCharacters(in: .whitespaces).dropFirst(3)
                comment.insert(String(line.hasPrefix(" ") ? line.dropFirst() : line), at: 0)
                index -= 1
            }
        }
        let text = comment.joined(separator: "\n")
        let (explanation, examples) = split(text, at: "Fails:")
        let (failing, passing) = split(examples, at: "Passes:")
        let name = id.split(separator: "-").joined(separator: " ")
        return RuleDocumentation(
            id: id, name: name.prefix(1).uppercased() + name.dropFirst(), summary: summary, severity: severity,
            explanation: explanation.trimmingCharacters(in: .whitespacesAndNewlines),
            failing: codeBlock(in: failing), passing: codeBlock(in: passing))
    }

    /// The text before and after a line that is exactly `marker`.
    private static func split(_ text: String, at marker: String) -> (String, String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == marker }) else {
            return (text, "")
        }
        return (lines[..<index].joined(separator: "\n"), lines[(index + 1)...].joined(separator: "\n"))
    }

    /// The contents of the first fenced code block.
    private static func codeBlock(in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let open = lines.firstIndex(where: { $0.hasPrefix("```") }),
              let close = lines[(open + 1)...].firstIndex(where: { $0.hasPrefix("```") })
        else { return "" }
        return lines[(open + 1)..<close].joined(separator: "\n")
    }

    /// The documentation as Markdown, as in `docs/rules.md`.
    public var markdown: String {
        """
        ## \(id)

        **\(name)**: \(summary) Default severity: \(severity.rawValue).

        \(explanation)

        Fails:

        ```yaml
        \(failing)
        ```

        Passes:

        ```yaml
        \(passing)
        ```

        """
    }

    /// What some template and site checks look at, beyond their summary.
    public static let checkDetails: [String: String] = [
        "template-unknown-name": "swift-mustache renders a name no page has as nothing, so a misspelt name would ship blank "
            + "sections: the build reports each name that no page it rendered had, at every place a template uses it, with "
            + "the nearest name a page had when one is close. docs/templates.md lists the names of each page.",
        "template-unknown-override": "A template named `error.<code>.mustache` (or `markdown/error.<code>.mustache`) "
            + "replaces `error.mustache` for that one error. Only the catalog knows its codes, so the build checks the "
            + "names once both are loaded, and warns about one that names no error, with the nearest code when one is "
            + "close: left behind after a code was renamed, it is never used and the page loses its customisation "
            + "silently. A removed code's page uses `removed.mustache`. A template that another includes as a partial "
            + "or parent is not an override.",
        "link-fragment": "An internal link may end in a fragment (`errors/rate_limited/#recovery-pattern`, `retries#http`); "
            + "the ids a page has come from the theme's templates, so the build looks for the fragment among the `id` "
            + "attributes of the page as rendered. A wrong fragment still leads to the page, at its top. Fragments "
            + "of the Markdown twins are the same (they carry the HTML pages' ids as anchors). A link to a fragment of "
            + "the page it is on (`[causes](#when-youll-see-this)` in an error, `[below](#a-retry-loop)` in a guide) is "
            + "checked against that page: the error's or the guide's.",
    ]

    /// A loader, template or site check's section of the reference, under a heading of its id
    /// (which SARIF's helpUri links to).
    private static func checkSection(_ check: (id: String, severity: Diagnostic.Severity, summary: String), kind: String) -> String {
        let configurable = RuleRegistry.isConfigurable(check.id) ? "; `lint:` can disable it or change its severity" : ""
        return "## \(check.id)\n\n\(check.summary) \(kind) check, \(check.severity.rawValue)\(configurable)."
            + "\(checkDetails[check.id].map { " " + $0 } ?? "")\n\n"
    }

    /// The whole rules reference, `docs/rules.md`.
    public static var reference: String {
        var text = """
            # Lint rules

            Generated by `errdocs rules --markdown` from the rules' doc comments; do not edit by
            hand. `errdocs explain RULE` prints one of them. Configure rules, and the checks below
            that warn, in `catalog.yaml`:

            ```yaml
            lint:
              disable: [status-outside-family, ignored-file]
              severity: {duplicate-title: error, link-fragment: error}
            ```

            | rule | severity | checks |
            |---|---|---|

            """
        for rule in all {
            text += "| [`\(rule.id)`](#\(rule.id)) | \(rule.severity.rawValue) | \(rule.summary) |\n"
        }
        text += "\nThe loader also checks every file as it reads it. Its checks that report an error cannot be disabled "
            + "or given another severity, as a file that fails one has no model to lint; those that warn can, like rules:\n\n"
        for check in RuleRegistry.loaderChecks {
            text += checkSection(check, kind: "Loader")
        }
        text += "Building also checks the theme's templates as it loads them ([templates](catalog-format.md#templates)). "
            + "Those checks that report an error cannot be configured either, as a theme that fails one cannot render "
            + "the pages; those that warn can:\n\n"
        for check in RuleRegistry.templateChecks {
            text += checkSection(check, kind: "Template")
        }
        text += "And once every page is rendered, it checks the pages (those of these checks that warn can be configured too):\n\n"
        for check in RuleRegistry.siteChecks {
            text += checkSection(check, kind: "Site")
        }
        for rule in all {
            text += rule.markdown + "\n"
        }
        return text.trimmingCharacters(in: .newlines) + "\n"
    }
}
