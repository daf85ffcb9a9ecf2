import ErrorDocsModel
import Foundation

/// `registry.json`: the machine-readable catalog SDKs consume. Its shape is described by
/// ``RegistrySchema`` and versioned by ``formatVersion``; Markdown fields hold source text.
struct Registry: Encodable {
    static let formatVersion = "1.1.0"

    struct Retry: Codable, Equatable {
        var policy: String
        var retryable: Bool
        var max_attempts: Int?
        var initial_delay_ms: Int?
        var max_delay_ms: Int?
        var jitter: Bool?
    }

    struct SMTP: Codable, Equatable {
        var reply: Int
        var enhanced: String
    }

    struct Example: Encodable {
        var status: Int
        var envelope: String
        var headers: [String: String]
        var body: EncodableJSON
    }

    struct Recovery: Encodable {
        var language: String
        var title: String?
        var description: String?
        var code: String
    }

    struct Header: Encodable {
        var name: String
        var description: String?
    }

    struct Deprecated: Encodable {
        var since: String?
        var replaced_by: String?
        var note: String?
    }

    struct Entry: Encodable {
        var code: String
        var title: String
        var surface: String
        var status: Int?
        var smtp: SMTP?
        var event: String?
        var family: String
        var summary: String
        var scope: String?
        var endpoints: [String]?
        var retry: Retry
        var doc_url: String
        var meaning: String
        var causes: [String]
        var details: String?
        var example: Example?
        var quick_fix: [String]
        var recovery: [Recovery]?
        var prevention: [String]?
        var agent_hint: String?
        var headers: [Header]?
        var related: [String]?
        var since: String?
        var deprecated: Deprecated?
    }

    struct RemovedEntry: Encodable {
        var code: String
        var title: String?
        var since: String?
        var reason: String
        var replaced_by: String?
        var doc_url: String
    }

    struct FamilyEntry: Encodable {
        var id: String
        var title: String
        var summary: String
        var description: String?
        var handling: String
        var statuses: [Int]
        var retry: Retry
    }

    struct EnvelopeEntry: Encodable {
        var name: String
        var title: String?
        var description: String
        var content_type: String
        var code_field: String?
        var doc_url_field: String?
        var `default`: Bool
        var schema: EncodableJSON
    }

    var format_version: String
    var name: String
    var version: String
    var base_url: String
    var doc_url: String
    var families: [FamilyEntry]
    var envelopes: [EnvelopeEntry]
    var errors: [Entry]
    var removed: [RemovedEntry]

    /// - Parameter catalog: loaded whole (``Pipeline/lint(_:freeingMemory:)``), no body left
    ///   for later: a build encodes its registry with ``encode(_:sorted:key:previous:into:)``.
    init(_ catalog: Catalog) {
        let errors = Self.sortedErrors(of: catalog)
        self.init(catalog, errors: errors.map { Self.entry($0, in: catalog) })
    }

    private init(_ catalog: Catalog, errors: [Entry]) {
        let settings = catalog.settings
        format_version = Self.formatVersion
        name = settings.name?.value ?? ""
        version = settings.version?.value ?? ""
        base_url = settings.baseURL?.value ?? ""
        doc_url = settings.docURL?.value ?? ""
        families = settings.families.map { family in
            FamilyEntry(
                id: family.id.value, title: family.title?.value ?? "", summary: family.summary?.value ?? "",
                description: family.description?.value, handling: family.handling?.value ?? "",
                statuses: family.statuses.map(\.value), retry: Self.retry(family.retry))
        }
        let defaultName = settings.defaultEnvelope?.name.value
        envelopes = settings.envelopes.map { envelope in
            EnvelopeEntry(
                name: envelope.name.value, title: envelope.title?.value, description: envelope.description?.value ?? "",
                content_type: envelope.contentType?.value ?? Envelope.defaultContentType,
                code_field: envelope.codeField?.value, doc_url_field: envelope.docURLField?.value,
                default: envelope.name.value == defaultName, schema: EncodableJSON(envelope.schema?.value ?? .object([])))
        }
        self.errors = errors
        removed = settings.removed.map { removed in
            RemovedEntry(
                code: removed.code.value, title: removed.title?.value, since: removed.since?.value,
                reason: removed.reason?.value ?? "", replaced_by: removed.replacedBy?.value,
                doc_url: settings.docURL(for: removed.code.value) ?? "")
        }.sorted { $0.code < $1.code }
    }

