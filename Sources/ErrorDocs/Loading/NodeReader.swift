import ErrorDocsModel
import Foundation

/// Reads typed values out of composed YAML nodes, keeping each value's location and reporting
/// every problem (rather than stopping at the first, as `Codable` would).
///
/// Scalars are typed by the YAML 1.2 core schema, not YAML 1.1: `NO` and `0012` stay text when
/// text is expected, and a quoted `"503"` is never an integer.
struct NodeReader {
    struct Entry {
        var key: String
        var keyLocation: SourceLocation
        var value: YAMLNode
    }

    let file: String
    /// The start of the file: every location made here shares its path.
    private let start: SourceLocation
    /// The file's bytes and where each line starts, to find where a block scalar's text starts.
    let bytes: [UInt8]
    let lineStarts: [Int]
    var diagnostics: [Diagnostic] = []

    init(file: String, text: String) {
        self.file = file
        self.start = SourceLocation(file: file, line: 1, column: 1)
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    /// The bytes of line `index` (0-based), without its line break.
    private func line(_ index: Int) -> ArraySlice<UInt8> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    func location(of node: YAMLNode) -> SourceLocation {
        location(line: node.mark.line, column: node.mark.column)
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(sameFileAs: start, line: line, column: column)
    }

    mutating func report(_ ruleID: String, at node: YAMLNode, _ message: String) {
        diagnostics.append(Diagnostic(ruleID, .error, at: location(of: node), message))
    }

    mutating func report(_ ruleID: String, at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(ruleID, .error, at: location, message))
    }

    // MARK: Containers

