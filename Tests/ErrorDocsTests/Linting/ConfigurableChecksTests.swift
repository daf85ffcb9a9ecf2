@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

/// The loader, template and site checks that warn are configured in `lint:` like rules, in
/// lint, build and serve (which builds into memory); the ones that report an error are not.
@Suite struct ConfigurableChecksTests {
    /// catalog.yaml with `lint` as its lint section, or none.
    static func settings(lint: String? = nil) -> String {
        TemporaryCatalog.settings + (lint.map { "\nlint:\n" + $0 + "\n" } ?? "\n")
    }

    /// A catalog with an error in each family (none is empty) and `files`.
    static func catalog(lint: String? = nil, _ files: [String: String]) throws -> TemporaryCatalog {
        try TemporaryCatalog(files.merging([
            "catalog.yaml": settings(lint: lint),
            "errors/rate_limited.yaml": TemporaryCatalog.error("rate_limited", status: 429, family: "rate_limit",
                                                               extra: "headers:\n  - name: Retry-After\n    description: Seconds to wait."),
            "errors/internal.yaml": TemporaryCatalog.error("internal", status: 500, family: "server"),
        ]) { $1 })
    }

    /// An `ignored-file` and an `empty-file` warning.
    static func loaderWarnings(lint: String? = nil) throws -> TemporaryCatalog {
        try catalog(lint: lint, [
            "errors/bad_request.yaml": TemporaryCatalog.error(),
            "errors/notes.txt": "Kept for later.\n",
            "errors/empty.yaml": "---\n",
        ])
    }

    /// bad_request links to a section rate_limited's page lacks: a `link-fragment` warning.
    static let linking = TemporaryCatalog.error(replacing: "meaning: The body is not what the endpoint expects.",
                                                with: "meaning: See [why](errors/rate_limited#nothing-like-it).")

    static func fragmentWarning(lint: String? = nil) throws -> TemporaryCatalog {
        try catalog(lint: lint, ["errors/bad_request.yaml": linking])
    }

    /// A theme with a `template-unknown-override` warning: a template for an error the
    /// catalog does not define.
    static func themeWithUnknownOverride(_ catalog: TemporaryCatalog) throws -> String {
        let theme = catalog.folder("theme")
        try FileManager.default.createDirectory(atPath: theme, withIntermediateDirectories: true)
        try "{{<layout}}{{$main}}<h1>{{title}}</h1>{{/main}}{{/layout}}\n"
            .write(toFile: theme + "/error.no_such_code.mustache", atomically: true, encoding: .utf8)
        return theme
    }

    private static func build(_ catalog: TemporaryCatalog, templates: String? = nil, strict: Bool = false) throws -> Pipeline.BuildReport {
        var output = MemoryOutput()
        return try Pipeline.build(catalog.root.path, templates: templates, into: &output, strict: strict)
    }

