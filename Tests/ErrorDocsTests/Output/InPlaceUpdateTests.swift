@testable import ErrorDocs
import Foundation
import Testing

/// A build that changes a few files replaces them in the output one by one; when a step fails,
/// the output is put back exactly as it was.
@Suite struct InPlaceUpdateTests {
    /// An output folder as a build left it, and a stage with the next build's few files.
    struct Folders {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-in-place-\(UUID())").path
        var output: String { root + "/Site" }
        var stage: String { root + "/stage" }

        init() throws {
            try write(output + "/" + FolderOutput.markerName, "marker")
            try write(output + "/a.html", "old a")
            try write(output + "/keep.html", "kept")
            try write(output + "/gone/b.html", "b")
            try write(stage + "/a.html", "new a")
            try write(stage + "/new/c.html", "c")
        }

        func write(_ path: String, _ text: String) throws {
            try writeFile(path, text)
        }

        /// The record of the build that wrote `output`, its pages unchanged since.
        func previous(changedFolders: [String] = []) -> BuildRecord {
            var record = BuildRecord(inputs: "old", pages: [:], diagnostics: [], errorCount: 0)
            for path in ["a.html", "keep.html", "gone/b.html"] {
                record.pages[path] = "key"
            }
            record.changedFolders = changedFolders
            return record
        }

        func plan(previous: BuildRecord? = nil, limit: Int = 64) -> InPlaceUpdate? {
            InPlaceUpdate(folder: output, stage: stage, written: ["a.html", "new/c.html"],
                          site: ["a.html": "new", "keep.html": "key", "new/c.html": "new"],
                          previous: previous ?? self.previous(), limit: limit)
        }

        /// Every file and folder under `folder`: a file's text, "/" for a folder.
        func tree(_ folder: String) throws -> [String: String] {
            var tree: [String: String] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
                tree[path] = isFolder.boolValue ? "/" : try String(contentsOfFile: folder + "/" + path, encoding: .utf8)
            }
            return tree
        }
    }

    /// Changed files are exchanged with the old ones where the system can, renamed over them
    /// where it cannot (`exchanges` false plays such a system).
    @Test(arguments: [true, false])
    func replacesChangedFilesAndMovesOutWhatTheSiteNoLongerHas(exchanges: Bool) throws {
        let folders = try Folders()
        defer { try? FileManager.default.removeItem(atPath: folders.root) }
        let kept = try #require(FileStamp(path: folders.output + "/keep.html"))
        var update = try #require(folders.plan())
        update.exchanges = exchanges
        #expect(update.removals == ["gone"])
        #expect(update.newFolders == ["new"])
        #expect(update.replacements.map(\.path) == ["a.html", "new/c.html"])

        try update.apply()
        #expect(try folders.tree(folders.output) == [
            FolderOutput.markerName: "marker", "a.html": "new a", "keep.html": "kept", "new": "/", "new/c.html": "c",
        ])
        #expect(FileStamp(path: folders.output + "/keep.html") == kept, "an unchanged file is not touched")
        #expect(!FileManager.default.fileExists(atPath: folders.stage + "/.errdocs-replaced"))
        // Exchanged, not renamed over (which makes ext4 write the new file's blocks at once).
        #expect(try folders.tree(folders.stage)["a.html"] == (exchanges ? "old a" : nil), "the replaced file is left in the stage")
    }

    @Test(arguments: [true, false])
    func aFailedStepPutsTheOutputBackAsItWas(exchanges: Bool) throws {
        let folders = try Folders()
        defer { try? FileManager.default.removeItem(atPath: folders.root) }
        let before = try folders.tree(folders.output)
        var update = try #require(folders.plan())
        update.exchanges = exchanges
        // The last step fails: its file is gone from the stage after the plan was made.
        try FileManager.default.removeItem(atPath: folders.stage + "/new/c.html")

        #expect { try update.apply() } throws: { "\($0)".contains("/Site/new/c.html: cannot be replaced") }
        #expect(try folders.tree(folders.output) == before)
        #expect(try folders.tree(folders.stage)["a.html"] == "new a", "the moved file is back in the stage")
    }

    @Test func filesAddedByHandToAChangedFolderGo() throws {
        let folders = try Folders()
        defer { try? FileManager.default.removeItem(atPath: folders.root) }
        try folders.write(folders.output + "/stray.txt", "stray")
        try folders.write(folders.output + "/strays/note.txt", "stray")
        // Only folders whose stamp changed are looked at.
        #expect(try #require(folders.plan()).removals == ["gone"])
        let update = try #require(folders.plan(previous: folders.previous(changedFolders: ["."])))
        #expect(update.removals == ["gone", "stray.txt", "strays"])
        try update.apply()
        #expect(try folders.tree(folders.output).keys.sorted() == [FolderOutput.markerName, "a.html", "keep.html", "new", "new/c.html"])
    }

    @Test func largeOrUnexpectedChangesAreLeftToTheSwap() throws {
        let folders = try Folders()
        defer { try? FileManager.default.removeItem(atPath: folders.root) }
        #expect(folders.plan(limit: 3) == nil, "4 changes")
        #expect(folders.plan(limit: 4) != nil)
        #expect(folders.plan(limit: 0) == nil)
        // A folder where a file of the site goes, not recorded as the previous build's.
        try FileManager.default.removeItem(atPath: folders.output + "/a.html")
        try FileManager.default.createDirectory(atPath: folders.output + "/a.html/inner", withIntermediateDirectories: true)
        #expect(folders.plan() == nil)
    }

    @Test func neverMovesThroughALinkWhereAFolderBelongs() throws {
        let folders = try Folders()
        defer { try? FileManager.default.removeItem(atPath: folders.root) }
        try FileManager.default.createDirectory(atPath: folders.root + "/outside", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folders.output + "/new", withDestinationPath: folders.root + "/outside")
        #expect(folders.plan() == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folders.root + "/outside").isEmpty)
    }
}