    /// The entries of a mapping, in the author's order. Keys outside `allowed` are reported as
    /// unknown and left out.
    mutating func mapping(_ node: YAMLNode, _ what: String, allowed: [String]) -> [String: Entry]? {
        guard case .mapping(let mapping) = node else {
            report("wrong-type", at: node, "\(what) must be a mapping of keys to values, found \(Self.kind(of: node))")
            return nil
        }
        var entries: [String: Entry] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                report("wrong-type", at: keyNode, "keys in \(what) must be text, found \(Self.kind(of: keyNode))")
                continue
            }
            let key = scalar.string
            guard allowed.contains(key) else {
                let suggestion = Spelling.closest(to: key, in: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                report("unknown-key", at: keyNode,
                       "unknown key '\(key)' in \(what)\(suggestion); allowed keys: \(allowed.joined(separator: ", "))")
                continue
            }
            entries[key] = Entry(key: key, keyLocation: location(of: keyNode), value: value)
        }
        return entries
    }

    /// Every mapping entry in order, for free-form maps such as `envelopes` and example headers.
    mutating func pairs(_ node: YAMLNode, _ what: String) -> [Entry] {
        guard case .mapping(let mapping) = node else {
            report("wrong-type", at: node, "\(what) must be a mapping, found \(Self.kind(of: node))")
            return []
        }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                report("wrong-type", at: keyNode, "keys in \(what) must be text, found \(Self.kind(of: keyNode))")
                continue
            }
            entries.append(Entry(key: scalar.string, keyLocation: location(of: keyNode), value: value))
        }
        return entries
    }

    mutating func list(_ node: YAMLNode, _ what: String) -> [YAMLNode] {
        guard case .sequence(let sequence) = node else {
            report("wrong-type", at: node, "\(what) must be a list, found \(Self.kind(of: node))")
            return []
        }
        return Array(sequence)
    }

    // MARK: Scalars

    mutating func string(_ node: YAMLNode, _ what: String) -> Located<String>? {
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else {
            report("wrong-type", at: node, "\(what) must be text, found \(Self.kind(of: node))")
            return nil
        }
        let start = location(of: node)
        if let control = Self.controlCharacter(in: scalar.string) {
            report("control-character", at: node, "\(what) contains the control character U+\(String(format: "%04X", control.value)), which pages and terminals cannot show; remove it")
        }
        return Located(scalar.string, at: start, contentStart: textLocation(of: scalar, at: start))
    }

    /// The first C0 or C1 control character in `text` other than tab and line breaks (YAML lets
    /// a double-quoted `"\e"` or `"\a"` write one).
    static func controlCharacter(in text: String) -> Unicode.Scalar? {
        // Bytes first: C0 controls and DEL are single bytes, C1 controls follow 0xC2; most
        // text has none.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
        return text.unicodeScalars.first { scalar in
            (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || (0x7F...0x9F).contains(scalar.value)
        }
    }

    /// Where the text itself starts: for `|` and `>` block scalars, the first character of the
    /// first non-blank line below the indicator, so that line n of the text is line
    /// `location.line + n - 1` of the file; for quoted scalars, after the opening quote.
    private func textLocation(of scalar: YAMLNode.Scalar, at mark: SourceLocation) -> SourceLocation {
        switch scalar.style {
        case .literal, .folded:
            var index = mark.line  // 0-based index of the line after the indicator
            while index < lineStarts.count, line(index).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { index += 1 }
            guard index < lineStarts.count else { return mark }
            let indent = line(index).prefix { $0 == 0x20 }.count
            return location(line: index + 1, column: indent + 1)
        case .singleQuoted, .doubleQuoted:
            return location(line: mark.line, column: mark.column + 1)
        default:
            return mark
        }
    }

    mutating func strings(_ node: YAMLNode, _ what: String) -> [Located<String>] {
        items(node, what) { $0.string($1, "each item of \(what)") }
    }

    /// Each item of a list as `read` reads it, without those it rejects; the array has no spare
    /// capacity (`compactMap` leaves up to half of it spare, and a catalog holds many lists).
    mutating func items<Item>(_ node: YAMLNode, _ what: String, _ read: (inout NodeReader, YAMLNode) -> Item?) -> [Item] {
        let nodes = list(node, what)
        var items: [Item] = []
        items.reserveCapacity(nodes.count)
        for node in nodes {
            if let item = read(&self, node) { items.append(item) }
        }
        return items
    }

    mutating func int(_ node: YAMLNode, _ what: String) -> Located<Int>? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            report("wrong-type", at: node, "\(what) must be a whole number, found \(Self.kind(of: node))")
            return nil
        }
        return Located(value, at: location(of: node))
    }

    mutating func bool(_ node: YAMLNode, _ what: String) -> Located<Bool>? {
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              let value = Self.boolean(scalar)
        else {
            report("wrong-type", at: node, "\(what) must be true or false, found \(Self.kind(of: node))")
            return nil
        }
        return Located(value, at: location(of: node))
    }

    mutating func choice<T: RawRepresentable & Sendable & CaseIterable>(
        _ node: YAMLNode, _ what: String, as type: T.Type
    ) -> Located<T>? where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        guard let value = T(rawValue: text.value) else {
            let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
            report("invalid-value", at: node, "\(what) must be one of \(choices), found '\(text.value)'")
            return nil
        }
        return Located(value, at: text.location)
    }

    /// A duration such as `500ms`, `2s`, `5m` or `1h`, in milliseconds.
    mutating func duration(_ node: YAMLNode, _ what: String) -> Located<Int>? {
        guard let text = string(node, what) else { return nil }
        let units: [(suffix: String, factor: Int)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for unit in units where text.value.hasSuffix(unit.suffix) {
            let number = text.value.dropLast(unit.suffix.count)
            if let value = Int(number), value >= 0, value <= Int(Int32.max) / unit.factor {
                return Located(value * unit.factor, at: text.location)
            }
        }
        report("invalid-value", at: node, "\(what) must be a duration such as 500ms, 2s, 5m or 1h, found '\(text.value)'")
        return nil
    }

    /// Any YAML value as JSON, recording where each value was written by JSON Pointer.
    mutating func json(_ node: YAMLNode, pointer: String = "", locations: inout [String: SourceLocation]) -> JSONValue {
        locations[pointer] = location(of: node)
        switch node {
        case .scalar(let scalar):
            return Self.jsonScalar(scalar)
        case .sequence(let sequence):
            return .array(sequence.enumerated().map { index, item in
                json(item, pointer: "\(pointer)/\(index)", locations: &locations)
            })
        case .mapping(let mapping):
            var members: [JSONValue.Member] = []
            for (keyNode, value) in mapping {
                guard case .scalar(let key) = keyNode else {
                    report("wrong-type", at: keyNode, "JSON object keys must be text, found \(Self.kind(of: keyNode))")
                    continue
                }
                let escaped = key.string.contains(where: { $0 == "~" || $0 == "/" })
                    ? key.string.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                    : key.string
                members.append(.init(key.string, json(value, pointer: "\(pointer)/\(escaped)", locations: &locations)))
            }
            return .object(members)
        }
    }

    // MARK: Helpers

    /// YAML 1.2 core schema booleans; `yes`, `no`, `on` and `off` stay text.
    private static func boolean(_ scalar: YAMLNode.Scalar) -> Bool? {
        guard scalar.style == .plain else { return nil }
        return ["true": true, "True": true, "TRUE": true, "false": false, "False": false, "FALSE": false][scalar.string]
    }

    private static func isNull(_ scalar: YAMLNode.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func jsonScalar(_ scalar: YAMLNode.Scalar) -> JSONValue {
        guard scalar.style == .plain else { return .string(scalar.string) }
        let text = scalar.string
        if isNull(scalar) { return .null }
        if let flag = boolean(scalar) { return .bool(flag) }
        if let integer = Int(text) { return .integer(integer) }
        if isJSONNumber(text), let number = Double(text), number.isFinite {
            return .number(number)
        }
        return .string(text)
    }

    /// Whether `text` is a JSON number (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`),
    /// checked by hand because this runs for every scalar of every example body.
    private static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") { bytes = bytes.dropFirst() } else if digits() == 0 { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }

    static func kind(of node: YAMLNode) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if isNull(scalar) { return "nothing (null)" }
            if scalar.style == .plain {
                if Int(scalar.string) != nil { return "the number \(scalar.string)" }
                if boolean(scalar) != nil { return "\(scalar.string)" }
            }
            let preview = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "the text '\(preview)'"
        }
    }
}
