import ErrorDocsModel
import Foundation

/// Validates a JSON value against the subset of JSON Schema (2020-12) that envelopes use:
/// `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`, `const`,
/// `pattern`, `minLength`, `maxLength`, `minimum`, `maximum`, `minItems`, `maxItems`, `anyOf`
/// and `oneOf`. Annotations (`title`, `description`, `format`, `examples`…) are ignored.
struct JSONSchemaValidator {
    struct Violation: Equatable {
        /// JSON Pointer to the offending value; `""` is the whole document.
        var pointer: String
        var message: String
    }

    let schema: JSONValue

    init(schema: JSONValue) {
        self.schema = schema
    }

    func validate(_ instance: JSONValue) -> [Violation] {
        var violations: [Violation] = []
        check(instance, against: schema, at: "", into: &violations)
        return violations
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at pointer: String, into violations: inout [Violation]) {
        func fail(_ message: String) { violations.append(Violation(pointer: pointer, message: message)) }
        switch schema {
        case .bool(true): return
        case .bool(false): fail("no value is allowed here"); return
        case .object: break
        default: return
        }

        if let type = schema["type"] {
            let allowed: [String] = switch type {
            case .string(let name): [name]
            case .array(let names): names.compactMap(\.stringValue)
            default: []
            }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                fail("expected \(allowed.joined(separator: " or ")), found \(Self.describe(value))")
                return
            }
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            fail("must be \(Self.render(constant)), found \(Self.render(value))")
        }
        if case .array(let options)? = schema["enum"], !options.contains(where: { Self.equal($0, value) }) {
            fail("must be one of \(options.map(Self.render).joined(separator: ", ")), found \(Self.render(value))")
        }
        if case .array(let alternatives)? = schema["anyOf"] {
            let passing = alternatives.filter { JSONSchemaValidator(schema: $0).validate(value).isEmpty }
            if passing.isEmpty { fail("matches none of the \(alternatives.count) alternatives of anyOf") }
        }
        if case .array(let alternatives)? = schema["oneOf"] {
            let passing = alternatives.filter { JSONSchemaValidator(schema: $0).validate(value).isEmpty }
            if passing.count != 1 { fail("must match exactly one alternative of oneOf, matches \(passing.count)") }
        }

        switch value {
        case .string(let text):
            let length = text.unicodeScalars.count
            if let minimum = Self.integer(schema["minLength"]), length < minimum { fail("is shorter than \(minimum) characters") }
            if let maximum = Self.integer(schema["maxLength"]), length > maximum { fail("is longer than \(maximum) characters") }
            if case .string(let pattern)? = schema["pattern"] {
                if let regex = PatternCache.shared.regex(pattern) {
                    let range = NSRange(text.startIndex..., in: text)
                    if regex.firstMatch(in: text, range: range) == nil { fail("'\(text)' does not match pattern \(pattern)") }
                } else {
                    fail("schema pattern \(pattern) is not a valid regular expression")
                }
            }
        case .integer, .number:
            let number = Self.number(value) ?? 0
            if let minimum = Self.number(schema["minimum"]), number < minimum { fail("is less than \(Self.render(schema["minimum"]!))") }
            if let maximum = Self.number(schema["maximum"]), number > maximum { fail("is greater than \(Self.render(schema["maximum"]!))") }
        case .array(let items):
            if let minimum = Self.integer(schema["minItems"]), items.count < minimum { fail("has fewer than \(minimum) items") }
            if let maximum = Self.integer(schema["maxItems"]), items.count > maximum { fail("has more than \(maximum) items") }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() {
                    check(item, against: itemSchema, at: "\(pointer)/\(index)", into: &violations)
                }
            }
        case .object(let members):
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where !members.contains(where: { $0.key == name }) {
                    fail("missing required property '\(name)'")
                }
            }
            let properties: [JSONValue.Member]
            if case .object(let declared)? = schema["properties"] { properties = declared } else { properties = [] }
            for member in members {
                let childPointer = "\(pointer)/\(Self.escape(member.key))"
                if let propertySchema = properties.first(where: { $0.key == member.key })?.value {
                    check(member.value, against: propertySchema, at: childPointer, into: &violations)
                } else if let additional = schema["additionalProperties"] {
                    if case .bool(false) = additional {
                        violations.append(Violation(pointer: childPointer, message: "property '\(member.key)' is not allowed by the schema"))
                    } else {
                        check(member.value, against: additional, at: childPointer, into: &violations)
                    }
                }
            }
        case .null, .bool:
            break
        }
    }

    // MARK: Helpers

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
             ("integer", .integer), ("number", .integer), ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number.rounded() == number
        default:
            return false
        }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            return left.allSatisfy { member in right.contains { $0.key == member.key && equal($0.value, member.value) } }
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { equal($0, $1) }
        default:
            if let x = number(a), let y = number(b) { return x == y }
            return a == b
        }
    }

    private static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .integer(let integer)?: return Double(integer)
        case .number(let number)?: return number
        default: return nil
        }
    }

    private static func integer(_ value: JSONValue?) -> Int? {
        number(value).map { Int($0) }
    }

    /// A key as a JSON Pointer token (RFC 6901): `~` as `~0`, `/` as `~1`.
    static func escape(_ key: String) -> String {
        guard key.contains(where: { $0 == "~" || $0 == "/" }) else { return key }
        return key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer: return "an integer"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    static func render(_ value: JSONValue) -> String {
        JSONWriter.compact(value)
    }
}

/// Compiled `pattern`s, shared by every validation: an envelope's few patterns are checked
/// against thousands of example bodies.
final class PatternCache: @unchecked Sendable {
    static let shared = PatternCache()
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression?] = [:]

    func regex(_ pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let known = compiled[pattern] { return known }
        let regex = try? NSRegularExpression(pattern: pattern)
        compiled[pattern] = regex
        return regex
    }
}
