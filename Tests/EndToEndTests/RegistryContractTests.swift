import Foundation
import Testing

/// The registry as a contract: its format documented field by field, and no published
/// documentation URL of a deprecated or removed error left without a page.
@Suite struct RegistryContractTests {
    private func registry() throws -> [String: Any] {
        let data = try Data(contentsOf: Tool.repository.appendingPathComponent("Site/registry.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// `https://docs.mailvane.dev/errors/x` → `Site/errors/x/index.html`.
    private func page(for docURL: String, base: String) -> URL {
        let path = docURL.hasPrefix(base) ? String(docURL.dropFirst(base.count)) : docURL
        return Tool.repository.appendingPathComponent("Site").appendingPathComponent(path).appendingPathComponent("index.html")
    }

    @Test func everyDeprecatedOrRemovedDocURLHasAPage() throws {
        let registry = try registry()
        let base = try #require(registry["base_url"] as? String)
        let deprecated = (registry["errors"] as? [[String: Any]] ?? []).filter { $0["deprecated"] != nil }
        let removed = registry["removed"] as? [[String: Any]] ?? []
        #expect(!deprecated.isEmpty && !removed.isEmpty, "the default catalog shows both lifecycles")
        for entry in deprecated + removed {
            let url = try #require(entry["doc_url"] as? String)
            let file = page(for: url, base: base)
            #expect(FileManager.default.fileExists(atPath: file.path), "\(url) has no page (\(file.path))")
        }
        for entry in removed {
            let html = try String(contentsOf: page(for: entry["doc_url"] as! String, base: base), encoding: .utf8)
            #expect(html.contains("Removed"), "the tombstone says the error was removed")
        }
    }

    @Test func everyFieldOfTheSchemaIsDocumented() throws {
        let schemaData = try Data(contentsOf: Tool.repository.appendingPathComponent("Site/registry.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        var names: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] { names.formUnion(properties.keys) }
                object.values.forEach(collect)
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(schema)
        let docs = try String(contentsOf: Tool.repository.appendingPathComponent("docs/registry.md"), encoding: .utf8)
        #expect(names.count > 40)
        for name in names.sorted() {
            #expect(docs.contains("`\(name)`"), "docs/registry.md does not document '\(name)'")
        }
    }
}
