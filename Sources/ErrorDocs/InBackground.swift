import Foundation

/// A value made on another thread while the caller goes on; ``value()`` waits for it.
final class InBackground<Value: Sendable>: Sendable {
    private let made = Locked<Result<Value, any Error>?>(nil)
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async(group: done) { [made] in
            let result = Result { try work() }
            made.withLock { $0 = result }
        }
    }

    /// The value, or the error making it threw, once it is made.
    func value() throws -> Value {
        done.wait()
        return try made.withLock { $0 }!.get()
    }
}
