@testable import ErrorDocs
import Foundation
import Testing

/// docs/catalog-format.md describes the format key by key: each of its key tables lists exactly
/// the keys the loader accepts there (`removed:` was once missing from the catalog.yaml table).
@Suite struct CatalogFormatDocumentationTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: [
        ("## catalog.yaml", NodeReader.settingsKeys),
        ("### Envelope", NodeReader.envelopeKeys),
        ("### Family", NodeReader.familyKeys),
        ("### Removed error", NodeReader.removedKeys),
        ("## An error definition", NodeReader.errorKeys),
    ])
    func eachKeyTableListsEveryKeyTheLoaderAccepts(heading: String, accepted: [String]) throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/catalog-format.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0 == heading }, "no heading '\(heading)'")
        // The table's rows: from the first line starting with "|" to the next that does not.
        let rows = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        let documented = rows.compactMap { row -> String? in
            let first = row.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? ""
            guard first.hasPrefix("`"), first.hasSuffix("`"), first.count > 2 else { return nil }
            return String(first.dropFirst().dropLast())
        }
        #expect(documented.sorted() == accepted.sorted(), "\(heading)")
    }
}
