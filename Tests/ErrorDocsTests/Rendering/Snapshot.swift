import Foundation
import Testing

/// Golden files in `Tests/ErrorDocsTests/Snapshots/`. Set `RECORD_SNAPSHOTS=1` to write them
/// anew after a deliberate change; review the diff before committing.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func assertMatches(_ actual: Data, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        let expected = try #require(
            FileManager.default.contents(atPath: url.path),
            "no golden file \(name); run the tests with RECORD_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
        if expected != actual {
            let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let line = first?.offset ?? min(expectedLines.count, actualLines.count)
            Issue.record(
                """
                \(name) differs from its golden file at line \(line + 1):
                  expected: \(line < expectedLines.count ? String(expectedLines[line]) : "<end of file>")
                  actual:   \(line < actualLines.count ? String(actualLines[line]) : "<end of file>")
                (RECORD_SNAPSHOTS=1 re-records after a deliberate change)
                """, sourceLocation: sourceLocation)
        }
    }
}
