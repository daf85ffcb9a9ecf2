/// A group of errors that clients handle the same way, such as "Rate / quota".
public struct Family: Sendable {
    public var id: Located<String>
    public var title: Located<String>?
    public var summary: Located<String>?
    public var description: Located<String>?
    public var handling: Located<String>?
    public var statuses: [Located<Int>]
    public var retry: RetryPolicy?
    public var location: SourceLocation
    /// Keys the author wrote, so a rule can tell "missing" from "present but invalid".
    public var presentKeys = KeySet()

    public init(id: Located<String>, location: SourceLocation) {
        self.id = id
        self.statuses = []
        self.location = location
    }
}