    private static func rules(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.ruleID) \($0.severity)" }.sorted()
    }

    // MARK: Loader warnings

    @Test func loaderWarningsWarnAndFailAStrictBuildByDefault() throws {
        let catalog = try Self.loaderWarnings()
        defer { catalog.remove() }
        #expect(Self.rules(try catalog.lint()) == ["empty-file warning", "ignored-file warning"])
        #expect(!(try Self.build(catalog, strict: true)).succeeded)
    }

    @Test func disabledLoaderWarningsAreGoneAndAStrictBuildSucceeds() throws {
        let catalog = try Self.loaderWarnings(lint: "  disable: [ignored-file, empty-file]")
        defer { catalog.remove() }
        #expect(try catalog.lint().isEmpty)
        let strict = try Self.build(catalog, strict: true)
        #expect(strict.succeeded, "\(strict.diagnostics)")
        #expect(strict.diagnostics.isEmpty)
    }

    @Test func aLoaderWarningRaisedToAnErrorFailsLintAndBuild() throws {
        let catalog = try Self.loaderWarnings(lint: "  severity: {empty-file: error, ignored-file: warning}")
        defer { catalog.remove() }
        let diagnostics = try catalog.lint()
        #expect(Self.rules(diagnostics) == ["empty-file error", "ignored-file warning"])
        #expect(diagnostics.with(rule: "empty-file").positions == ["errors/empty.yaml:1:1 [empty-file]"])
        let report = try Self.build(catalog)
        #expect(!report.succeeded && report.written.isEmpty)
        #expect(Self.rules(report.diagnostics) == ["empty-file error", "ignored-file warning"])
    }

    // MARK: Template warnings

    @Test func aDisabledTemplateWarningIsGoneAndAStrictBuildSucceeds() throws {
        let catalog = try Self.catalog(lint: "  disable: [template-unknown-override]", ["errors/bad_request.yaml": TemporaryCatalog.error()])
        defer { catalog.remove() }
        let theme = try Self.themeWithUnknownOverride(catalog)
        let strict = try Self.build(catalog, templates: theme, strict: true)
        #expect(strict.succeeded, "\(strict.diagnostics)")
        #expect(strict.diagnostics.isEmpty)
    }

    @Test func aTemplateWarningRaisedToAnErrorFailsTheBuild() throws {
        let catalog = try Self.catalog(lint: "  severity: {template-unknown-override: error}", ["errors/bad_request.yaml": TemporaryCatalog.error()])
        defer { catalog.remove() }
        let theme = try Self.themeWithUnknownOverride(catalog)
        let report = try Self.build(catalog, templates: theme)
        #expect(!report.succeeded && report.written.isEmpty)
        #expect(Self.rules(report.diagnostics) == ["template-unknown-override error"])
    }

    // MARK: Site warnings

    @Test func aDisabledSiteWarningIsGoneAndAStrictBuildSucceeds() throws {
        let warned = try Self.fragmentWarning()
        defer { warned.remove() }
        #expect(Self.rules(try Self.build(warned).diagnostics) == ["link-fragment warning"])

        let catalog = try Self.fragmentWarning(lint: "  disable: [link-fragment]")
        defer { catalog.remove() }
        let strict = try Self.build(catalog, strict: true)
        #expect(strict.succeeded, "\(strict.diagnostics)")
        #expect(strict.diagnostics.isEmpty)
    }

    @Test func aSiteWarningRaisedToAnErrorFailsTheBuildAndWritesNothing() throws {
        let catalog = try Self.fragmentWarning(lint: "  severity: {link-fragment: error}")
        defer { catalog.remove() }
        let site = catalog.folder("site")
        var output = try FolderOutput(path: site)
        let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(!report.succeeded && report.written.isEmpty)
        #expect(Self.rules(report.diagnostics) == ["link-fragment error"])
        #expect(!FileManager.default.fileExists(atPath: site), "a first build that fails makes no folder")
    }

    // MARK: Rebuilds

    /// A build with nothing changed repeats the warnings its record kept, as configured then; a
    /// change to the lint section is a change to catalog.yaml, so every check runs again.
    @Test func rebuildsFollowTheLintSection() throws {
        let catalog = try Self.catalog(["errors/bad_request.yaml": Self.linking, "errors/empty.yaml": "---\n"])
        defer { catalog.remove() }
        let theme = try Self.themeWithUnknownOverride(catalog)
        let site = catalog.folder("site")
        let all = ["empty-file warning", "link-fragment warning", "template-unknown-override warning"]
        func build(lint: String?, strict: Bool = false) throws -> Pipeline.BuildReport {
            let settings = Self.settings(lint: lint)
            let file = catalog.root.appendingPathComponent("catalog.yaml")
            if try String(contentsOf: file, encoding: .utf8) != settings {
                try settings.write(to: file, atomically: true, encoding: .utf8)
            }
            var output = try FolderOutput(path: site)
            return try Pipeline.build(catalog.root.path, templates: theme, into: &output, strict: strict)
        }
        #expect(Self.rules(try build(lint: nil).diagnostics) == all)
        let again = try build(lint: nil)
        #expect(again.upToDate && Self.rules(again.diagnostics) == all)

        let disable = "  disable: [empty-file, link-fragment, template-unknown-override]"
        let quiet = try build(lint: disable)
        #expect(!quiet.upToDate && quiet.succeeded && quiet.diagnostics.isEmpty, "\(quiet.diagnostics)")
        let quietAgain = try build(lint: disable, strict: true)
        #expect(quietAgain.upToDate && quietAgain.succeeded && quietAgain.diagnostics.isEmpty, "\(quietAgain.diagnostics)")

        let raised = try build(lint: "  severity: {link-fragment: error}")
        #expect(!raised.succeeded, "\(raised.diagnostics)")
        #expect(Self.rules(raised.diagnostics) == ["empty-file warning", "link-fragment error", "template-unknown-override warning"])
        #expect(!(try build(lint: "  severity: {link-fragment: error}")).succeeded, "a failed build is not recorded as up to date")

        // The error file's warning comes back from the cache of loaded files, configured anew.
        let back = try build(lint: nil)
        #expect(back.succeeded && Self.rules(back.diagnostics) == all, "\(back.diagnostics)")
    }

    // MARK: Error checks

    @Test(arguments: [
        ("  disable: [yaml-syntax]", "catalog.yaml:41:13", "'yaml-syntax' is a loader check that reports an error, which cannot be "
            + "disabled or given another severity: a file that fails it has no model to lint"),
        ("  severity: {template-syntax: warning}", "catalog.yaml:41:14", "'template-syntax' is a template check that reports an "
            + "error, which cannot be disabled or given another severity: a theme that fails it cannot render the pages"),
    ])
    func anErrorCheckIsRefusedWithTheReason(section: String, position: String, message: String) throws {
        let diagnostics = try lint(["catalog.yaml": LinterConfigurationTests.settings(lint: section)])
        #expect(diagnostics.positions == ["\(position) [lint-configuration]"])
        #expect(diagnostics.map(\.severity) == [.error])
        #expect(diagnostics.map(\.message) == [message])
    }

    @Test func aMisspeltWarningCheckGetsItSuggested() throws {
        let diagnostics = try lint(["catalog.yaml": LinterConfigurationTests.settings(lint: "  disable: [ignored-files]")])
        #expect(diagnostics.map(\.message)
            == ["no lint rule is named 'ignored-files'; did you mean 'ignored-file'? (run 'errdocs rules' to list them)"])
    }

    @Test func theRulesReferenceSaysWhichChecksCanBeConfigured() throws {
        for check in RuleRegistry.checks {
            let section = try #require(RuleDocumentation.reference.components(separatedBy: "## \(check.id)\n\n").dropFirst().first)
            let line = section.prefix { $0 != "\n" }
            #expect(line.contains("`lint:` can disable it or change its severity") == RuleRegistry.isConfigurable(check.id), "\(line)")
        }
    }

    @Test func exactlyTheWarningChecksAreConfigurable() {
        #expect(RuleRegistry.checks.filter { RuleRegistry.isConfigurable($0.id) }.map(\.id)
            == ["empty-file", "ignored-file", "template-unknown-override", "link-fragment"])
        #expect(RuleRegistry.checks.allSatisfy { RuleRegistry.isConfigurable($0.id) == (RuleRegistry.whyNotConfigurable($0.id) == nil) })
        #expect(RuleRegistry.rules.allSatisfy { RuleRegistry.isConfigurable($0.id) })
    }
}
