@testable import ErrorDocs
import Foundation
import Testing

/// Pages are keyed by the content hashes a build takes of its inputs before loading them. A
/// file whose bytes, when loaded, are not the ones hashed (it changed in between, or it
/// changed with its stamp put back so its old hash was trusted) must not leave pages built
/// from one text under the key of another.
@Suite struct ChangedWhileReadTests {
    typealias Workspace = IncrementalBuildTests.Workspace
    static let random = "/proc/sys/kernel/random/uuid"

    /// Every input file of the workspace's catalog and its content hash.
    func hashes(_ space: Workspace) throws -> [String: String] {
        var hashes: [String: String] = [:]
        for path in try CatalogLoader(directory: space.catalog).inputFiles() {
            hashes[path] = ContentHash.of(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        return hashes
    }

    @Test(arguments: ["catalog.yaml", "errors/rate_quota/rate_limited.yaml", "guides/observability.md"])
    func theLoaderNamesAFileWhoseBytesAreNotTheOnesHashed(file: String) throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        let cache = space.url("loaded").path
        var hashes = try hashes(space)
        #expect(try Pipeline.lint(space.catalog, cache: LoadCache(path: cache), hashes: hashes).changed == [])
        try FileManager.default.removeItem(atPath: cache)
        let path = space.catalog + "/" + file
        #expect(hashes[path] != nil)
        hashes[path] = ContentHash.of(["an older text"])
        #expect(try Pipeline.lint(space.catalog, cache: LoadCache(path: cache), hashes: hashes).changed == [path])
        // Without a cache the loader hashes what it parses too.
        #expect(try Pipeline.lint(space.catalog, cache: nil, hashes: hashes).changed == [path])
    }

    /// The build hashes every file again and loads once more, so the site is the one the
    /// files make now.
    @Test func anEditWithItsStampPutBackIsBuiltWhenTheLoadedFilesAreGone() throws {
        let space = try Workspace(aged: true)
        defer { try? FileManager.default.removeItem(at: space.root) }
        try space.build(into: "Site")
        let path = space.url("Content/errors/rate_quota/rate_limited.yaml").path
        var info = stat()
        #expect(stat(path, &info) == 0)
        let stamp = FileStamp(path: path)
        // Same length, written in place, then given its old time back: the same stamp.
        try space.replace("A burst of sends", with: "A surge of sends")
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(FileStamp(path: path) == stamp, "the edit keeps the file's stamp")
        try FileManager.default.removeItem(at: space.url(".Site.errdocs-loaded"))
        // An edit of another family's error, so the build does not find every stamp as it
        // was and stop there (and renders none of rate_limited's pages for it).
        try space.replace("with a typo", with: "with a mistake", in: "Content/errors/auth/invalid_api_key.yaml")

        try space.build(into: "Site")
        try space.build(into: "Clean")
        let page = try String(contentsOf: space.url("Site/errors/rate_limited/index.html"), encoding: .utf8)
        #expect(page.contains("A surge of sends"))
        #expect(try space.differences("Site", "Clean") == [])
    }

    /// A file that changes on every read (a guide linked to a file of the kernel's that gives a
    /// new random identifier each time) is never the same twice: the build stops, naming it,
    /// and the site stays as the last build left it.
    @Test(.enabled(if: FileManager.default.isReadableFile(atPath: Self.random), "Linux's /proc gives new identifiers"))
    func aFileThatKeepsChangingStopsTheBuildAndChangesNothing() throws {
        let random = Self.random
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try space.build(into: "Site")
        let before = try IncrementalBuildTests.tree(space.url("Site"))
        let guide = space.url("Content/guides/changing.md").path
        try FileManager.default.createSymbolicLink(atPath: guide, withDestinationPath: random)
        var output = try FolderOutput(path: space.url("Site").path)
        #expect {
            try Pipeline.build(space.catalog, templates: space.templates, into: &output)
        } throws: { error in
            "\(error)" == "\(guide): changed while errdocs read it; build again when it is saved"
        }
        #expect(try IncrementalBuildTests.tree(space.url("Site")) == before)
    }
}
