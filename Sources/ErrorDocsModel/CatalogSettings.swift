/// Everything in `catalog.yaml`.
public struct CatalogSettings: Sendable {
    public var name: Located<String>?
    public var version: Located<String>?
    public var description: Located<String>?
    public var baseURL: Located<String>?
    public var docURL: Located<String>?
    /// Where "Edit this page" goes: a URL with `{path}`, the file's path inside the catalog folder.
    public var editURL: Located<String>?
    public var languages: [Located<String>]
    public var envelopes: [Envelope]
    public var families: [Family]
    public var removed: [RemovedError]
    public var lint: LintConfiguration
    public var location: SourceLocation
    public var presentKeys = KeySet()

    public init(location: SourceLocation) {
        self.languages = []
        self.envelopes = []
        self.families = []
        self.removed = []
        self.lint = LintConfiguration()
        self.location = location
    }

    public func family(_ id: String) -> Family? { families.first { $0.id.value == id } }

    public func envelope(_ name: String) -> Envelope? { envelopes.first { $0.name.value == name } }

    /// The envelope an example uses: the one it names, or the default when it names none.
    /// Nil when it names one that does not exist.
    public func envelope(of example: ExampleResponse) -> Envelope? {
        guard let name = example.envelope else { return defaultEnvelope }
        return envelope(name.value)
    }

    public var defaultEnvelope: Envelope? {
        envelopes.first { $0.isDefault?.value == true } ?? (envelopes.count == 1 ? envelopes.first : nil)
    }

    /// The public documentation URL of one error: `doc_url` with `{code}` filled in.
    public func docURL(for code: String) -> String? {
        docURL.map { $0.value.replacingAll("{code}", with: code) }
    }
}

extension String {
    /// Every `target` replaced, compared byte by byte (linting calls this for every error's URL,
    /// where splitting by characters was measurable).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8), needle = Array(target.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first, index + needle.count <= bytes.count, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: replacement.utf8)
                index += needle.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
