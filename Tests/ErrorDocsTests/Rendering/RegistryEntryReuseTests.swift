@testable import ErrorDocs
import Foundation
import Testing

/// A rebuild copies the registry.json entries whose key is unchanged from the previous file,
/// and encodes again any part that is not a whole entry or cannot be read.
@Suite struct RegistryEntryReuseTests {
    static let catalog = Result {
        try Pipeline.lint(IncrementalBuildTests.repository.appendingPathComponent("Content").path).catalog
    }

    private func encode(previous: PreviousParts?) throws -> (bytes: Data, ranges: [String: Range<Int>]) {
        var bytes = Data()
        let ranges = try Registry.encode(try Self.catalog.get(), key: { $0.code?.value ?? "" }, previous: previous) { bytes.append($0) }
        return (bytes, ranges)
    }

    @Test func eachEntryIsFoundWhereItsRangeSaysAndCopiedWhenItsKeyIsKnown() throws {
        let catalog = try Self.catalog.get()
        let fresh = try encode(previous: nil)
        #expect(fresh.bytes == (try Registry(catalog).encoded()))
        #expect(fresh.ranges.count == catalog.errors.count)
        let entry = String(decoding: fresh.bytes[try #require(fresh.ranges["rate_limited"])], as: UTF8.self)
        #expect(entry.hasPrefix("    {\n") && entry.hasSuffix("\n    }") && entry.contains("\"code\" : \"rate_limited\""), "\(entry)")

        let marker = Data("    {\n      \"copied\" : true\n    }".utf8)
        let copied = try encode(previous: PreviousParts(ranges: ["rate_limited": 0..<1]) { $0.map { _ in marker } })
        #expect(String(decoding: copied.bytes, as: UTF8.self).contains("\"copied\" : true"))
        #expect(copied.bytes.count == fresh.bytes.count - entry.utf8.count + marker.count)
    }

    @Test func aPartThatIsNotAWholeEntryOrCannotBeReadIsEncodedAgain() throws {
        let fresh = try encode(previous: nil)
        let garbage = PreviousParts(ranges: ["rate_limited": 0..<1]) { $0.map { _ in Data("garbage".utf8) } }
        #expect(try encode(previous: garbage).bytes == fresh.bytes)
        let unreadable = PreviousParts(ranges: ["rate_limited": 0..<1]) { _ in nil }
        #expect(try encode(previous: unreadable).bytes == fresh.bytes)
    }
}
