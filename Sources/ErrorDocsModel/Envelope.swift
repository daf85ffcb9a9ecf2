/// A response body shape that examples are checked against.
public struct Envelope: Sendable {
    public var name: Located<String>
    public var title: Located<String>?
    public var description: Located<String>?
    public var contentType: Located<String>?
    public var schema: Located<JSONValue>?
    /// Top-level body property that carries the error code.
    public var codeField: Located<String>?
    /// Top-level body property that carries the documentation URL.
    public var docURLField: Located<String>?
    public var isDefault: Located<Bool>?
    public var location: SourceLocation
    public var presentKeys = KeySet()

    public static let defaultContentType = "application/json"

    public init(name: Located<String>, location: SourceLocation) {
        self.name = name
        self.location = location
    }
}
