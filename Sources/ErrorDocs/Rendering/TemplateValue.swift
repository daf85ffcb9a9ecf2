import Foundation
import Mustache

/// Wraps a view model so that every name a template looks up is recorded, and names that no
/// view model has can be reported. swift-mustache renders an unknown name as nothing, which
/// would ship blank sections silently after a typo in a template.
struct TemplateValue: MustacheParent {
    let value: Any
    let log: TemplateLookupLog

    init(_ value: Any, log: TemplateLookupLog) {
        self.value = value
        self.log = log
    }

    func child(named name: String) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard let child = mirror.children.first(where: { $0.label == name }) else {
            log.missed(name)
            return nil
        }
        log.found(name)
        return Self.wrap(child.value, log: log)
    }

    /// Structs become `TemplateValue`s (so lookups inside them are recorded too), arrays are
    /// wrapped element by element, optionals are unwrapped, and text, numbers and booleans pass
    /// through as they are.
    static func wrap(_ value: Any, log: TemplateLookupLog) -> Any? {
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
