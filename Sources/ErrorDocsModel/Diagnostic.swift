/// One problem found in a catalog, by the loader or by a lint rule.
///
/// Printed in the clang and DocC convention: `path:line:col: severity: message [rule-id]`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// A secondary location that helps explain the problem, such as the first definition of a
    /// duplicated code.
    public struct Note: Sendable, Hashable, Codable {
        public var location: SourceLocation
        public var message: String

        public init(_ message: String, at location: SourceLocation) {
            self.message = message
            self.location = location
        }
    }

    public var ruleID: String
    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var notes: [Note]

    public init(
        _ ruleID: String, _ severity: Severity, at location: SourceLocation, _ message: String,
        notes: [Note] = []
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message) [\(ruleID)]"
        for note in notes {
            text += "\n\(note.location): note: \(note.message)"
        }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Every diagnostic as an error, for `--strict`.
    public func warningsAsErrors() -> [Diagnostic] {
        map { var copy = $0; copy.severity = .error; return copy }
    }

    /// Diagnostics in file, line, column order, so output does not depend on load order.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.ruleID, $0.message) < ($1.location, $1.ruleID, $1.message) }
    }
}

extension Diagnostic: Error {}
