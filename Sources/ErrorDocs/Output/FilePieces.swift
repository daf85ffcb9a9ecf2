import Foundation

/// Gathers the pieces of a large file made of parts: new bytes a megabyte at a time (as
/// ``Chunks`` does), and parts copied from the previous version of the file as ranges of it,
/// one range for parts that were next to each other there, whatever lies between them.
///
/// A one-error edit of a 10,000-error catalog copies its registry.json in three pieces: the
/// entries before the edited one, the edited one made again, and the entries after it.
struct FilePieces {
    /// What the file holds between two parts that are next to each other.
    let between: [UInt8]
    private var chunks = Chunks()
    private var copying: Range<Int>?
    /// Bytes added after the copy, held while they may be `between` and the next copy follows.
    private var afterCopy: [UInt8] = []

    init(between: [UInt8]) {
        self.between = between
    }

    mutating func add(_ text: String, to append: (FilePiece) throws -> Void) throws {
        try add(Array(text.utf8), to: append)
    }

    mutating func add(_ bytes: some Collection<UInt8>, to append: (FilePiece) throws -> Void) throws {
        guard copying != nil else {
            try chunks.add(bytes) { try append(.bytes($0)) }
            return
        }
        afterCopy.append(contentsOf: bytes)
        if !between.starts(with: afterCopy) { try finishCopy(to: append) }
    }

    /// Adds the previous file's bytes at `range`.
    mutating func copy(_ range: Range<Int>, to append: (FilePiece) throws -> Void) throws {
        if let copying, afterCopy == between, range.lowerBound == copying.upperBound + between.count {
            self.copying = copying.lowerBound..<range.upperBound
            afterCopy = []
            return
        }
        try finishCopy(to: append)
        try chunks.finish { try append(.bytes($0)) }
        copying = range
    }

    /// Hands on what is left: call once the file's pieces are all added.
    mutating func finish(to append: (FilePiece) throws -> Void) throws {
        try finishCopy(to: append)
        try chunks.finish { try append(.bytes($0)) }
    }

    private mutating func finishCopy(to append: (FilePiece) throws -> Void) throws {
        guard let range = copying else { return }
        copying = nil
        try append(.copy(range))
        let held = afterCopy
        afterCopy = []
        try chunks.add(held) { try append(.bytes($0)) }
    }
}
