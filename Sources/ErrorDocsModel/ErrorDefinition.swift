/// One error as its author wrote it: the single source of every page, table and registry entry.
///
/// Its fields (``Fields``) are read and written as if they were its own (`error.code`), but
/// live in one shared, copy-on-write box: a definition is copied often (sorted, grouped by
/// family, looked up by code) and its fields take about 3 KB, so a copy costs one reference
/// count instead of 3 KB and some fifty reference counts. A large catalog holds three such
/// arrays while it renders.
@dynamicMemberLookup
public struct ErrorDefinition: Sendable {
    /// Where clients meet the error.
    public enum Surface: String, Sendable, Hashable, CaseIterable {
        case response
        case event
        case smtp
    }

    public struct Fields: Sendable {
        public var location: SourceLocation
        public var presentKeys = KeySet()

        // What pages other than the error's own show of it (rows, links, sidebars), and what
        // the lint rules that compare errors read: always loaded.
        public var code: Located<String>?
        public var title: Located<String>?
        public var surface: Located<Surface>?
        public var status: Located<Int>?
        public var smtp: SMTPReply? {
            get { smtpBox?.value }
            set { smtpBox = newValue.map(Box.init) }
        }
        public var event: Located<String>?
        public var family: Located<String>?
        public var summary: Located<String>?
        public var retry: RetryPolicy?
        public var quickFix: [Located<String>] = []
        public var related: [Located<String>] = []
        public var since: Located<String>?
        public var deprecated: Deprecation? {
            get { deprecatedBox?.value }
            set { deprecatedBox = newValue.map(Box.init) }
        }

        // The rest, in ``Body``: read by the error's own page and registry entry, the rules
        // that check one file, and the tools that take a whole catalog (OpenAPI, snippets).
        public var scope: Located<String>? {
            get { loadedBody != nil ? loadedBody!.scope : missingBody().scope }
            set { body.scope = newValue }
        }
        public var endpoints: [Located<String>] {
            get { loadedBody != nil ? loadedBody!.endpoints : missingBody().endpoints }
            set { body.endpoints = newValue }
        }
        public var meaning: Located<String>? {
            get { loadedBody != nil ? loadedBody!.meaning : missingBody().meaning }
            set { body.meaning = newValue }
        }
        public var causes: [Located<String>] {
            get { loadedBody != nil ? loadedBody!.causes : missingBody().causes }
            set { body.causes = newValue }
        }
        public var details: Located<String>? {
            get { loadedBody != nil ? loadedBody!.details : missingBody().details }
            set { body.details = newValue }
        }
        public var example: ExampleResponse? {
            get { loadedBody != nil ? loadedBody!.example : missingBody().example }
            set { body.example = newValue }
        }
        public var recovery: [RecoverySnippet] {
            get { loadedBody != nil ? loadedBody!.recovery : missingBody().recovery }
            set { body.recovery = newValue }
        }
        public var prevention: [Located<String>] {
            get { loadedBody != nil ? loadedBody!.prevention : missingBody().prevention }
            set { body.prevention = newValue }
        }
        public var agentHint: Located<String>? {
            get { loadedBody != nil ? loadedBody!.agentHint : missingBody().agentHint }
            set { body.agentHint = newValue }
        }
        public var headers: [HeaderDoc] {
            get { loadedBody != nil ? loadedBody!.headers : missingBody().headers }
            set { body.headers = newValue }
        }

        // Boxed: most errors have neither, and inline they would take 224 of every error's bytes.
        fileprivate var smtpBox: Box<SMTPReply>?
        fileprivate var deprecatedBox: Box<Deprecation>?

        /// nil while the body is deferred (``ErrorDefinition/deferBody(_:)``).
        fileprivate var loadedBody: Body? = Body()
        fileprivate var deferredBody: (@Sendable () throws -> Body)?

        /// The body, made loaded when written to.
        public var body: Body {
            get { loadedBody ?? missingBody() }
            set {
                loadedBody = newValue
                deferredBody = nil
            }
            _modify {
                if loadedBody == nil { loadedBody = missingBody() }
                deferredBody = nil
                yield &loadedBody!
            }
        }

