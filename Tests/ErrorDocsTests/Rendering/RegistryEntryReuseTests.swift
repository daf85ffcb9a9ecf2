@testable import ErrorDocs
import Foundation
import Testing

/// A rebuild copies the registry.json entries whose key is unchanged from the previous file,
/// entries that were next to each other there in one piece, and encodes again any entry whose
/// range the previous file does not reach.
@Suite struct RegistryEntryReuseTests {
    static let catalog = Result {
        try Pipeline.lint(IncrementalBuildTests.repository.appendingPathComponent("Content").path).catalog
    }

    struct Encoded {
        var bytes = Data()
        var ranges: [String: Range<Int>] = [:]
        var copies: [Range<Int>] = []
    }

    /// The registry written over `previousFile`, its copied pieces taken from there.
    private func encode(previous ranges: [String: Range<Int>] = [:], from previousFile: Data = Data()) throws -> Encoded {
        var out = Encoded()
        let previous = ranges.isEmpty ? nil : PreviousParts(ranges: ranges, size: previousFile.count)
        out.ranges = try Registry.encode(try Self.catalog.get(), key: { $0.code?.value ?? "" }, previous: previous) { piece in
            switch piece {
            case .bytes(let bytes): out.bytes.append(bytes)
            case .copy(let range):
                out.copies.append(range)
                out.bytes.append(previousFile[range])
            }
        }
        return out
    }

    @Test func eachEntryIsFoundWhereItsRangeSaysAndCopiedWhenItsKeyIsKnown() throws {
        let catalog = try Self.catalog.get()
        let fresh = try encode()
        #expect(fresh.bytes == (try Registry(catalog).encoded()))
        #expect(fresh.ranges.count == catalog.errors.count)
        let entry = String(decoding: fresh.bytes[try #require(fresh.ranges["rate_limited"])], as: UTF8.self)
        #expect(entry.hasPrefix("    {\n") && entry.hasSuffix("\n    }") && entry.contains("\"code\" : \"rate_limited\""), "\(entry)")

        let marker = Data("    {\n      \"copied\" : true\n    }".utf8)
        let copied = try encode(previous: ["rate_limited": 0..<marker.count], from: marker)
        #expect(String(decoding: copied.bytes, as: UTF8.self).contains("\"copied\" : true"))
        #expect(copied.bytes.count == fresh.bytes.count - entry.utf8.count + marker.count)
        #expect(copied.copies == [0..<marker.count])
    }

    @Test func entriesNextToEachOtherAreCopiedInOnePiece() throws {
        let fresh = try encode()
        let again = try encode(previous: fresh.ranges, from: fresh.bytes)
        #expect(again.bytes == fresh.bytes)
        #expect(again.ranges == fresh.ranges)
        let first = try #require(fresh.ranges.values.map(\.lowerBound).min())
        let last = try #require(fresh.ranges.values.map(\.upperBound).max())
        #expect(again.copies == [first..<last], "every entry and the commas between them, in one piece")

        // One entry changed: the entries before it and after it, in two pieces.
        var changed = fresh.ranges
        let edited = try #require(changed["rate_limited"])
        changed["rate_limited"] = nil
        let around = try encode(previous: changed, from: fresh.bytes)
        #expect(around.bytes == fresh.bytes)
        #expect(around.copies == [first..<edited.lowerBound - 2, edited.upperBound + 2..<last])
    }

    @Test func anEntryPastThePreviousFilesEndIsEncodedAgain() throws {
        let fresh = try encode()
        let short = try encode(previous: ["rate_limited": 0..<100], from: Data("    {".utf8))
        #expect(short.bytes == fresh.bytes)
        #expect(short.copies.isEmpty)
    }
}
