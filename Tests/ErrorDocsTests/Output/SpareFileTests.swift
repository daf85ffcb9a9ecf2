@testable import ErrorDocs
import Foundation
import Testing

/// A build that reuses the spare (the site before the last) writes each large file anew: never
/// over the spare's copy, which someone may still read, nor through a link into the output.
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

    /// The spare's copy was the site's file one build ago: whoever still reads it (a server
    /// sending it) keeps reading those bytes.
    @Test func theSparesOwnFileIsReplacedNotWrittenOver() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let older = String(repeating: "an older and much longer registry ", count: 100)
        try writeFile(spare + "/registry.json", older)
        let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: spare + "/registry.json"))
        defer { try? reader.close() }

        let (stage, path) = try stageRegistry()
        #expect(try read(path) == "[\"new\", \"output\"]")
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == older,
                "a reader of the older file still gets all of its bytes")
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
