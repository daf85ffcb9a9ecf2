@testable import ErrorDocs
import Foundation
import Testing

/// A build that reuses the spare (the site before the last) writes a large file over the
/// spare's own copy of it, but never through a link into the current output.
@Suite struct SpareFileTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-spare-\(UUID())").path
    var output: String { root + "/Site" }
    var spare: String { root + "/.Site.errdocs-spare" }

    init() throws {
        try writeFile(output + "/" + FolderOutput.markerName, "marker")
        try writeFile(output + "/registry.json", "[\"current\", \"output\"]")
        try FileManager.default.createDirectory(atPath: spare, withIntermediateDirectories: true)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    func inode(_ path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    /// Writes registry.json to a new stage: a new first part, then the current file's second.
    func stageRegistry() throws -> (stage: SiteStage, path: String) {
        var site = try FolderOutput(path: output)
        let stage = try site.begin()
        try stage.write("registry.json") { append in
            try append(.bytes(Data("[\"new\", ".utf8)))
            try append(.copy(12..<21))
        }
        let path = try #require(stage as? FolderOutput.Stage).root.path + "/registry.json"
        return (stage, path)
    }

    @Test func theSparesOwnFileIsWrittenOverAndCutToItsNewLength() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeFile(spare + "/registry.json", String(repeating: "an older and much longer registry ", count: 100))
        let before = try inode(spare + "/registry.json")

        let (stage, path) = try stageRegistry()
        #expect(try read(path) == "[\"new\", \"output\"]", "nothing of the older file is left past the new end")
        #expect(try inode(path) == before, "the spare's file is written over, not removed and made anew")
        #expect(try read(output + "/registry.json") == "[\"current\", \"output\"]")
        stage.discard()
    }

    @Test func aSpareFileLinkedToTheOutputIsReplacedNotWrittenThrough() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(link(output + "/registry.json", spare + "/registry.json") == 0)

        let (stage, path) = try stageRegistry()
        #expect(try read(path) == "[\"new\", \"output\"]")
        #expect(try read(output + "/registry.json") == "[\"current\", \"output\"]",
                "the current output is untouched while the build has not committed")
        #expect(try inode(path) != inode(output + "/registry.json"))
        stage.discard()
        #expect(try read(output + "/registry.json") == "[\"current\", \"output\"]", "a failed build leaves the output as it was")
    }
}
