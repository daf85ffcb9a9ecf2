@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

/// The error files a build loaded, and what the error-file lint rules found in them, are kept
/// beside the output, and the next build decodes the unchanged ones instead of parsing and
/// linting them: it keeps their entries and makes new ones for an edited file.
@Suite struct LoadCacheTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    func errorFileCount(_ space: Workspace) throws -> Int {
        try FileManager.default.subpathsOfDirectory(atPath: space.url("Content/errors").path).filter { $0.hasSuffix(".yaml") }.count
    }

    @Test func unchangedFilesKeepTheirEntriesAndAnEditedFileGetsNewOnes() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let path = space.url(".Site.errdocs-loaded").path
        try space.build(into: "Site")
        let before = LoadCache(path: path).names
        #expect(before.count == (try errorFileCount(space)) + 1,
                "each file as loaded with what was found in it, and what the rules that compare errors found")
        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        let whole = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber
        try space.build(into: "Site")
        let after = LoadCache(path: path).names
        let new = after.subtracting(before)
        #expect(new.count == 1, "only the edited file has a new entry (its facts and their places are unchanged)")
        // The whole file is left as it is; the new entry goes to the file of recent ones.
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber == whole)
        #expect(LoadCache(path: LoadCache.recentPath(of: path)).names == new)
    }

    /// Recent entries are written to their own file while they are few; with more, the whole
    /// file is written again with them, without the entries no longer wanted, and the recent
    /// file goes. Rebuilds from any of these states equal a clean build.
    @Test func manyRecentEntriesAreWrittenToTheWholeFile() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let path = space.url(".Site.errdocs-loaded").path, recent = LoadCache.recentPath(of: path)
        try space.build(into: "Site")
        let first = LoadCache(path: path).names
        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        try space.build(into: "Site")
        #expect(FileManager.default.fileExists(atPath: recent))
        // Every error file changes at once: more new entries than the few the recent file takes.
        var hashes: [String: String] = [:]
        for file in try CatalogLoader(directory: space.catalog).inputFiles() {
            if file.contains("/errors/") { try space.edit(String(file.dropFirst(space.root.path.count + 1))) { $0 + "\n# an edit\n" } }
            hashes[file] = ContentHash.of(try Data(contentsOf: URL(fileURLWithPath: file)))
        }
        _ = try Pipeline.lint(space.catalog, cache: LoadCache(path: path, fewEntries: 3), hashes: hashes)
        #expect(!FileManager.default.fileExists(atPath: recent), "the recent entries went to the whole file")
        let merged = LoadCache(path: path).names
        #expect(merged.count == first.count, "each file's entry once, and the compared findings")
        #expect(merged.intersection(first).count == 1, "of the first entries only the compared findings are still wanted")
        try space.build(into: "Clean")
        #expect(try space.differences("Site", "Clean").isEmpty)
    }

    /// What the rules find in an error file depends on catalog.yaml too; how it loads does not:
    /// each file keeps its entry, which holds the findings for the catalog.yaml of the last build.
    @Test func anEditOfTheSettingsLintsEveryErrorFileAgain() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let path = space.url(".Site.errdocs-loaded").path
        try space.build(into: "Site")
        let cache = LoadCache(path: path)
        let files = try FileManager.default.subpathsOfDirectory(atPath: space.url("Content/errors").path)
            .filter { $0.hasSuffix(".yaml") }.map { space.catalog + "/errors/" + $0 }
        let loadedNames = Set(try files.map { cache.name(of: $0, hash: ContentHash.of(try Data(contentsOf: URL(fileURLWithPath: $0)))) })
        let before = cache.names
        #expect(loadedNames.isSubset(of: before))
        let settings = space.url("Content/catalog.yaml")
        let oldHash = ContentHash.of(try Data(contentsOf: settings))
        try space.edit("Content/catalog.yaml") { $0 + "\n# an edit\n" }
        let newHash = ContentHash.of(try Data(contentsOf: settings))
        try space.build(into: "Site")
        let after = LoadCache(path: path)
        #expect(loadedNames.isSubset(of: after.names))
        #expect(after.names.subtracting(before).count == 1, "the files keep their entries; the compared findings are new")
        for (file, name) in zip(files, try files.map { cache.name(of: $0, hash: ContentHash.of(try Data(contentsOf: URL(fileURLWithPath: $0)))) }) {
            #expect(cache.loaded(file, name: name, settings: oldHash)?.findings != nil, "\(file): found with the old catalog.yaml")
            #expect(after.loaded(file, name: name, settings: newHash)?.findings != nil, "\(file): found again with the new one")
            #expect(after.loaded(file, name: name, settings: oldHash)?.findings == nil, "\(file)")
        }
    }

    @Test(arguments: [Data(LoadCache.header) + Data(repeating: 0xff, count: 64), Data(), Data("junk".utf8)])
    func aDamagedCacheIsParsedAgainAndReplaced(damage: Data) throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try space.build(into: "Site")
        try damage.write(to: space.url(".Site.errdocs-loaded"))
        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        try space.build(into: "Site")
        try space.build(into: "Clean")
        #expect(try space.differences("Site", "Clean").isEmpty)
        #expect(LoadCache(path: space.url(".Site.errdocs-loaded").path).names.count == (try errorFileCount(space)) + 1, "an entry per error file, its findings inside, and the compared findings")
    }

    /// A cache cut short (it is written whole and renamed into place, so only a damaged disk
    /// or a hand could do this) is ignored as a whole.
    @Test func aCacheCutShortIsIgnored() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try space.build(into: "Site")
        let url = space.url(".Site.errdocs-loaded")
        let bytes = try Data(contentsOf: url)
        try bytes.dropLast(8).write(to: url)
        #expect(LoadCache(path: url.path).names.isEmpty)
        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        try space.build(into: "Site")
        try space.build(into: "Clean")
        #expect(try space.differences("Site", "Clean").isEmpty)
    }

    /// An entry with nothing new is copied as it is, findings and all: a file that does not
    /// parse (no rules run on it), and every file while catalog.yaml does not parse (no rules
    /// run at all). A catalog linted twice so writes no new cache the second time.
    @Test(arguments: [false, true])
    func entriesWithNothingNewAreNotWrittenAgain(brokenSettings: Bool) throws {
        let catalog = try TemporaryCatalog(["errors/x.yaml": TemporaryCatalog.error("x"), "errors/broken.yaml": "code: [unclosed\n"])
        defer { catalog.remove() }
        let path = catalog.root.path + ".loaded"
        defer { try? FileManager.default.removeItem(atPath: path) }
        func lint() throws {
            var hashes: [String: String] = [:]
            for file in try CatalogLoader(directory: catalog.root.path).inputFiles() {
                hashes[file] = ContentHash.of(try Data(contentsOf: URL(fileURLWithPath: file)))
            }
            _ = try Pipeline.lint(catalog.root.path, cache: LoadCache(path: path), hashes: hashes)
        }
        try lint()
        if brokenSettings {
            try Data("families: [unclosed\n".utf8).write(to: catalog.root.appendingPathComponent("catalog.yaml"))
            try lint()
        }
        let written = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber
        try lint()
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber == written,
                "the cache was written again")
        // With catalog.yaml broken, the compared findings are not wanted; their entry stays in
        // the whole file, unused, until the file is written whole again.
        #expect(LoadCache(path: path).names.count == 3)
    }
}

