import Foundation

/// Pretty-printed JSON with sorted keys, unescaped slashes and a final newline: the same bytes
/// for the same value on every run and machine. Every JSON file errdocs writes goes through it.
func sortedJSON(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value) + Data("\n".utf8)
}
