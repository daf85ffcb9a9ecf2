import Foundation
import Testing
@testable import ErrorDocs

/// Large files made of parts (registry.json, llms-full.txt) copy their unchanged parts from the
/// previous file: the copy must hold exactly those bytes, wherever it lands, and a file equal
/// to the previous one must be found equal so that it stays the same file.
@Suite struct FilePiecesTests {
    /// The pieces handed on for new text and ranges of a previous file whose parts are
    /// separated by ", ".
    private func pieces(_ steps: [Either]) throws -> [FilePiece] {
        var pieces = FilePieces(between: Array(", ".utf8))
        var handed: [FilePiece] = []
        for step in steps {
            switch step {
            case .text(let text): try pieces.add(text) { handed.append($0) }
            case .copy(let range): try pieces.copy(range) { handed.append($0) }
            }
        }
        try pieces.finish { handed.append($0) }
        return handed
    }

    enum Either {
        case text(String)
        case copy(Range<Int>)
    }

    private func describe(_ pieces: [FilePiece]) -> [String] {
        pieces.map { piece in
            switch piece {
            case .bytes(let bytes): "bytes " + String(decoding: bytes, as: UTF8.self)
            case .copy(let range): "copy \(range.lowerBound)..<\(range.upperBound)"
            }
        }
    }

    @Test func partsThatWereNextToEachOtherAreCopiedInOnePiece() throws {
        // Previous file "[a, b, c]": a at 1..<2, b at 4..<5, c at 7..<8.
        #expect(describe(try pieces([.text("["), .copy(1..<2), .text(", "), .copy(4..<5), .text(", "), .copy(7..<8), .text("]")]))
            == ["bytes [", "copy 1..<8", "bytes ]"])
        // b made again: a and c are not next to each other, and what is between stays.
        #expect(describe(try pieces([.text("["), .copy(1..<2), .text(", "), .text("B"), .text(", "), .copy(7..<8), .text("]")]))
            == ["bytes [", "copy 1..<2", "bytes , B, ", "copy 7..<8", "bytes ]"])
        // In another order, or with something else between them, parts are copied one by one.
        #expect(describe(try pieces([.copy(4..<5), .text(", "), .copy(1..<2)])) == ["copy 4..<5", "bytes , ", "copy 1..<2"])
        #expect(describe(try pieces([.copy(1..<2), .text(";;"), .copy(4..<5)])) == ["copy 1..<2", "bytes ;;", "copy 4..<5"])
    }

    @Test func aFileIsWrittenFromItsPiecesAndFoundEqualToThePreviousOneOnlyWhenItIs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = folder.appendingPathComponent("previous").path
        try Data("[alpha, beta, gamma]".utf8).write(to: URL(fileURLWithPath: previous))
        var written = 0
        func write(_ pieces: [FilePiece]) throws -> (same: Bool, text: String) {
            written += 1
            let path = folder.appendingPathComponent("new-\(written)").path
            let same = try FolderOutput.write(path, pieces: { append in for piece in pieces { try append(piece) } }, copyingFrom: previous)
            return (same, try String(contentsOfFile: path, encoding: .utf8))
        }
        #expect(try write([.bytes(Data("[".utf8)), .copy(1..<19), .bytes(Data("]".utf8))]) == (true, "[alpha, beta, gamma]"))
        #expect(try write([.bytes(Data("[alpha, ".utf8)), .copy(8..<20)]) == (true, "[alpha, beta, gamma]"))
        // One byte changed; one byte more; one part only.
        #expect(try write([.bytes(Data("[alphA".utf8)), .copy(6..<20)]) == (false, "[alphA, beta, gamma]"))
        #expect(try write([.copy(0..<20), .bytes(Data("\n".utf8))]).same == false)
        #expect(try write([.copy(0..<5)]).same == false, "the start of the previous file only")
        #expect(throws: KeptFileMissing.self) { try write([.copy(10..<30)]) }
    }
}