extension LoadCacheTests {
    static let damagedMeaning = "Mailvane limits how fast each API key can call each endpoint"

    /// Builds `Site`, then damages rate_limited's body in the cache of loaded files, in a way
    /// only decoding the body finds.
    func buildWithADamagedBody(_ space: Workspace) throws {
        try space.build(into: "Site")
        let url = space.url(".Site.errdocs-loaded")
        try Data(try DeferredBodyTests.damaging(Self.damagedMeaning, in: Array(try Data(contentsOf: url)))).write(to: url)
        let entry = try #require(try rateLimitedEntry(space), "the rest of the entry still decodes")
        #expect(entry.hasDeferredBody)
        #expect(throws: LoadedFileCoding.Malformed.self) { try entry.loadingBody() }
    }

    /// rate_limited as the cache of loaded files holds it, its body left for later.
    func rateLimitedEntry(_ space: Workspace) throws -> ErrorDefinition? {
        let file = space.catalog + "/errors/rate_quota/rate_limited.yaml"
        let cache = LoadCache(path: space.url(".Site.errdocs-loaded").path)
        let name = cache.name(of: file, hash: ContentHash.of(try Data(contentsOf: URL(fileURLWithPath: file))))
        let settings = ContentHash.of(try Data(contentsOf: space.url("Content/catalog.yaml")))
        return cache.loaded(file, name: name, settings: settings)?.file.definitions.first
    }

