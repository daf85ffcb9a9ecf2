import Foundation

/// Gathers the text of a large file and hands it on a megabyte at a time, so the file is never
/// held whole (a 100,000-error site has several files of tens of megabytes).
struct Chunks {
    private var pending: [UInt8] = []
    private let size: Int

    init(size: Int = 1 << 20) {
        self.size = size
        pending.reserveCapacity(size)
    }

    /// Adds `text`, handing what is gathered to `append` once it reaches the chunk size.
    mutating func add(_ text: String, to append: (Data) throws -> Void) rethrows {
        try add(text.utf8, to: append)
    }

    mutating func add(_ bytes: some Collection<UInt8>, to append: (Data) throws -> Void) rethrows {
        pending.append(contentsOf: bytes)
        if pending.count >= size { try finish(to: append) }
    }

    /// Adds the bytes `write` appends in place, with no text made for them first.
    mutating func add(to append: (Data) throws -> Void, _ write: (inout [UInt8]) -> Void) rethrows {
        write(&pending)
        if pending.count >= size { try finish(to: append) }
    }

    /// Hands on what is left: call once the file's text is all added.
    mutating func finish(to append: (Data) throws -> Void) rethrows {
        guard !pending.isEmpty else { return }
        try append(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }
}
