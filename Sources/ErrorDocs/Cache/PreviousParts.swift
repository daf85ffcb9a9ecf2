import Foundation

/// The parts of a file the previous build wrote (each error's entry in registry.json, each
/// error's Markdown page in llms-full.txt), by the key of what each was made from: a part
/// whose key is unchanged is copied from that file instead of made again.
struct PreviousParts {
    var ranges: [String: Range<Int>]
    /// The previous file's size now; a part past its end (a record gone wrong) is made again.
    var size: Int

    /// Where the part made from `key` is in the previous file, if it has one.
    func range(of key: String?) -> Range<Int>? {
        guard let key, let range = ranges[key], range.upperBound <= size else { return nil }
        return range
    }
}
