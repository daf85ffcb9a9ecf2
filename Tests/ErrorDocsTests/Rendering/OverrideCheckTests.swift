@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

/// `template-unknown-override`: a template named after an error the catalog does not define is
/// a warning at the template, in every build, including one with nothing changed.
@Suite struct OverrideCheckTests {
    @Test func theCodeComesFromErrorTemplatesOnly() {
        #expect(OverrideCheck.code(overriddenBy: "error.rate_limited.mustache") == "rate_limited")
        #expect(OverrideCheck.code(overriddenBy: "markdown/error.smtp.user_unknown.mustache") == "smtp.user_unknown")
        #expect(OverrideCheck.code(overriddenBy: "error.mustache") == nil)
        #expect(OverrideCheck.code(overriddenBy: "partials/error.row.mustache") == nil)
        #expect(OverrideCheck.code(overriddenBy: "family.validation.mustache") == nil)
    }

    @Test func includedTemplatesAreThePartialsAndParents() {
        #expect(TemplateCheck.included(by: "{{<layout}}{{$main}}{{> partials/row }}{{/main}}{{/layout}}{{name}}") == ["layout", "partials/row"])
    }

    /// Errors bad_request and internal, and `gone` removed.
    private static func catalog() throws -> TemporaryCatalog {
        try TemporaryCatalog([
            "catalog.yaml": TemporaryCatalog.settings + "\nremoved:\n  - code: gone\n    reason: No longer returned.\n",
            "errors/bad_request.yaml": TemporaryCatalog.error(),
            "errors/internal.yaml": TemporaryCatalog.error("internal", status: 500, family: "server"),
        ])
    }

    @Test func anOverrideOfNoErrorIsAWarningAtTheTemplateInEveryBuild() throws {
        let catalog = try Self.catalog()
        defer { catalog.remove() }
        let site = catalog.folder("site"), theme = catalog.folder("theme")
        let page = "{{<layout}}{{$main}}<h1>{{title}}</h1>{{/main}}{{/layout}}\n"
        try FileManager.default.createDirectory(atPath: theme + "/markdown", withIntermediateDirectories: true)
        for name in ["error.bad_request", "error.bad_reqest", "error.no_such_code", "markdown/error.gone", "error.shared"] {
            try page.write(toFile: "\(theme)/\(name).mustache", atomically: true, encoding: .utf8)
        }
        // Included by another template: a partial, whatever its name.
        try "{{> error.shared}}\n".write(toFile: theme + "/error.internal.mustache", atomically: true, encoding: .utf8)

        func build() throws -> Pipeline.BuildReport {
            var output = try FolderOutput(path: site)
            let report = try Pipeline.build(catalog.root.path, templates: theme, into: &output)
            #expect(report.succeeded, "\(report.diagnostics)")
            return report
        }
        let first = try build()
        let found = first.diagnostics.filter { $0.ruleID == "template-unknown-override" }
        #expect(found.map(\.location.file) == ["error.bad_reqest", "error.no_such_code", "markdown/error.gone"].map { "\(theme)/\($0).mustache" })
        #expect(found.allSatisfy { $0.severity == .warning && $0.location.line == 1 && $0.location.column == 1 })
        #expect(found.map(\.message) == [
            "template 'error.bad_reqest.mustache' overrides no page and is never used: "
                + "the catalog has no error 'bad_reqest'; did you mean 'bad_request' (error.bad_request.mustache)?",
            "template 'error.no_such_code.mustache' overrides no page and is never used: "
                + "the catalog has no error 'no_such_code'; its codes are 'bad_request', 'internal'",
            "template 'markdown/error.gone.mustache' overrides no page and is never used: "
                + "error 'gone' is removed (catalog.yaml's removed:), so its page is rendered with markdown/removed.mustache",
        ])

        let again = try build()
        #expect(again.upToDate, "nothing changed")
        #expect(again.diagnostics.filter { $0.ruleID == "template-unknown-override" } == found, "the record keeps the warnings")

        var strictOutput = try FolderOutput(path: site)
        let strict = try Pipeline.build(catalog.root.path, templates: theme, into: &strictOutput, strict: true)
        #expect(!strict.succeeded, "build --strict fails on the warning")
    }

    @Test func aTemplateCheckWithDetailsIsInTheRulesReference() {
        #expect(RuleRegistry.check("template-unknown-override")?.severity == .warning)
        #expect(RuleDocumentation.reference.contains("## template-unknown-override\n\nA template named after one error"))
    }
}
