import Foundation

/// Writes `text` to the file at `path`, creating its folders: for tests that lay out an output
/// folder by hand.
func writeFile(_ path: String, _ text: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}