    static func retry(_ policy: RetryPolicy?) -> Retry {
        Retry(
            policy: policy?.kind.value.rawValue ?? "never", retryable: policy?.kind.value.isRetryable ?? false,
            max_attempts: policy?.maxAttempts?.value, initial_delay_ms: policy?.initialDelay?.value,
            max_delay_ms: policy?.maxDelay?.value, jitter: policy?.jitter?.value)
    }

    private static func sortedErrors(of catalog: Catalog) -> [ErrorDefinition] {
        catalog.errors.sorted(byKey: { $0.code?.value ?? "" })
    }

    private static func entry(_ error: ErrorDefinition, in catalog: Catalog) -> Entry {
        let code = error.code?.value ?? ""
        let settings = catalog.settings
        let example = error.example.flatMap { example -> Example? in
            guard let body = example.body else { return nil }
            let envelope = settings.envelope(of: example)?.name.value ?? ""
            var headers: [String: String] = [:]
            for header in example.headers { headers[header.name.value] = header.value.value }
            return Example(status: example.status?.value ?? 0, envelope: envelope, headers: headers, body: EncodableJSON(body.value))
        }
        func nonEmpty<T>(_ list: [T]) -> [T]? { list.isEmpty ? nil : list }
        return Entry(
            code: code, title: error.title?.value ?? "", surface: error.effectiveSurface.rawValue,
            status: error.status?.value,
            smtp: error.smtp.map { SMTP(reply: $0.reply?.value ?? 0, enhanced: $0.enhanced?.value ?? "") },
            event: error.event?.value, family: error.family?.value ?? "", summary: error.summary?.value ?? "",
            scope: error.scope?.value, endpoints: nonEmpty(error.endpoints.map(\.value)),
            retry: retry(catalog.effectiveRetry(of: error)), doc_url: settings.docURL(for: code) ?? "",
            meaning: error.meaning?.value ?? "", causes: error.causes.map(\.value), details: error.details?.value,
            example: example, quick_fix: error.quickFix.map(\.value),
            recovery: nonEmpty(error.recovery.map {
                Recovery(language: $0.language?.value ?? "", title: $0.title?.value, description: $0.description?.value,
                         code: $0.code?.value ?? "")
            }),
            prevention: nonEmpty(error.prevention.map(\.value)), agent_hint: error.agentHint?.value,
            headers: nonEmpty(error.headers.map { Header(name: $0.name?.value ?? "", description: $0.description?.value) }),
            related: nonEmpty(error.related.map(\.value)), since: error.since?.value,
            deprecated: error.deprecated.map {
                Deprecated(since: $0.since?.value, replaced_by: $0.replacedBy?.value, note: $0.note?.value)
            })
    }

    /// Pretty-printed, keys sorted, slashes unescaped, newline at the end: the same bytes for
    /// the same catalog on every machine.
    ///
    /// A large catalog's registry is tens of megabytes, and `JSONEncoder` holds a tree of every
    /// value and then the text twice: so the errors are encoded a few at a time and put in the
    /// place of the empty list in the rest of the document, with the same bytes.
    func encoded() throws -> Data {
        var out = Data()
        let errors = self.errors
        _ = try encode(count: errors.count, entry: { errors[$0] }, key: nil, previous: nil) { piece in
            guard case .bytes(let bytes) = piece else { preconditionFailure("nothing to copy from") }
            out.append(bytes)
        }
        return out
    }

    static let path = "registry.json"

    /// The same bytes as `Registry(catalog).encoded()`, handed to `append` a megabyte at a
    /// time, each error's entry made only when its turn comes: a large registry is never held
    /// in memory whole, as text or as entries. An entry whose key (`key`, what it is made
    /// from) is among `previous`'s is copied from the previous file instead of encoded again.
    /// - Parameter sorted: the catalog's errors sorted by code, when the caller has them (a
    ///   sort of 10,000 errors took a one-edit rebuild 10 ms of CPU time).
    /// - Returns: where each error's entry is in the bytes written, by key.
    @discardableResult
    static func encode(_ catalog: Catalog, sorted: [ErrorDefinition]? = nil, key: @escaping @Sendable (ErrorDefinition) -> String,
                       previous: PreviousParts? = nil, into append: (FilePiece) throws -> Void) throws -> [String: Range<Int>] {
        let errors = sorted ?? sortedErrors(of: catalog)
        return try Registry(catalog, errors: []).encode(
            count: errors.count, entry: { try entry(errors[$0].loadingBody(), in: catalog) }, key: { key(errors[$0]) },
            previous: previous, into: append)
    }

