@testable import ErrorDocs
import Foundation
import Testing

/// The authoring schemas editors use must accept exactly what the loader accepts, be committed
/// fresh under docs/schemas/, and be named by every file of the default catalog.
@Suite struct AuthoringSchemaTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func object(_ schema: AuthoringSchema) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(schema.json.utf8)) as? [String: Any])
    }

    static func keys(_ node: Any?, _ path: String...) -> Set<String> {
        var current = node
        for step in path { current = (current as? [String: Any])?[step] }
        return Set(((current as? [String: Any])?["properties"] as? [String: Any] ?? [:]).keys)
    }

    @Test func errorSchemaKeysAreTheLoaderKeys() throws {
        let schema = try Self.object(.error)
        let defs = schema["$defs"] as? [String: Any]
        #expect(Self.keys(defs, "error") == Set(NodeReader.errorKeys))
        #expect(Self.keys(defs, "retry") == Set(NodeReader.retryKeys))
    }

    @Test func catalogSchemaKeysAreTheLoaderKeys() throws {
        let schema = try Self.object(.catalog)
        #expect(Self.keys(schema) == Set(NodeReader.settingsKeys))
        let properties = schema["properties"] as? [String: Any]
        let envelope = (properties?["envelopes"] as? [String: Any])?["additionalProperties"]
        #expect(Self.keys(envelope) == Set(NodeReader.envelopeKeys))
        let family = (properties?["families"] as? [String: Any])?["items"]
        #expect(Self.keys(family) == Set(NodeReader.familyKeys))
    }

    @Test(arguments: AuthoringSchema.allCases)
    func committedSchemaIsFresh(_ schema: AuthoringSchema) throws {
        let url = Self.repository.appendingPathComponent("docs/schemas/\(schema.rawValue).schema.json")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == schema.json, "docs/schemas/\(schema.rawValue).schema.json is stale; run 'make docs'")
    }

    @Test func everyDefaultCatalogFileNamesItsSchemaForEditors() throws {
        let content = Self.repository.appendingPathComponent("Content")
        let walker = try #require(FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil))
        var checked = 0
        for case let url as URL in walker where url.pathExtension == "yaml" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let firstLine = String(text.prefix { $0 != "\n" })
            let prefix = "# yaml-language-server: $schema="
            #expect(firstLine.hasPrefix(prefix), "\(url.path) lacks the yaml-language-server comment")
            let target = url.deletingLastPathComponent().appendingPathComponent(String(firstLine.dropFirst(prefix.count))).standardizedFileURL
            let kind = url.lastPathComponent == "catalog.yaml" ? "catalog" : "error"
            #expect(target.path == Self.repository.appendingPathComponent("docs/schemas/\(kind).schema.json").standardizedFileURL.path,
                    "\(url.lastPathComponent) points at \(target.path)")
            checked += 1
        }
        #expect(checked > 40)
    }
}
