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

    private func assemble(previous: PreviousParts?, read: inout Set<String>) throws -> (bytes: Data, ranges: [String: Range<Int>]) {
        var bytes = Data(), seen: Set<String> = []
        let ranges = try AgentIndex.llmsFullTXT(
            pages: Self.pages.keys.sorted(), key: { $0.hasPrefix("markdown/errors/") ? "key-" + $0 : nil }, previous: previous,
            contents: { path in
                seen.insert(path)
                return Data(Self.pages[path]!.utf8)
            }, into: { bytes.append($0) })
        read = seen
        return (bytes, ranges)
    }

    @Test func pagesAreFoundWhereTheirRangesSayAndCopiedWhenTheirKeyIsKnown() throws {
        var read: Set<String> = []
        let fresh = try assemble(previous: nil, read: &read)
        #expect(String(decoding: fresh.bytes, as: UTF8.self) == "# All errors\n\n---\n\n# a\n\nFirst.\n\n---\n\n# b\n\nSecond.\n")
        #expect(read == ["markdown/index.md", "markdown/errors/a.md", "markdown/errors/b.md"])
        let a = try #require(fresh.ranges["key-markdown/errors/a.md"])
        #expect(String(decoding: fresh.bytes[a], as: UTF8.self) == "# a\n\nFirst.")
        #expect(fresh.ranges.count == 2, "pages without a key have no range")

        // The same file again, every keyed page copied from the previous one: same bytes, and
        // only the page without a key is read.
        let previous = PreviousParts(ranges: fresh.ranges) { ranges in ranges.map { fresh.bytes[$0] } }
        let again = try assemble(previous: previous, read: &read)
        #expect(again.bytes == fresh.bytes)
        #expect(again.ranges == fresh.ranges)
        #expect(read == ["markdown/index.md"])

        // What is copied is the previous file's part, not the page's file.
        let marker = PreviousParts(ranges: ["key-markdown/errors/b.md": 0..<1]) { $0.map { _ in Data("# copied".utf8) } }
        let copied = try assemble(previous: marker, read: &read)
        #expect(String(decoding: copied.bytes, as: UTF8.self).hasSuffix("---\n\n# copied\n"))
        #expect(!read.contains("markdown/errors/b.md"))
    }

    @Test func partsThatCannotBeReadAreTakenFromTheirPages() throws {
        var read: Set<String> = []
        let fresh = try assemble(previous: nil, read: &read)
        let unreadable = PreviousParts(ranges: fresh.ranges) { _ in nil }
        #expect(try assemble(previous: unreadable, read: &read).bytes == fresh.bytes)
        #expect(read.count == 3)
    }
}
