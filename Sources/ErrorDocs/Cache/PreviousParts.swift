import Foundation

/// The parts of a file the previous build wrote (each error's entry in registry.json, each
/// error's Markdown page in llms-full.txt), by the key of what each was made from, and how to
/// read them: a part whose key is unchanged is copied instead of made again.
struct PreviousParts {
    var ranges: [String: Range<Int>]
    var read: ([Range<Int>]) -> [Data]?

    /// The previous part for each key that has one, read in one go; nil for a key without one,
    /// and for a part that `isWhole` rejects (a record gone wrong: the part is made again).
    func copies(of keys: [String?], isWhole: (Data) -> Bool = { _ in true }) -> [[UInt8]?] {
        var copies = [[UInt8]?](repeating: nil, count: keys.count)
        let found = keys.indices.filter { keys[$0].map { ranges[$0] != nil } ?? false }
        guard !found.isEmpty, let parts = read(found.map { ranges[keys[$0]!]! }) else { return copies }
        for (index, part) in zip(found, parts) where isWhole(part) {
            copies[index] = [UInt8](part)
        }
        return copies
    }
}
