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

    /// Adds `text`; returns the gathered bytes once they reach the chunk size.
    mutating func add(_ text: String) -> Data? {
        pending.append(contentsOf: text.utf8)
        return full()
    }

    mutating func add(_ bytes: [UInt8]) -> Data? {
        pending.append(contentsOf: bytes)
        return full()
    }

    /// What is left: the end of the file.
    mutating func rest() -> Data {
        defer { pending.removeAll(keepingCapacity: true) }
        return Data(pending)
    }

    private mutating func full() -> Data? {
        guard pending.count >= size else { return nil }
        return rest()
    }
}
