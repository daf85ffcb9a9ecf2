import Foundation

/// The parts of a `registry.json` that `errdocs diff` compares, read back from its JSON, so
/// a built registry, a catalog folder and a git revision are compared the same way.
struct RegistrySnapshot {
    typealias Retry = Registry.Retry
    typealias SMTP = Registry.SMTP

    struct Deprecated: Decodable, Equatable {
        var since: String?
        var replaced_by: String?
    }

    struct Entry: Decodable {
        var code: String
        var surface: String
        var status: Int?
        var smtp: SMTP?
        var event: String?
        var family: String
        var retry: Retry
        var deprecated: Deprecated?
    }

    struct Removed: Decodable {
        var code: String
    }

    struct Envelope {
        var name: String
        var contentType: String
        var codeField: String?
        var docURLField: String?
        /// Every property of its JSON Schema, at any depth (`details[].field`), with its type
        /// (`integer|null`; empty when the schema gives none).
        var fields: [String: String]

        init(_ object: [String: Any]) {
            name = object["name"] as? String ?? ""
            contentType = object["content_type"] as? String ?? ""
            codeField = object["code_field"] as? String
            docURLField = object["doc_url_field"] as? String
            var fields: [String: String] = [:]
            Self.collect(object["schema"] as? [String: Any] ?? [:], at: "", into: &fields)
            self.fields = fields
        }

        private static func collect(_ schema: [String: Any], at path: String, into fields: inout [String: String]) {
            for (name, value) in schema["properties"] as? [String: Any] ?? [:] {
                let property = value as? [String: Any] ?? [:]
                let child = path.isEmpty ? name : path + "." + name
                fields[child] = type(of: property)
                collect(property, at: child, into: &fields)
            }
            if let items = schema["items"] as? [String: Any] {
                collect(items, at: path + "[]", into: &fields)
            }
        }

        private static func type(of schema: [String: Any]) -> String {
            switch schema["type"] {
            case let one as String: one
            case let several as [Any]: several.compactMap { $0 as? String }.sorted().joined(separator: "|")
            default: ""
            }
        }
    }

    private struct Document: Decodable {
        var version: String
        var errors: [Entry]
        var removed: [Removed]?
        var format_version: String
    }

    var version: String
    /// The registry format's version (`1.1.0`), which readers check (docs/registry.md).
    var formatVersion: String
    var errors: [String: Entry]
    /// Each error's whole entry, to find documentation changes.
    var rawErrors: [String: NSDictionary]
    var removed: Set<String>
    var envelopes: [String: Envelope]

    init(json data: Data) throws {
        let document = try JSONDecoder().decode(Document.self, from: data)
        version = document.version
        formatVersion = document.format_version
        errors = Dictionary(document.errors.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        removed = Set((document.removed ?? []).map(\.code))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        var raw: [String: NSDictionary] = [:]
        for case let entry as [String: Any] in object["errors"] as? [Any] ?? [] {
            if let code = entry["code"] as? String { raw[code] = entry as NSDictionary }
        }
        rawErrors = raw
        var envelopes: [String: Envelope] = [:]
        for case let envelope as [String: Any] in object["envelopes"] as? [Any] ?? [] {
            guard let name = envelope["name"] as? String else { continue }
            envelopes[name] = Envelope(envelope)
        }
        self.envelopes = envelopes
    }
}
