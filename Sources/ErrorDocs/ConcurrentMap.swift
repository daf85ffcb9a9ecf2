import Foundation

/// `map` over independent items on every core, keeping the input's order in the result.
enum ConcurrentMap {
    static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
        // Each index is written by exactly one task, and `concurrentPerform` returns only when
        // all are done: the results need no lock (one per item was measurable with many items).
        [Output](unsafeUninitializedCapacity: items.count) { buffer, count in
            let results = ResultBuffer(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                (results.base! + index).initialize(to: transform(items[index]))
            }
            count = items.count
        }
    }

    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) throws -> Output
    ) throws -> [Output] {
        try map(items) { item in Result { try transform(item) } }.map { try $0.get() }
    }

    /// `range` cut into consecutive ranges of `size` positions (the last may be shorter): work
    /// for one task each, enough to be worth handing out.
    static func batches(of size: Int, in range: Range<Int>) -> [Range<Int>] {
        stride(from: range.lowerBound, to: range.upperBound, by: size).map { $0..<min($0 + size, range.upperBound) }
    }

    private struct ResultBuffer<Output>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Output>?
    }
}
