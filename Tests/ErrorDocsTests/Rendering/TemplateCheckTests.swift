@testable import ErrorDocs
import Testing

@Suite struct TemplateCheckTests {
    private func unescaped(_ template: String, markdown: Bool) -> [String] {
        TemplateCheck.check(template, file: "t.mustache", templates: [], markdown: markdown)
            .filter { $0.ruleID == "template-unescaped" }.map { "\($0.location.line):\($0.location.column)" }
    }

    @Test func htmlTemplatesInsertOnlyRenderedMarkdownUnescaped() {
        #expect(unescaped("<p>{{{meaning.html}}}{{&causeHTML}}</p>", markdown: false).isEmpty)
        #expect(unescaped("<p>{{title}}</p>\n<p>{{{summary}}} {{& scope}}</p>", markdown: false) == ["2:4", "2:18"])
    }

    @Test func markdownTemplatesInsertMarkdownFieldsAndCodeUnescaped() {
        let template = """
            # {{title}}
            {{{meaning.markdown}}}
            | `{{{code}}}` | {{{action.cell}}} |
            {{{fence}}}{{language}}
            {{{code}}}
            {{{fence}}}
            ```json
            {{{example.body}}}
            ```
            """
        #expect(unescaped(template, markdown: true).isEmpty)
    }

    @Test func markdownTemplatesRefuseRawTextOutsideCode() {
        let template = """
            # {{{title}}}
            `{{{code}}}` then {{{summary}}}
            ```
            {{{code}}}
            ```
            {{{scope}}}
            """
        #expect(unescaped(template, markdown: true) == ["1:3", "2:19", "6:1"])
        #expect(unescaped("{{{meaning.html}}}", markdown: true) == ["1:1"], "HTML has no place in the Markdown twins")
    }

    @Test func aContentTypePragmaIsRefused() {
        #expect(unescaped("{{% CONTENT_TYPE: TEXT}}\n{{title}}", markdown: true) == ["1:1"])
        #expect(unescaped("{{%CONTENT_TYPE:TEXT}}<p>{{title}}</p>", markdown: false) == ["1:1"])
    }
}
