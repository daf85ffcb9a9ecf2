import ErrorDocsModel
import Foundation
import Testing

/// Locations share their file's path; that must not change what they equal, how they hash,
/// sort or encode (lint reports and the JSON report compare and print them).
@Suite struct SourceLocationTests {
    @Test func aLocationSharingItsFilesPathEqualsOneMadeFromTheSamePath() {
        let start = SourceLocation(file: "errors/a.yaml", line: 1, column: 1)
        let shared = SourceLocation(sameFileAs: start, line: 3, column: 7)
        let separate = SourceLocation(file: "errors/a.yaml", line: 3, column: 7)
        #expect(shared == separate)
        #expect(Set([shared, separate]).count == 1)
        #expect(shared.description == "errors/a.yaml:3:7")
        #expect(SourceLocation(sameFileAs: start, line: 3, column: 8) != separate)
        #expect(SourceLocation(file: "errors/b.yaml", line: 3, column: 7) != shared)
    }

    @Test func changingTheFileOfOneLocationLeavesTheOthersInTheirFile() {
        let start = SourceLocation(file: "errors/a.yaml", line: 1, column: 1)
        var moved = SourceLocation(sameFileAs: start, line: 2, column: 1)
        moved.file = "errors/b.yaml"
        #expect(start.file == "errors/a.yaml")
        #expect(moved.file == "errors/b.yaml")
        #expect(start < moved)
    }

    @Test func encodesAsFileLineAndColumn() throws {
        let start = SourceLocation(file: "errors/a.yaml", line: 1, column: 1)
        let location = SourceLocation(sameFileAs: start, line: 12, column: 5)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(location), as: UTF8.self)
        #expect(json == #"{"column":5,"file":"errors/a.yaml","line":12}"#)
        #expect(try JSONDecoder().decode(SourceLocation.self, from: Data(json.utf8)) == location)
    }
}
