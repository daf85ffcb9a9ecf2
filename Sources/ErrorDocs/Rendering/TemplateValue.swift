import Foundation
import Mustache

/// A view model as templates see it: its stored properties by name, nested structs as
/// `TemplateValue`s and arrays element by element, with every name a template looks up
/// recorded, so that names no view model has can be reported. swift-mustache renders an
/// unknown name as nothing, which would ship blank sections silently after a typo in a template.
///
/// Views are turned into fields once, through their `Encodable` conformance (much faster than
/// reflecting them with `Mirror`). A name whose value is nil (an absent optional) is still a
/// known name.
struct TemplateValue: MustacheParent {
    let fields: [String: Any?]
    let log: TemplateLookupLog

    init(_ view: some Encodable, log: TemplateLookupLog) {
        let encoder = TemplateEncoder(log: log)
        do {
            try view.encode(to: encoder)
        } catch {
            preconditionFailure("view models encode without errors: \(error)")
        }
        self.init(fields: encoder.slot.fields ?? [:], log: log)
    }

    init(fields: [String: Any?], log: TemplateLookupLog) {
        self.fields = fields
        self.log = log
    }

    func child(named name: String) -> Any? {
        guard let value = fields[name] else {
            log.missed(name)
            return nil
        }
        log.found(name)
        return value ?? nil
    }
}

/// Where one encoded value goes: text, numbers and booleans as they are, structs as fields,
/// arrays as lists.
private final class Slot {
    var value: Any?
    var fields: [String: Any?]? { (value as? KeyedFields)?.fields }

    /// The value for templates.
    func resolved(_ log: TemplateLookupLog) -> Any? {
        switch value {
        case let keyed as KeyedFields: return TemplateValue(fields: keyed.fields, log: log)
        case let list as ListItems: return list.items.compactMap { $0.resolved(log) }
        default: return value
        }
    }
}

private final class KeyedFields { var fields: [String: Any?] = [:] }
private final class ListItems { var items: [Slot] = [] }