    /// Entries encoded at once, on every core: enough to share out, few enough to hold.
    private static let window = 1024

    /// Writes this registry with `count` errors, the one at each position made by `entry`, in
    /// place of its own.
    private func encode(count: Int, entry: @Sendable (Int) throws -> Entry, key: ((Int) -> String)?, previous: PreviousParts?,
                        into append: (FilePiece) throws -> Void) throws -> [String: Range<Int>] {
        var rest = self
        rest.errors = []
        let document = try sortedJSON(rest)
        let emptyList = Data("\n  \"errors\" : [\n\n  ]".utf8)
        guard count > 0 else {
            try append(.bytes(document))
            return [:]
        }
        guard let hole = document.range(of: emptyList) else {
            preconditionFailure("JSONEncoder no longer writes an empty list as the registry expects")
        }
        let head = document[..<hole.lowerBound] + Data("\n  \"errors\" : [\n".utf8)
        try append(.bytes(head))
        var offset = head.count
        var pieces = FilePieces(between: Self.separator)
        var ranges: [String: Range<Int>] = [:]
        for positions in ConcurrentMap.batches(of: Self.window, in: 0..<count) {
            let window = positions.lowerBound
            let keys = key.map { key in positions.map(key) } ?? []
            let copies = keys.map { previous?.range(of: $0) }
            let missing = positions.indices.filter { copies.isEmpty || copies[$0 - window] == nil }.map { $0 - window }
            let batches = ConcurrentMap.batches(of: 64, in: missing.indices).map { missing[$0] }
            let encoded = try ConcurrentMap.map(batches) { batch in try Self.encode(batch.map { try entry(window + $0) }) }
            var made = [[UInt8]?](repeating: nil, count: positions.count)
            for (batch, entries) in zip(batches, encoded) {
                for (index, bytes) in zip(batch, entries) { made[index] = bytes }
            }
            for index in 0..<positions.count {
                let length: Int
                if let bytes = made[index] {
                    try pieces.add(bytes, to: append)
                    length = bytes.count
                } else {
                    let copy = copies[index]!
                    try pieces.copy(copy, to: append)
                    length = copy.count
                }
                if !keys.isEmpty { ranges[keys[index]] = offset..<(offset + length) }
                let separator = window + index == count - 1 ? Self.lastSeparator : Self.separator
                try pieces.add(separator, to: append)
                offset += length + separator.count
            }
        }
        try pieces.add("  ]", to: append)
        try pieces.finish(to: append)
        try append(.bytes(document[hole.upperBound...]))
        return ranges
    }

    /// Between two entries; after the last one.
    private static let separator = Array(",\n".utf8), lastSeparator = Array("\n".utf8)

    /// Each entry as it goes in the list: indented two levels, without the comma after it.
    private static func encode(_ entries: [Entry]) throws -> [[UInt8]] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let indent = Array("    ".utf8), newline = UInt8(ascii: "\n")
        return try entries.map { entry in
            // Bytes go to an array: `Data` appends one byte at a time far more slowly.
            var out: [UInt8] = []
            var lineStart = true
            for byte in try encoder.encode(entry) {
                // Two levels deeper; the blank line inside an empty list stays blank.
                if lineStart && byte != newline { out.append(contentsOf: indent) }
                out.append(byte)
                lineStart = byte == newline
            }
            return out
        }
    }
}

/// Lets a ``JSONValue`` go through `JSONEncoder`.
struct EncodableJSON: Encodable {
    let value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        switch value {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .integer(let integer):
            var container = encoder.singleValueContainer()
            try container.encode(integer)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(EncodableJSON(item)) }
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for member in members { try container.encode(EncodableJSON(member.value), forKey: Key(stringValue: member.key)) }
        }
    }
}
