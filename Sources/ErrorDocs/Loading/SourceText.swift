import ErrorDocsModel
import Foundation

/// The text of one catalog file, decoded strictly as UTF-8.
///
/// Foundation would replace bad bytes silently and libyaml reports them without a position, so
/// this finds the first invalid byte itself and reports its line and column.
struct SourceText {
    /// Files larger than this are refused before parsing, so one stray file cannot exhaust memory.
    static let maximumBytes = 8 * 1024 * 1024

    let path: String
    let text: String

    static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, Diagnostic> {
        if bytes.count > maximumBytes {
            return .failure(Diagnostic(
                "file-too-large", .error, at: SourceLocation(file: path, line: 1, column: 1),
                "file is \(bytes.count) bytes; catalog files are limited to \(maximumBytes) bytes"))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let offset = firstInvalidUTF8Offset(body) {
            let before = body[body.startIndex..<offset]
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
            let column = String(decoding: body[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            let byte = String(body[offset], radix: 16, uppercase: true)
            return .failure(Diagnostic(
                "invalid-utf8", .error, at: SourceLocation(file: path, line: line, column: column),
                "file is not valid UTF-8: byte 0x\(byte) at offset \(offset) cannot start or continue a character"))
        }
        return .success(SourceText(path: path, text: String(decoding: body, as: UTF8.self)))
    }

    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (overlong forms and surrogates included, per the Unicode standard's table 3-7).
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            let second = bytes[index + 1]
            guard second >= low && second <= high else { return index }
            for continuation in bytes[(index + 2)..<(index + length)] where continuation & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }
}
