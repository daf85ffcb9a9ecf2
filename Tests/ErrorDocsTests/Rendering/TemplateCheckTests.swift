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

    /// Markdown escaping leaves `"` alone: inside an HTML tag only an `anchor` (``htmlID(_:)``) is safe.
    @Test func markdownTemplatesInsertOnlyAnchorsInsideHTMLTags() {
        let template = """
            {{<layout}}
            ## <a id="{{anchor}}"></a>{{title}} <b>{{name}}</b>
            <a href="{{link}}">x</a> <img alt='{{{summary.markdown}}}'>
            {{/layout}}
            """
        #expect(unescaped(template, markdown: true) == ["3:10", "3:36"])
        #expect(unescaped("<a href=\"{{link}}\">x</a>", markdown: false).isEmpty, "HTML templates escape for HTML")
    }

    @Test func anHTMLIDKeepsOnlyCharactersThatNeedNoEscaping() {
        #expect(htmlID("rate_limit.v2-b") == "rate_limit.v2-b")
        #expect(htmlID("a\" onclick=\"x<é>") == "a--onclick--x---")
    }

    @Test func aContentTypePragmaIsRefused() {
        #expect(unescaped("{{% CONTENT_TYPE: TEXT}}\n{{title}}", markdown: true) == ["1:1"])
        #expect(unescaped("{{%CONTENT_TYPE:TEXT}}<p>{{title}}</p>", markdown: false) == ["1:1"])
    }
}