private struct TemplateEncoder: Encoder {
    let log: TemplateLookupLog
    let slot = Slot()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let fields = slot.value as? KeyedFields ?? KeyedFields()
        slot.value = fields
        return KeyedEncodingContainer(Keyed<Key>(fields: fields, log: log))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let list = ListItems()
        slot.value = list
        return Unkeyed(list: list, log: log)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, log: log) }

    /// Text, numbers and booleans stay as they are; anything else is encoded into a new slot.
    static func value(of value: some Encodable, log: TemplateLookupLog) throws -> Any? {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let number as Double: return number
        case let list as any TemplateListSource:
            if let lazy = list.templateList(log: log) { return lazy }
            fallthrough
        default:
            let encoder = TemplateEncoder(log: log)
            try value.encode(to: encoder)
            return encoder.slot.resolved(log)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let fields: KeyedFields
        let log: TemplateLookupLog
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { fields.fields[key.stringValue] = .some(nil) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            fields.fields[key.stringValue] = .some(try TemplateEncoder.value(of: value, log: log))
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            fields.fields[key.stringValue] = .some(try value.flatMap { try TemplateEncoder.value(of: $0, log: log) })
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { fields.fields[key.stringValue] = .some(value) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { fields.fields[key.stringValue] = .some(value) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { fields.fields[key.stringValue] = .some(value) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { fields.fields[key.stringValue] = .some(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { fields.fields[key.stringValue] = .some(value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { fields.fields[key.stringValue] = .some(value) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { fields.fields[key.stringValue] = .some(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws { fields.fields[key.stringValue] = .some(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = KeyedFields()
            fields.fields[key.stringValue] = .some(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(fields: nested, log: log))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let list = ListItems()
            fields.fields[key.stringValue] = .some(list)
            return Unkeyed(list: list, log: log)
        }
        mutating func superEncoder() -> any Encoder { TemplateEncoder(log: log) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { TemplateEncoder(log: log) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let list: ListItems
        let log: TemplateLookupLog
        var codingPath: [any CodingKey] { [] }
        var count: Int { list.items.count }

        private func append(_ value: Any?) {
            let slot = Slot()
            slot.value = value
            list.items.append(slot)
        }
        mutating func encodeNil() throws { append(nil) }
        mutating func encode<T: Encodable>(_ value: T) throws { append(try TemplateEncoder.value(of: value, log: log)) }
        mutating func encode(_ value: String) throws { append(value) }
        mutating func encode(_ value: Int) throws { append(value) }
        mutating func encode(_ value: Bool) throws { append(value) }
        mutating func encode(_ value: Double) throws { append(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = KeyedFields()
            append(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(fields: nested, log: log))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ListItems()
            append(nested)
            return Unkeyed(list: nested, log: log)
        }
        mutating func superEncoder() -> any Encoder { TemplateEncoder(log: log) }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        let log: TemplateLookupLog
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { slot.value = nil }
        mutating func encode<T: Encodable>(_ value: T) throws { slot.value = try TemplateEncoder.value(of: value, log: log) }
        mutating func encode(_ value: String) throws { slot.value = value }
        mutating func encode(_ value: Int) throws { slot.value = value }
        mutating func encode(_ value: Bool) throws { slot.value = value }
        mutating func encode(_ value: Double) throws { slot.value = value }
    }
}

/// An array of view models as templates see it: each item becomes a template value only when
/// a template reaches it, and is let go after. A page listing every error of a large catalog
/// would otherwise hold a template value for each (about a kilobyte apiece) while it renders.
struct TemplateList<Items: RandomAccessCollection>: MustacheSequence, MustacheTransformable where Items.Element: Encodable {
    let items: Items
    let log: TemplateLookupLog

    struct Iterator: IteratorProtocol {
        var items: Items.Iterator
        let log: TemplateLookupLog

        mutating func next() -> Any? {
            while let item = items.next() {
                if let value = TemplateList.value(of: item, log: log) { return value }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(items: items.makeIterator(), log: log) }

    /// The transforms swift-mustache gives an array: `first`, `last`, `reversed`, `count`, `empty`.
    func transform(_ name: String) -> Any? {
        switch name {
        case "first": return items.first.flatMap { Self.value(of: $0, log: log) }
        case "last": return items.last.flatMap { Self.value(of: $0, log: log) }
        case "reversed": return TemplateList<ReversedCollection<Items>>(items: items.reversed(), log: log)
        case "count": return items.count
        case "empty": return items.isEmpty
        default: return nil
        }
    }

    private static func value(of item: Items.Element, log: TemplateLookupLog) -> Any? {
        do {
            return try TemplateEncoder.value(of: item, log: log)
        } catch {
            preconditionFailure("view models encode without errors: \(error)")
        }
    }
}

/// Arrays of view models (and ``ErrorRows``) go to templates as a ``TemplateList``.
protocol TemplateListSource {
    /// Nil for an array of optionals: a nil item is left out, so its count is not known
    /// before every item is encoded.
    func templateList(log: TemplateLookupLog) -> Any?
}

extension Array: TemplateListSource where Element: Encodable {
    func templateList(log: TemplateLookupLog) -> Any? {
        Element.self is any ExpressibleByNilLiteral.Type ? nil : TemplateList(items: self, log: log)
    }
}

/// Names looked up while rendering: a name every lookup missed is unknown to every view.
final class TemplateLookupLog: @unchecked Sendable {
    private let lock = NSLock()
    private var missedNames: Set<String> = []
    private var foundNames: Set<String> = []

    func missed(_ name: String) {
        lock.lock()
        defer { lock.unlock() }
        missedNames.insert(name)
    }

    func found(_ name: String) {
        lock.lock()
        defer { lock.unlock() }
        foundNames.insert(name)
    }

    /// Names looked up that a view model had.
    var knownNames: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return foundNames
    }

    /// Names looked up that no view model ever had.
    var unknownNames: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return missedNames.subtracting(foundNames)
    }
}