        /// A deferred body, read where ``ErrorDefinition/loadingBody()`` was not called: decoded
        /// for each read (correct, but slow; debug builds stop here). Unlike `loadingBody()`,
        /// which throws so that the build can start again without the cache, a body that does
        /// not decode here stops the tool.
        private func missingBody() -> Body {
            assertionFailure("the body of \(location.file) is read before loadingBody()")
            do {
                return try deferredBody?() ?? Body()
            } catch {
                fatalError("\(location.file): its body kept in the cache of loaded files does not decode: \(error)")
            }
        }
    }

    /// The fields no page but the error's own shows: most of an error's bytes.
    public struct Body: Sendable {
        public var scope: Located<String>?
        public var endpoints: [Located<String>] = []
        public var meaning: Located<String>?
        public var causes: [Located<String>] = []
        public var details: Located<String>?
        public var example: ExampleResponse?
        public var recovery: [RecoverySnippet] = []
        public var prevention: [Located<String>] = []
        public var agentHint: Located<String>?
        public var headers: [HeaderDoc] = []

        public init() {}
    }

    /// An immutable value behind one reference.
    fileprivate final class Box<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    @usableFromInline
    final class Storage: @unchecked Sendable {  // never mutated while shared: see the setter
        @usableFromInline var fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var storage: Storage

    public init(location: SourceLocation) {
        storage = Storage(Fields(location: location))
    }

    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            storage.fields[keyPath: field] = newValue
        }
    }

    public var effectiveSurface: Surface { storage.fields.surface?.value ?? .response }

    /// The fields, read in place: `error.fields.code?.value` copies only the code's text, where
    /// `error.code?.value` copies the whole `Located` first (for steps that read every error).
    @inlinable public var fields: Fields {
        _read { yield storage.fields }
    }

    /// Leaves the body (``Body``) to be made by `decode` when ``loadingBody()`` asks for it: a
    /// rebuild decodes in full only the errors whose own page or registry entry it makes again.
    public mutating func deferBody(_ decode: @escaping @Sendable () throws -> Body) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        storage.fields.loadedBody = nil
        storage.fields.deferredBody = decode
    }

    public var hasDeferredBody: Bool { storage.fields.loadedBody == nil }

    /// This error with its body decoded, when it was deferred: a copy, so that the definition
    /// other threads read is never changed.
    public func loadingBody() throws -> ErrorDefinition {
        guard let decode = storage.fields.deferredBody, storage.fields.loadedBody == nil else { return self }
        var fields = storage.fields
        fields.loadedBody = try decode()
        fields.deferredBody = nil
        var loaded = self
        loaded.storage = Storage(fields)
        return loaded
    }
}

/// An SMTP reply: the basic three-digit code and the RFC 3463 enhanced status code.
public struct SMTPReply: Sendable {
    public var reply: Located<Int>?
    public var enhanced: Located<String>?
    public var location: SourceLocation

    public init(reply: Located<Int>?, enhanced: Located<String>?, location: SourceLocation) {
        self.reply = reply
        self.enhanced = enhanced
        self.location = location
    }
}

/// The "Example response" section, checked against its envelope's schema.
public struct ExampleResponse: Sendable {
    public var status: Located<Int>?
    public var headers: [(name: Located<String>, value: Located<String>)] = []
    public var envelope: Located<String>?
    public var body: Located<JSONValue>?
    /// Where each value of the body was written, by JSON Pointer (`""` is the body itself).
    public var bodyLocations: [String: SourceLocation] = [:]
    public var location: SourceLocation

    public init(location: SourceLocation) {
        self.location = location
    }
}

/// One tab of the "Recovery pattern" section.
public struct RecoverySnippet: Sendable {
    public var language: Located<String>?
    public var title: Located<String>?
    public var description: Located<String>?
    public var code: Located<String>?
    public var location: SourceLocation
    public var presentKeys = KeySet()

    public init(location: SourceLocation) {
        self.location = location
    }
}

/// A response header that matters for this error, such as `Retry-After`.
public struct HeaderDoc: Sendable {
    public var name: Located<String>?
    public var description: Located<String>?
    public var location: SourceLocation

    public init(name: Located<String>?, description: Located<String>?, location: SourceLocation) {
        self.name = name
        self.description = description
        self.location = location
    }
}

public struct Deprecation: Sendable {
    public var since: Located<String>?
    public var replacedBy: Located<String>?
    public var note: Located<String>?
    public var location: SourceLocation

    public init(since: Located<String>?, replacedBy: Located<String>?, note: Located<String>?, location: SourceLocation) {
        self.since = since
        self.replacedBy = replacedBy
        self.note = note
        self.location = location
    }
}
