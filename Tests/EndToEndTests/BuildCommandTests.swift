import Foundation
import Testing

/// `errdocs build` as users run it: output, determinism, and leaving a good site alone when
/// the catalog is broken.
@Suite struct BuildCommandTests {
    @Test func twoBuildsOfTheSameCatalogAreByteIdentical() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = try Tool.run(["build", "Content", "--output", scratch.appendingPathComponent("one").path])
        let second = try Tool.run(["build", "Content", "--output", scratch.appendingPathComponent("two").path])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let one = try Tool.tree(scratch.appendingPathComponent("one"))
        let two = try Tool.tree(scratch.appendingPathComponent("two"))
        #expect(one.count > 50)
        #expect(one == two)
    }

    /// A site inside the catalog would be read as part of it, and replacing it would delete an
    /// author's files saved there.
    @Test func refusesAnOutputFolderInsideTheCatalog() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let guides = try Tool.tree(scratch.appendingPathComponent("Content/guides"))
        for output in ["Content/guides", "Content/site", "Content/errors/../out"] {
            let run = try Tool.run(["build", "Content", "--output", output], in: scratch)
            #expect(run.status == 2, "\(output): \(run.stderr)")
            #expect(run.stderr.contains("it is inside"), "\(run.stderr)")
        }
        #expect(try Tool.tree(scratch.appendingPathComponent("Content/guides")) == guides)
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("Content/site").path))
    }

    /// `.yml` is as common a spelling as `.yaml`; such a file used to drop out of the site silently.
    @Test func errorFilesMayEndInYml() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errors = scratch.appendingPathComponent("Content/errors")
        let file = try #require(FileManager.default.enumerator(atPath: errors.path)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") }.sorted().first)
        let code = try #require(String(contentsOf: errors.appendingPathComponent(file), encoding: .utf8)
            .split(separator: "\n").first { $0.hasPrefix("code: ") }).dropFirst("code: ".count)
        let before = try Tool.run(["lint", "Content"], in: scratch)
        try FileManager.default.moveItem(at: errors.appendingPathComponent(file),
                                         to: errors.appendingPathComponent(String(file.dropLast("yaml".count)) + "yml"))
        let after = try Tool.run(["lint", "Content"], in: scratch)
        #expect(after.status == 0 && after.stdout == before.stdout, "\(after.stdout)")
        #expect(try Tool.run(["build", "Content"], in: scratch).status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("Site/errors/\(code)/index.html").path))
    }

    @Test func aTemplatesFolderThatDoesNotExistIsAnError() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["build", "Content", "--templates", "Themes/nosuch"], in: scratch)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("Themes/nosuch: no such templates folder"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("Site").path))
    }

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let good = try Tool.run(["build", "Content"], in: scratch)
        #expect(good.status == 0, "\(good.stderr)")
        let before = try Tool.tree(scratch.appendingPathComponent("Site"))

        try "code: [broken\n".write(to: scratch.appendingPathComponent("Content/errors/zz.yaml"), atomically: true, encoding: .utf8)
        let bad = try Tool.run(["build", "Content"], in: scratch)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("Site was not changed"), "\(bad.stderr)")
        #expect(try Tool.tree(scratch.appendingPathComponent("Site")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".") }
        // The failed build keeps the file it loaded anew among the recently loaded files.
        #expect(Set(leftovers) == [".Site.errdocs-cache", ".Site.errdocs-loaded", ".Site.errdocs-loaded.recent"],
                "no staging folder is left behind, only the build record and the loaded files: \(leftovers)")
    }

    /// An output whose parent folders do not exist yet gets them, with the loaded-files cache
    /// beside it from the first build (it was written before the folders were made, and lost);
    /// a first build that fails makes no folder.
    @Test func aFirstBuildIntoNewFoldersKeepsItsCacheAndAFailedOneMakesNoFolder() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let built = try Tool.run(["build", "Content", "--output", "out/docs/Site"], in: scratch)
        #expect(built.status == 0, "\(built.stderr)")
        let beside = try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("out/docs").path)
        #expect(Set(beside) == ["Site", ".Site.errdocs-cache", ".Site.errdocs-loaded"], "\(beside)")

        try "code: [broken\n".write(to: scratch.appendingPathComponent("Content/errors/zz.yaml"), atomically: true, encoding: .utf8)
        let failed = try Tool.run(["build", "Content", "--output", "other/docs/Site"], in: scratch)
        #expect(failed.status == 1, "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("other").path))
    }

    /// A link to a fragment the page lacks is a warning the build finds (lint cannot: the ids
    /// come from the theme); `--strict` makes it fail the build, as CI wants.
    @Test func strictTurnsTheBuildsWarningsIntoErrors() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains("(retries#http)"))
        try text.replacingOccurrences(of: "(retries#http)", with: "(retries#htpp)").write(to: file, atomically: true, encoding: .utf8)
        #expect(try Tool.run(["lint", "Content"], in: scratch).status == 0, "lint does not know the pages' ids")

        let strict = try Tool.run(["build", "Content", "--strict"], in: scratch)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("rate_limited.yaml:33:3: error: link 'retries#htpp' in 'rate_limited' meaning points at '#htpp', "
                                       + "but retries/index.html has no element with id 'htpp'; did you mean '#http'? [link-fragment]"), "\(strict.stderr)")
        #expect(strict.stderr.contains("build failed: 1 error; Site was not changed"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("Site").path))

        let relaxed = try Tool.run(["build", "Content"], in: scratch)
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("rate_limited.yaml:33:3: warning: link 'retries#htpp'"), "\(relaxed.stderr)")
    }

    /// A warning the author means to keep can be disabled in lint:, and --strict then passes.
    @Test func aDisabledBuildWarningLetsAStrictBuildPass() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "(retries#http)", with: "(retries#htpp)").write(to: file, atomically: true, encoding: .utf8)
        try "Kept for later.\n".write(to: scratch.appendingPathComponent("Content/errors/notes.txt"), atomically: true, encoding: .utf8)
        #expect(try Tool.run(["build", "Content", "--strict"], in: scratch).status == 1)

        let catalog = scratch.appendingPathComponent("Content/catalog.yaml")
        try (String(contentsOf: catalog, encoding: .utf8) + "lint:\n  disable: [link-fragment, ignored-file]\n")
            .write(to: catalog, atomically: true, encoding: .utf8)
        let strict = try Tool.run(["build", "Content", "--strict"], in: scratch)
        #expect(strict.status == 0, "\(strict.stderr)")
        #expect(!strict.stderr.contains("warning"), "\(strict.stderr)")
        #expect(try Tool.run(["lint", "Content", "--strict"], in: scratch).status == 0)
    }

    /// Nothing is left beside the output by a first build that fails or is refused.
    @Test(arguments: [["build", "Content"], ["build", "Content", "--output", "Content/site"]])
    func aFailedFirstBuildLeavesTheFolderAsItWas(arguments: [String]) throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try "code: [broken\n".write(to: scratch.appendingPathComponent("Content/errors/zz.yaml"), atomically: true, encoding: .utf8)
        let bad = try Tool.run(arguments, in: scratch)
        #expect(bad.status != 0, "\(bad.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["Content"])
    }

    /// Assets are copied byte for byte, images too; only templates must be text.
    @Test func binaryAssetsAreCopiedAsTheyAre() throws {
        let scratch = try scratch(withTemplate: "assets/style.css", "body { color: teal; }\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE, 0x80])
        try png.write(to: scratch.appendingPathComponent("Templates/assets/logo.png"))
        let run = try Tool.run(["build", "Content"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.contents(atPath: scratch.appendingPathComponent("Site/assets/logo.png").path) == png)
        #expect(FileManager.default.contents(atPath: scratch.appendingPathComponent("Site/assets/style.css").path) == Data("body { color: teal; }\n".utf8))

        try png.write(to: scratch.appendingPathComponent("Templates/error.mustache"))
        let bad = try Tool.run(["build", "Content"], in: scratch)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("Templates/error.mustache: templates must be UTF-8 text"), "\(bad.stderr)")
    }

    @Test func aCatalogWithoutTemplatesUsesTheBuiltInTheme() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("Templates").path))
        let run = try Tool.run(["build", "Content"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let site = try Tool.tree(scratch.appendingPathComponent("Site"))
        let repositorySite = try Tool.tree(Tool.repository.appendingPathComponent("Site"))
        #expect(site == repositorySite, "the built-in theme is the repository's Templates/")
    }

    /// A copy of Content/ with one file in a Templates/ folder beside it.
    private func scratch(withTemplate name: String, _ text: String) throws -> URL {
        let scratch = try Tool.scratch(copyingContent: true)
        let templates = scratch.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(
            at: templates.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: templates.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return scratch
    }

    /// The page at `path` of the default catalog's site, built with the template `name` overridden.
    private func page(_ path: String, builtWithTemplate name: String, _ text: String) throws -> String {
        let scratch = try scratch(withTemplate: name, text)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["build", "Content"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        return try String(contentsOf: scratch.appendingPathComponent("Site/" + path), encoding: .utf8)
    }

    @Test func aTemplateOverrideChangesOnlyWhatItOverrides() throws {
        let scratch = try scratch(withTemplate: "error.rate_limited.mustache", "{{<layout}}{{$main}}<h1>Custom {{code}}</h1>{{/main}}{{/layout}}\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["build", "Content"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let custom = try String(contentsOf: scratch.appendingPathComponent("Site/errors/rate_limited/index.html"), encoding: .utf8)
        let other = try String(contentsOf: scratch.appendingPathComponent("Site/errors/invalid_api_key/index.html"), encoding: .utf8)
        #expect(custom.contains("<h1>Custom rate_limited</h1>"))
        #expect(other.contains("What this means"))
    }

    /// Lists reach templates item by item (``TemplateList``), with the transforms swift-mustache
    /// gives arrays.
    @Test func listTransformsWorkInTemplates() throws {
        let template = "{{<layout}}{{$main}}<p id=\"lists\">{{count(causes)}}"
            + "|{{#first(causes)}}{{{html}}}{{/first(causes)}}|{{#last(causes)}}{{{html}}}{{/last(causes)}}"
            + "|{{#reversed(causes)}}[{{{html}}}]{{/reversed(causes)}}"
            + "|{{^empty(causes)}}some{{/empty(causes)}}{{#empty(endpoints)}}none{{/empty(endpoints)}}</p>{{/main}}{{/layout}}\n"
        let page = try page("errors/rate_limited/index.html", builtWithTemplate: "error.rate_limited.mustache", template)
        let burst = "A burst of sends, for example a loop calling <code>POST /v1/send</code> once per recipient without pacing."
        let polling = "Polling <code>GET /v1/messages/{id}</code> for delivery status instead of subscribing to webhooks."
        #expect(page.contains("<p id=\"lists\">4|\(burst)|\(polling)|[\(polling)]["), "\(page)")
        #expect(page.contains("[\(burst)]|somenone</p>"), "\(page)")
    }

    /// Error tables make their rows as templates reach them; the list transforms still apply.
    @Test func listTransformsWorkOnErrorTables() throws {
        let template = "{{<layout}}{{$main}}<p id=\"rows\">{{count(errors)}}|{{#first(errors)}}{{code}}{{/first(errors)}}"
            + "|{{#last(errors)}}{{code}}{{/last(errors)}}|{{#reversed(errors)}}[{{code}}]{{/reversed(errors)}}</p>{{/main}}{{/layout}}\n"
        let page = try page("families/auth/index.html", builtWithTemplate: "family.mustache", template)
        let expected = "<p id=\"rows\">4|invalid_api_key|missing_authorization_header"
            + "|[missing_authorization_header][jwt_signature_invalid][jwt_expired][invalid_api_key]</p>"
        #expect(page.contains(expected), "\(page)")
    }

    @Test func aTemplateWithAMissingPartialIsRejected() throws {
        let scratch = try scratch(withTemplate: "guide.mustache", "{{<layout}}{{$main}}\n{{>partials/nope}}{{/main}}{{/layout}}\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["build", "Content"], in: scratch)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Templates/guide.mustache:2:1: error: template 'partials/nope' does not exist"), "\(run.stderr)")
    }

    /// Templates are parsed with a hidden first line (the escaping): errors still name the
    /// template's own line.
    @Test func aTemplateSyntaxErrorNamesItsLine() throws {
        let scratch = try scratch(withTemplate: "guide.mustache", "{{<layout}}{{$main}}\n<p>\n{{#open}}{{/main}}{{/layout}}\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["build", "Content"], in: scratch)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Templates/guide.mustache:3:"), "\(run.stderr)")
        #expect(run.stderr.contains("error: template cannot be parsed: a closing tag {{/…}} does not match the section it closes"), "\(run.stderr)")
    }

    @Test func aMisspeltTemplateVariableStopsTheBuild() throws {
        let scratch = try scratch(withTemplate: "error.mustache", "{{<layout}}{{$main}}\n<h1>{{titel}}</h1>{{/main}}{{/layout}}\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["build", "Content"], in: scratch)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Templates/error.mustache:2:5: error: 'titel' is not a value of any page; it would render as nothing; did you mean 'title'? "
                + "(docs/templates.md lists each page's names)"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("Site").path))
    }

    @Test func aMisspeltPartOfADottedNameStopsTheBuild() throws {
        let scratch = try scratch(withTemplate: "error.mustache", "{{<layout}}{{$main}}\n<h1>{{title}}</h1>\n<p>{{page.descripton}}</p>{{/main}}{{/layout}}\n")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["build", "Content"], in: scratch)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Templates/error.mustache:3:4: error: 'page.descripton' is not a value of any page; it would render as nothing; "
                + "did you mean 'page.description'?"), "\(run.stderr)")
    }

    @Test func itRefusesToReplaceAFolderItDidNotCreate() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let precious = scratch.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: precious, withIntermediateDirectories: true)
        try "keep me".write(to: precious.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try Tool.run(["build", "Content", "--output", "Documents"], in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.contains("was not created by errdocs"), "\(run.stderr)")
        #expect(try String(contentsOf: precious.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep me")
    }

    @Test(arguments: ["/", "Content", "."])
    func itRefusesDangerousOutputFolders(_ output: String) throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["build", "Content", "--output", output], in: scratch)
        #expect(run.status == 2, "\(run.stdout)")
        #expect(run.stderr.contains("refusing"), "\(run.stderr)")
    }

    @Test func initCreatesACatalogThatLintsAndBuilds() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let created = try Tool.run(["init", "--name", "Acme Mail", "--templates"], in: scratch)
        #expect(created.status == 0, "\(created.stderr)")
        let lint = try Tool.run(["lint"], in: scratch)
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.contains("0 errors, 0 warnings"))
        let build = try Tool.run(["build"], in: scratch)
        #expect(build.status == 0, "\(build.stderr)")
        let index = try String(contentsOf: scratch.appendingPathComponent("Site/index.html"), encoding: .utf8)
        #expect(index.contains("Acme Mail"))
        let again = try Tool.run(["init"], in: scratch)
        #expect(again.status == 2, "init never overwrites")
    }

    /// Whatever the name holds, the catalog it writes loads: YAML syntax in it stays text.
    @Test(arguments: ["a: b #c", "Quote \" and \\ backslash", "- [list] {map} & *star", "Acme API"])
    func initQuotesTheName(name: String) throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(try Tool.run(["init", "--name=\(name)"], in: scratch).status == 0)
        let lint = try Tool.run(["lint"], in: scratch)
        #expect(lint.status == 0 && lint.stdout.contains("0 errors, 0 warnings"), "\(lint.stdout)")
        #expect(try Tool.run(["build"], in: scratch).status == 0)
        let index = try String(contentsOf: scratch.appendingPathComponent("Site/markdown/index.md"), encoding: .utf8)
        #expect(index.contains(name))
        #expect(!index.contains("API API"))
        let empty = try Tool.run(["init", "--name", " ", "Other"], in: scratch)
        #expect(empty.status == 2 && empty.stderr.contains("--name must be one line"), "\(empty.stderr)")
    }

    /// Both messages name the theme's folder where it was written, not a bare "Templates".
    @Test func initTemplatesNamesTheThemeFolderItWrote() throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fresh = try Tool.run(["init", "uxcat/Content", "--templates"], in: scratch)
        #expect(fresh.stdout.contains(" files in uxcat/Content and uxcat/Templates\n"), "\(fresh.stdout)")
        try FileManager.default.removeItem(at: scratch.appendingPathComponent("uxcat/Templates"))
        let added = try Tool.run(["init", "uxcat/Content", "--templates"], in: scratch)
        #expect(added.stdout.contains(" files in uxcat/Templates; the catalog in uxcat/Content is left as it is\n"),
                "\(added.stdout)")
    }

    /// `init --templates` beside an existing catalog adds the theme and leaves the catalog alone.
    @Test func initTemplatesAddsAThemeToAnExistingCatalog() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let before = try Tool.tree(scratch.appendingPathComponent("Content"))
        let run = try Tool.run(["init", "Content", "--templates"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Tool.tree(scratch.appendingPathComponent("Content")) == before)
        #expect(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("Templates/error.mustache").path))
        #expect(try Tool.run(["init", "Content", "--templates"], in: scratch).status == 2, "an existing theme is never overwritten")
    }
}
