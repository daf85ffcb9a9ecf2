/// An error that no longer exists, listed under `removed:` in `catalog.yaml` so that its
/// published `doc_url` keeps working (as a tombstone page) and the registry still names it.
public struct RemovedError: Sendable {
    public var code: Located<String>
    public var title: Located<String>?
    /// The catalog version that removed it.
    public var since: Located<String>?
    /// Why it was removed (Markdown).
    public var reason: Located<String>?
    public var replacedBy: Located<String>?
    public var location: SourceLocation

    public init(code: Located<String>, location: SourceLocation) {
        self.code = code
        self.location = location
    }
}