    /// A body is decoded only when the page or registry entry that shows it is made, after the
    /// build has started writing: one that does not decode then makes the build start again
    /// from the catalog's files alone, and write the cache anew.
    @Test(arguments: ["Site/errors/rate_limited/index.html", "Site/registry.json"])
    func aBodyThatDoesNotDecodeIsParsedAgain(removed: String) throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try buildWithADamagedBody(space)
        // Made again: its body is needed.
        try FileManager.default.removeItem(at: space.url(removed))
        let report = try space.build(into: "Site")
        #expect(report.succeeded)
        try space.build(into: "Clean")
        #expect(try space.differences("Site", "Clean").isEmpty)
        let entry = try #require(try rateLimitedEntry(space))
        #expect(try entry.loadingBody().meaning?.value.hasPrefix(Self.damagedMeaning) == true, "the cache was written anew")
    }

    /// A body no build needs is never decoded: its pages and entry are kept.
    @Test func aDamagedBodyThatIsNotNeededChangesNothing() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try buildWithADamagedBody(space)
        try space.replace("short-lived access tokens", with: "short-lived tokens", in: "Content/errors/auth/jwt_expired.yaml")
        let report = try space.build(into: "Site")
        #expect(report.succeeded)
        #expect(report.kept.contains("errors/rate_limited/index.html"))
        try space.build(into: "Clean")
        #expect(try space.differences("Site", "Clean").isEmpty)
    }
}

extension LoadCacheTests {
    /// The catalog as a rebuild loads it, from the cache beside `Site`.
    func loadedAsARebuildDoes(_ space: Workspace) throws -> [ErrorDefinition] {
        var hashes: [String: String] = [:]
        for path in try CatalogLoader(directory: space.catalog).inputFiles() {
            hashes[path] = ContentHash.of(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return try Pipeline.lint(space.catalog, cache: LoadCache(path: space.url(".Site.errdocs-loaded").path), hashes: hashes).catalog.errors
    }

    /// What keeps the build of a large catalog small and a rebuild after one edit cheap: each error
    /// file is linted as it is loaded, and its errors come with their bodies left encoded until
    /// a page needs them: in a first build, in a rebuild (the edited file's too), and after an
    /// edit of catalog.yaml (whose one-file rules run again on every file).
    @Test func everyErrorComesWithItsBodyLeftEncoded() throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let first = try loadedAsARebuildDoes(space)
        #expect(first.count > 10)
        #expect(first.allSatisfy { $0.hasDeferredBody })
        try space.build(into: "Site")
        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        let errors = try loadedAsARebuildDoes(space)
        #expect(errors.count == first.count)
        for error in errors {
            #expect(error.hasDeferredBody, "\(error.location.file)")
        }
        try space.edit("Content/catalog.yaml") { $0 + "\n# an edit\n" }
        #expect(try loadedAsARebuildDoes(space).allSatisfy { $0.hasDeferredBody })
    }
}
