extension Array {
    /// Sorted by `key`, stably, computing each key once and moving only indices: for large
    /// values (an ``ErrorDefinition`` has dozens of fields) this is much cheaper than `sorted(by:)`.
    func sorted<Key: Comparable>(byKey key: (Element) -> Key) -> [Element] {
        let keys = map(key)
        return indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.map { self[$0] }
    }
}
