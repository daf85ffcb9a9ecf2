import ErrorDocsModel
import Foundation

/// Writes ``JSONValue``s deterministically, keeping object members in the author's order.
enum JSONWriter {
    static func compact(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: nil, level: 0, into: &out)
        return out
    }

    /// Two-space indentation, one member per line, as API references show bodies.
    static func pretty(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "  ", level: 0, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, indent: String?, level: Int, into out: inout String) {
        let newline = indent == nil ? "" : "\n"
        let pad = { (depth: Int) in String(repeating: indent ?? "", count: depth) }
        let separator = indent == nil ? ":" : ": "
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .integer(let integer): out += String(integer)
        case .number(let number): out += number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
        case .string(let text): out += quote(text)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += pad(level + 1)
                write(item, indent: indent, level: level + 1, into: &out)
                out += (index < items.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{" + newline
            for (index, member) in members.enumerated() {
                out += pad(level + 1) + quote(member.key) + separator
                write(member.value, indent: indent, level: level + 1, into: &out)
                out += (index < members.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "}"
        }
    }

    /// A JSON string literal. U+2028 and U+2029 are escaped too, as JavaScript before ES2019
    /// cannot read them raw.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}":
                out += String(format: "\\u%04x", scalar.value)
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
