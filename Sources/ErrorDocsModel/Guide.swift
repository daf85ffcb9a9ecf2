/// A free-form Markdown page from `Content/guides/<slug>.md`.
public struct Guide: Sendable {
    public var slug: String
    public var title: String
    /// The Markdown after the title line.
    public var body: Located<String>
    public var location: SourceLocation

    public init(slug: String, title: String, body: Located<String>, location: SourceLocation) {
        self.slug = slug
        self.title = title
        self.body = body
        self.location = location
    }
}
