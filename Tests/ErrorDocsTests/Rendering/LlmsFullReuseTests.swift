@testable import ErrorDocs
import Foundation
import Testing

/// llms-full.txt takes the Markdown pages whose key is unchanged from the previous file
/// instead of reading their files again.
@Suite struct LlmsFullReuseTests {
    static let pages = [
        "markdown/index.md": "# All errors\n\n",
        "markdown/errors/a.md": "# a\n\nFirst.\n",
        "markdown/errors/b.md": "\n# b\n\nSecond.\n\n",
        "index.html": "<p>not Markdown</p>",
    ]

    struct Assembled {
        var bytes = Data()
        var ranges: [String: Range<Int>] = [:]
        var copies: [Range<Int>] = []
        /// The pages whose files were read.
        var read: Set<String> = []
    }

    private func assemble(previous ranges: [String: Range<Int>] = [:], from previousFile: Data = Data()) throws -> Assembled {
        var out = Assembled()
        let previous = ranges.isEmpty ? nil : PreviousParts(ranges: ranges, size: previousFile.count)
        out.ranges = try AgentIndex.llmsFullTXT(
            pages: Self.pages.keys.sorted(), key: { $0.hasPrefix("markdown/errors/") ? "key-" + $0 : nil }, previous: previous,
            contents: { path in
                out.read.insert(path)
                return Data(Self.pages[path]!.utf8)
            }, into: { piece in
                switch piece {
                case .bytes(let bytes): out.bytes.append(bytes)
                case .copy(let range):
                    out.copies.append(range)
                    out.bytes.append(previousFile[range])
                }
            })
        return out
    }

    @Test func pagesAreFoundWhereTheirRangesSayAndCopiedWhenTheirKeyIsKnown() throws {
        let fresh = try assemble()
        #expect(String(decoding: fresh.bytes, as: UTF8.self) == "# All errors\n\n---\n\n# a\n\nFirst.\n\n---\n\n# b\n\nSecond.\n")
        #expect(fresh.read == ["markdown/index.md", "markdown/errors/a.md", "markdown/errors/b.md"])
        let a = try #require(fresh.ranges["key-markdown/errors/a.md"])
        let b = try #require(fresh.ranges["key-markdown/errors/b.md"])
        #expect(String(decoding: fresh.bytes[a], as: UTF8.self) == "# a\n\nFirst.")
        #expect(fresh.ranges.count == 2, "pages without a key have no range")

        // The same file again, every keyed page copied from the previous one (both in one
        // piece, with the separator between them): same bytes, and only the page without a
        // key is read.
        let again = try assemble(previous: fresh.ranges, from: fresh.bytes)
        #expect(again.bytes == fresh.bytes)
        #expect(again.ranges == fresh.ranges)
        #expect(again.read == ["markdown/index.md"])
        #expect(again.copies == [a.lowerBound..<b.upperBound])

        // What is copied is the previous file's part, not the page's file.
        let marker = Data("# copied".utf8)
        let copied = try assemble(previous: ["key-markdown/errors/b.md": 0..<marker.count], from: marker)
        #expect(String(decoding: copied.bytes, as: UTF8.self).hasSuffix("---\n\n# copied\n"))
        #expect(!copied.read.contains("markdown/errors/b.md"))
    }

    @Test func partsPastThePreviousFilesEndAreTakenFromTheirPages() throws {
        let fresh = try assemble()
        let short = try assemble(previous: fresh.ranges, from: fresh.bytes.prefix(10))
        #expect(short.bytes == fresh.bytes)
        #expect(short.read.count == 3)
        #expect(short.copies.isEmpty)
    }
}
