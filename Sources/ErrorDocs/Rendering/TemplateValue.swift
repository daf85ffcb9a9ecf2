import Foundation
import Mustache

/// Wraps a view model so that every name a template looks up is recorded, and names that no
/// view model has can be reported. swift-mustache renders an unknown name as nothing, which
/// would ship blank sections silently after a typo in a template.
struct TemplateValue: MustacheParent {
    /// The view's stored properties by name, already wrapped: each value is reflected once,
    /// when it is wrapped, rather than at every lookup (Mirror is slow).
    /// A name whose value is nil (an absent optional) is still a known name.
    let fields: [String: Any?]
    let log: TemplateLookupLog

    init(_ value: Any, log: TemplateLookupLog) {
        var fields: [String: Any?] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            fields[label] = .some(Self.wrap(child.value, log: log))
        }
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

    /// Structs become `TemplateValue`s (so lookups inside them are recorded too), arrays are
    /// wrapped element by element, optionals are unwrapped, and text, numbers and booleans pass
    /// through as they are.
    static func wrap(_ value: Any, log: TemplateLookupLog) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { wrap($0.value, log: log) }
        case .struct, .class:
            return TemplateValue(value, log: log)
        case .collection:
            return mirror.children.compactMap { wrap($0.value, log: log) }
        default:
            return value
        }
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

    /// Names looked up that no view model ever had.
    var unknownNames: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return missedNames.subtracting(foundNames)
    }
}
