import Foundation

/// `map` over independent items on every core, keeping the input's order in the result.
enum ConcurrentMap {
    static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output) -> [Output] {
        let results = Slots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results[index] = transform(items[index])
        }
        return results.values.compactMap { $0 }
    }

    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) throws -> Output
    ) throws -> [Output] {
        let results = Slots<Result<Output, Error>>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results[index] = Result { try transform(items[index]) }
        }
        return try results.values.map { try $0!.get() }
    }
}

/// Fixed slots written by index from concurrent work.
final class Slots<Value>: @unchecked Sendable {
    fileprivate let lock = NSLock()
    fileprivate var storage: [Value?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    subscript(index: Int) -> Value? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return storage[index]
        }
        set {
            lock.lock()
            storage[index] = newValue
            lock.unlock()
        }
    }

    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

extension Slots where Value == Int {
    /// Adds one to the slot and returns the new count.
    func increment(_ index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let next = (storage[index] ?? 0) + 1
        storage[index] = next
        return next
    }
}
