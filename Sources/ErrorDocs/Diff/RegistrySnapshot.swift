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
        /// Top-level properties of its JSON Schema.
        var properties: Set<String>
    }

    private struct Document: Decodable {
        var version: String
        var errors: [Entry]
        var removed: [Removed]?
    }

    var version: String
    var errors: [String: Entry]
    /// Each error's whole entry, to find documentation changes.
    var rawErrors: [String: NSDictionary]
    var removed: Set<String>
    var envelopes: [String: Envelope]

    init(json data: Data) throws {
        let document = try JSONDecoder().decode(Document.self, from: data)
        version = document.version
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
            let schema = envelope["schema"] as? [String: Any]
            let properties = (schema?["properties"] as? [String: Any]).map { Set($0.keys) } ?? []
            envelopes[name] = Envelope(name: name, properties: properties)
        }
        self.envelopes = envelopes
    }
}
