import ErrorDocs
import Foundation
import Testing

/// The build cache never changes what is built: after each edit of a series, an incremental
/// build of the same output folder equals a clean build into a new one, file for file and
/// byte for byte; and unchanged files are kept, not written again.
@Suite struct IncrementalBuildTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the default catalog and theme in a fresh folder.
    struct Workspace {
        let root: URL
        var catalog: String { root.appendingPathComponent("Content").path }
        var templates: String { root.appendingPathComponent("Templates").path }

        /// - Parameter aged: dates every file an hour back, so builds trust the recorded hashes
        ///   of files whose stamp has not changed instead of reading them (files changed in the
        ///   last two seconds are always read).
        init(aged: Bool = false) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-incremental-\(UUID())")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["Content", "Templates"] {
                try FileManager.default.copyItem(
                    at: IncrementalBuildTests.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
                guard aged else { continue }
                for path in try FileManager.default.subpathsOfDirectory(atPath: url(folder).path) {
                    try FileManager.default.setAttributes(
                        [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: url(folder + "/" + path).path)
                }
            }
        }

        func url(_ path: String) -> URL { root.appendingPathComponent(path) }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let text = try String(contentsOf: url(path), encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "the edit of \(path) changed nothing")
            try changed.write(to: url(path), atomically: false, encoding: .utf8)
        }

        func replace(_ old: String, with new: String, in path: String = "Content/errors/rate_quota/rate_limited.yaml") throws {
            try edit(path) { $0.replacingOccurrences(of: old, with: new) }
        }

        /// - Parameter inPlaceLimit: the most files the build may change in place; 0 always
        ///   writes a new version of the site and swaps it in.
        @discardableResult
        func build(into folder: String, inPlaceLimit: Int? = nil) throws -> Pipeline.BuildReport {
            var output = try FolderOutput(path: url(folder).path)
            if let inPlaceLimit { output.inPlaceLimit = inPlaceLimit }
            let report = try Pipeline.build(catalog, templates: templates, into: &output)
            #expect(report.succeeded, "\(report.diagnostics)")
            return report
        }

        /// The paths where the folders `built` and `clean` (under the workspace) differ.
        func differences(_ built: String, _ clean: String) throws -> [String] {
            try IncrementalBuildTests.differences(url(built), url(clean))
        }

        func inode(_ path: String) throws -> UInt64 {
            (try FileManager.default.attributesOfItem(atPath: url(path).path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
    }

    /// Builds change a few files in place and swap in a new folder for more: the series runs
    /// with the default limit, with every build in place, and with none.
    /// Every file under `folder` by relative path, and every folder, as its path with a slash
    /// and no contents.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let full = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: full.path, isDirectory: &isFolder) else { continue }
            files[isFolder.boolValue ? path + "/" : path] = isFolder.boolValue ? Data() : try Data(contentsOf: full)
        }
        return files
    }

    /// The files and folders that one of the two folders has and the other has not, or has
    /// with other bytes, sorted.
    static func differences(_ built: URL, _ clean: URL) throws -> [String] {
        let built = try tree(built), clean = try tree(clean)
        return Set(built.keys).union(clean.keys).filter { built[$0] != clean[$0] }.sorted()
    }

    @Test(arguments: [(aged: false, inPlaceLimit: nil), (true, Int.max), (false, 0)] as [(aged: Bool, inPlaceLimit: Int?)])
    func incrementalBuildsEqualCleanBuildsAfterEachEdit(aged: Bool, inPlaceLimit: Int?) throws {
        let space = try Workspace(aged: aged)
        defer { try? FileManager.default.removeItem(at: space.root) }
        let first = try space.build(into: "Site", inPlaceLimit: inPlaceLimit)
        #expect(first.kept.isEmpty)
        let trusted = try FolderOutput(path: space.url("Site").path).previousBuild()?.inputFiles.count ?? 0
        #expect(aged ? trusted > 10 : trusted == 0, "files changed in the last two seconds are read again by the next build")

        let edits: [(name: String, apply: () throws -> Void)] = [
            ("nothing", {}),
            // Checked in every build from here on, while the file is linted once: its findings
            // are kept, its same-page links with them.
            ("a same-page link to a section the page lacks (a link-fragment warning)", {
                try space.replace("  when there is one.\n", with: "  when there is one. See [why](#when-you-see-this).\n",
                                  in: "Content/errors/validation/invalid_json.yaml")
            }),
            ("a cause of one error", {
                try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
            }),
            ("a retry policy (shown in the retry table)", {
                try space.replace("  max_attempts: 5\n", with: "  max_attempts: 7\n")
            }),
            ("the first quick fix (shown in the tables)", {
                try space.replace("  - Wait the number of seconds", with: "  - Wait the exact number of seconds")
            }),
            ("a status (shown in the status-code playbook)", {
                try space.edit("Content/errors/rate_quota/rate_limited.yaml") {
                    $0.replacingOccurrences(of: "\nstatus: 429\n", with: "\nstatus: 503\n")
                        .replacingOccurrences(of: "\n  status: 429\n", with: "\n  status: 503\n")
                }
            }),
            ("the title of one error (shown in its family's navigation)", {
                try space.replace("\ntitle: ", with: "\ntitle: Edited ")
            }),
            ("the summary of an error another relates to (shown in its related errors)", {
                try space.replace("\nsummary: You sent more requests", with: "\nsummary: You sent many more requests")
            }),
            ("the title of another error (in its family's navigation, a related list and a replacement)", {
                try space.replace("\ntitle: ", with: "\ntitle: Edited ", in: "Content/errors/rate_quota/daily_quota_exceeded.yaml")
            }),
            ("the summary of the error a removed one is replaced by (shown on the removed one's page)", {
                try space.replace("\nsummary: The domain of the from address", with: "\nsummary: The sending domain",
                                  in: "Content/errors/validation/domain_not_verified.yaml")
            }),
            ("a new error file", {
                let text = try String(contentsOf: space.url("Content/errors/rate_quota/rate_limited.yaml"), encoding: .utf8)
                try text.replacingOccurrences(of: "\ncode: rate_limited\n", with: "\ncode: rate_limited_again\n")
                    .replacingOccurrences(of: "error: rate_limited\n", with: "error: rate_limited_again\n")
                    .replacingOccurrences(of: "errors/rate_limited\n", with: "errors/rate_limited_again\n")
                    .write(to: space.url("Content/errors/rate_quota/rate_limited_again.yaml"), atomically: false, encoding: .utf8)
            }),
            ("a removed error file", {
                try FileManager.default.removeItem(at: space.url("Content/errors/rate_quota/rate_limited_again.yaml"))
            }),
            ("catalog.yaml", {
                try space.replace("title: Standard error envelope", with: "title: The standard envelope", in: "Content/catalog.yaml")
            }),
            // What the error-file rules found is kept with each file, for the catalog.yaml it
            // was found with: each edit of its lint settings below must be seen.
            ("catalog.yaml making summary-length a warning", {
                try space.edit("Content/catalog.yaml") { $0 + "\nlint:\n  severity:\n    summary-length: warning\n" }
            }),
            ("a summary over 200 characters (a warning)", {
                try space.replace("\nsummary: You sent many more requests", with: "\nsummary: \(String(repeating: "Far too long. ", count: 16))You sent many more requests",
                                  in: "Content/errors/rate_quota/rate_limited.yaml")
            }),
            ("catalog.yaml turning summary-length off", {
                try space.edit("Content/catalog.yaml") { $0 + "  disable: [summary-length]\n" }
            }),
            ("catalog.yaml turning it on again (as it was two edits before: a warning)", {
                try space.replace("  disable: [summary-length]\n", with: "", in: "Content/catalog.yaml")
            }),
            ("the summary as it was, and catalog.yaml's lint settings gone", {
                try space.replace("\nsummary: \(String(repeating: "Far too long. ", count: 16))You sent many more requests", with: "\nsummary: You sent many more requests",
                                  in: "Content/errors/rate_quota/rate_limited.yaml")
                try space.replace("\nlint:\n  severity:\n    summary-length: warning\n", with: "", in: "Content/catalog.yaml")
            }),
            ("a template", {
                try space.replace("</article>", with: "<p>Edited.</p></article>", in: "Templates/error.mustache")
            }),
            ("a guide", {
                try space.edit("Content/guides/observability.md") { $0 + "\nOne more line.\n" }
            }),
            ("a built page changed by hand", {
                try Data("<p>hand-edited</p>".utf8).write(to: space.url("Site/errors/invalid_json/index.html"))
            }),
            ("registry.json changed by hand (its entries are copied by later builds)", {
                try Data("{}".utf8).write(to: space.url("Site/registry.json"))
            }),
            ("llms-full.txt changed by hand (its pages are copied by later builds)", {
                try Data("# nothing".utf8).write(to: space.url("Site/llms-full.txt"))
            }),
            ("a cause of one error, after that", {
                try space.replace("  - A sudden burst of sends", with: "  - A burst of sends")
            }),
            ("a file added to the site by hand", {
                try Data("stray".utf8).write(to: space.url("Site/stray.txt"))
            }),
            ("a file added by hand to a page's folder", {
                try Data("stray".utf8).write(to: space.url("Site/errors/invalid_json/notes.txt"))
            }),
            ("a page's folder given a new time by hand, nothing in it changed", {
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)],
                                                      ofItemAtPath: space.url("Site/errors/invalid_json").path)
            }),
        ]
        let linked = try #require(edits.firstIndex { $0.name.hasPrefix("a same-page link") })
        for (index, edit) in edits.enumerated() {
            try edit.apply()
            let incremental = try space.build(into: "Site", inPlaceLimit: inPlaceLimit)
            let clean = try space.build(into: "Clean-\(index)")
            let differing = try space.differences("Site", "Clean-\(index)")
            #expect(differing.isEmpty, "after editing \(edit.name), the incremental build differs from a clean one in \(differing.prefix(5))")
            #expect(incremental.diagnostics == clean.diagnostics, "after editing \(edit.name), the incremental build reports otherwise")
            let warned = incremental.diagnostics.contains { $0.ruleID == "summary-length" && $0.severity == .warning }
            #expect(warned == edit.name.hasSuffix("a warning)"), "\(edit.name): \(incremental.diagnostics)")
            let fragmentWarnings = incremental.diagnostics.filter { $0.ruleID == "link-fragment" }
            #expect(fragmentWarnings.map(\.location.line) == (index >= linked ? [13] : []), "\(edit.name): \(fragmentWarnings)")
            #expect(incremental.upToDate == (edit.name == "nothing"), "\(edit.name)")
            // The record matches what the build left, folders included: nothing to do next.
            #expect(try space.build(into: "Site", inPlaceLimit: inPlaceLimit).upToDate, "built again after editing \(edit.name)")
        }
    }

    /// In a family larger than the sidebar shows, a title edit renders the pages whose sidebar
    /// lists the error and those that name it as related, and no other error page; and the
    /// site still equals a clean build.
    @Test func aTitleEditRendersThePagesThatShowTheTitle() throws {
        var files: [String: String] = [:]
        for index in 0..<40 {
            let code = SidebarTests.code(index)
            // The last error names the second as related; the one before, as its replacement.
            let extra = [
                38: "deprecated:\n  since: \"1.0.0\"\n  replaced_by: \(SidebarTests.code(1))",
                39: "related:\n  - \(SidebarTests.code(1))",
            ]
            files["errors/\(code).yaml"] = TemporaryCatalog.error(code, extra: extra[index] ?? "")
        }
        let catalog = try TemporaryCatalog(files)
        defer { catalog.remove() }
        // Outputs beside the catalog, with their records and spares, in a folder of their own.
        let outputs = catalog.folder("outputs")
        let site = outputs + "/Site", clean = outputs + "/Clean"
        @discardableResult
        func build(_ path: String) throws -> Pipeline.BuildReport {
            var output = try FolderOutput(path: path)
            let report = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
            #expect(report.succeeded, "\(report.diagnostics.filter { $0.severity == .error })")
            return report
        }
        try build(site)
        let file = catalog.root.appendingPathComponent("errors/\(SidebarTests.code(1)).yaml")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\ntitle: Bad request", with: "\ntitle: Edited request")
            .write(to: file, atomically: false, encoding: .utf8)
        let report = try build(site)
        let rendered = Set(report.written.filter { $0.hasPrefix("errors/") }.map { String($0.split(separator: "/")[1]) })
        // The sidebar of the pages of errors 0 to 11 lists error 1 (their window starts at 0).
        let showing = Set((0...11).map(SidebarTests.code) + [SidebarTests.code(38), SidebarTests.code(39)])
        #expect(rendered == showing, "\(rendered.sorted())")
        #expect(report.written.contains("markdown/errors/\(SidebarTests.code(39)).md"))
        #expect(report.written.contains("index.html"), "the index lists every title")
        #expect(report.written.contains("families/validation/index.html"), "its family's page lists it")
        #expect(!report.written.contains("families/server/index.html"), "another family's page does not")

        try build(clean)
        let differing = try Self.differences(URL(fileURLWithPath: site), URL(fileURLWithPath: clean))
        #expect(differing.isEmpty, "the incremental build differs from a clean one in \(differing.prefix(5))")
    }

    @Test func anEditRendersOnlyWhatItAffectsAndKeepsTheRestUntouched() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let first = try space.build(into: "Site")
        let untouched = "Site/errors/invalid_json/index.html"
        let inode = try space.inode(untouched)

        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        let second = try space.build(into: "Site")
        let rendered = Set(second.written)
        #expect(rendered.contains("errors/rate_limited/index.html") && rendered.contains("markdown/errors/rate_limited.md"))
        #expect(!rendered.contains("errors/invalid_json/index.html"))
        #expect(!rendered.contains("index.html") && !rendered.contains("retries/index.html"), "the summary pages do not show causes")
        #expect(second.kept.count > first.fileCount / 2, "\(second.kept.count) of \(first.fileCount) kept")
        #expect(second.fileCount == first.fileCount)
        #expect(try space.inode(untouched) == inode, "an unchanged page is kept as the same file, not written again")
        let page = try String(contentsOf: space.url("Site/errors/rate_limited/index.html"), encoding: .utf8)
        #expect(page.contains("A sudden burst of sends"))

        let third = try space.build(into: "Site")
        #expect(third.upToDate && third.written.isEmpty)
    }

    /// The site before the last build is kept beside the output (`.Site.errdocs-spare`) and
    /// brought up to date by the next build. Whatever happened to it, that build equals a clean
    /// one and writes nothing outside its folders, whether it swaps in the spare or only
    /// writes its few rendered files there before moving them into the output.
    @Test(arguments: [0, nil] as [Int?])
    func aTamperedSpareNeitherShowsNorLeadsOutOfTheOutput(inPlaceLimit: Int?) throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try space.build(into: "Site", inPlaceLimit: 0)
        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        try space.build(into: "Site", inPlaceLimit: 0)
        let spare = ".Site.errdocs-spare"
        let manager = FileManager.default
        #expect(manager.fileExists(atPath: space.url(spare + "/errors/invalid_json/index.html").path))

        try Data("stray".utf8).write(to: space.url(spare + "/stray.txt"))
        // Files where folders belong, and folders where files belong.
        try manager.removeItem(at: space.url(spare + "/families/auth"))
        try Data("a file".utf8).write(to: space.url(spare + "/families/auth"))
        try manager.removeItem(at: space.url(spare + "/index.html"))
        try manager.createDirectory(at: space.url(spare + "/index.html/inner"), withIntermediateDirectories: true)
        // A kept page replaced by another file.
        try manager.removeItem(at: space.url(spare + "/markdown/errors/domain_not_found.md"))
        try Data("other".utf8).write(to: space.url(spare + "/markdown/errors/domain_not_found.md"))
        // A link where the folder of the page about to be rendered belongs.
        try manager.createDirectory(at: space.url("Outside/rate_limited"), withIntermediateDirectories: true)
        try manager.removeItem(at: space.url(spare + "/errors"))
        try manager.createSymbolicLink(atPath: space.url(spare + "/errors").path, withDestinationPath: space.url("Outside").path)

        try space.replace("  - A sudden burst of sends", with: "  - A burst of sends")
        let report = try space.build(into: "Site", inPlaceLimit: inPlaceLimit)
        #expect(report.kept.count > report.written.count, "the edit renders a few pages and keeps the rest")
        try space.build(into: "Clean")
        let differing = try space.differences("Site", "Clean")
        #expect(differing.isEmpty, "the build from a tampered spare differs from a clean one in \(differing.prefix(5))")
        #expect(try manager.subpathsOfDirectory(atPath: space.url("Outside").path) == ["rate_limited"], "nothing was written through the link")
    }

    /// A record written by another errdocs keeps no page (each page's key names the tool), so
    /// it is read for its input hashes only; the build renders every page and, not knowing
    /// what the old output holds, swaps in a whole new folder even when allowed to update in
    /// place: a file added by hand goes.
    @Test func aRecordOfAnotherErrdocsKeepsNothing() throws {
        let space = try Workspace(aged: true)
        defer { try? FileManager.default.removeItem(at: space.root) }
        try space.build(into: "Site")
        let recordURL = space.url(".Site.errdocs-cache")
        let record = try String(contentsOf: recordURL, encoding: .utf8)
        let lines = record.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 2 && lines[1].hasPrefix("tool "))
        try (lines[0...0] + ["tool 0123456789abcdef0123456789abcdef"] + lines[2...]).joined(separator: "\n")
            .write(to: recordURL, atomically: true, encoding: .utf8)
        try Data("added by hand".utf8).write(to: space.url("Site/errors/stray.txt"))
        let read = try #require(try FolderOutput(path: space.url("Site").path).previousBuild())
        #expect(read.pages.isEmpty && read.parts.isEmpty && !read.pagesRead && !read.complete)
        #expect(!read.inputFiles.isEmpty, "input hashes do not depend on the tool")

        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        let report = try space.build(into: "Site", inPlaceLimit: Int.max)
        #expect(report.kept.isEmpty)
        try space.build(into: "Clean")
        let differing = try space.differences("Site", "Clean")
        #expect(differing.isEmpty, "differs from a clean build in \(differing.prefix(5))")
        #expect(try space.build(into: "Site").upToDate, "the next build's record is its own")
    }

    @Test func filesWhoseBytesAreUnchangedKeepTheirInodeWhenEverythingIsRendered() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try space.build(into: "Site")
        let before = try ["llms-full.txt", "registry.json", "markdown/errors/rate_limited.md"].map { try space.inode("Site/" + $0) }
        // An HTML template changes every HTML page and none of the Markdown ones or the registry.
        try space.replace("</article>", with: "<p>Edited.</p></article>", in: "Templates/error.mustache")
        let second = try space.build(into: "Site")
        #expect(second.kept.isEmpty, "a template edit renders every page")
        let after = try ["llms-full.txt", "registry.json", "markdown/errors/rate_limited.md"].map { try space.inode("Site/" + $0) }
        #expect(after == before, "files with the same bytes are links to the previous ones (llms-full.txt is written in parts)")
    }
}
