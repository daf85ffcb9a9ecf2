import Foundation
import Testing
@testable import ErrorDocs

/// Large files (registry, search index, sitemap, llms.txt, the build record) are written in
/// parts: no byte may be lost or reordered wherever a part boundary falls.
@Suite struct ChunksTests {
    @Test(arguments: 1...12)
    func everyByteIsHandedOnInOrder(size: Int) {
        let parts = ["ab", "", "cde", "f", "ghij", "é", "k"]
        var chunks = Chunks(size: size)
        var handed: [Data] = []
        for part in parts { chunks.add(part) { handed.append($0) } }
        chunks.add(Array("lm".utf8)) { handed.append($0) }
        chunks.finish { handed.append($0) }
        #expect(String(decoding: handed.reduce(Data(), +), as: UTF8.self) == parts.joined() + "lm")
        // Every part but the last is at least the chunk size; none is empty.
        #expect(handed.dropLast().allSatisfy { $0.count >= size })
        #expect(handed.allSatisfy { !$0.isEmpty })
    }
}
