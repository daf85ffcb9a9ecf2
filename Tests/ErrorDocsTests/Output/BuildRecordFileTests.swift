@testable import ErrorDocs
import Foundation
import Testing

/// The record a build writes copies the lines of the pages it kept from the record it read;
/// it must be exactly the record made by stamping every file again.
@Suite struct BuildRecordFileTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    @Test(arguments: [nil, 0] as [Int?])
    func aRecordWithKeptLinesEqualsOneStampedAnew(inPlaceLimit: Int?) throws {
        let space = try Workspace()
        defer { try? FileManager.default.removeItem(at: space.root) }
        try space.build(into: "Site", inPlaceLimit: inPlaceLimit)
        try space.replace("  - A burst of sends", with: "  - A sudden burst of sends")
        let report = try space.build(into: "Site", inPlaceLimit: inPlaceLimit)
        #expect(!report.kept.isEmpty && !report.written.isEmpty)

        let url = space.url(".Site.errdocs-cache"), folder = space.url("Site")
        let record = try #require(BuildRecordFile.read(url, folder: folder))
        #expect(record.complete && record.pages.count == report.fileCount)
        let anew = space.url("anew")
        try BuildRecordFile.write(record, to: anew, folder: folder)
        #expect(try Data(contentsOf: url) == Data(contentsOf: anew))
    }
}
