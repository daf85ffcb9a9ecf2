@testable import ErrorDocs
import Foundation
import Testing

/// docs/templates.md lists the names templates can use: each view model's table lists exactly
/// its stored properties (what templates see, through `Encodable`), marks lists and optional
/// values as such, and every view model a page reaches has a table. The view models are found
/// by walking the views of every page of the default catalog, which has an example of each.
@Suite struct TemplateNamesDocumentationTests {
    struct Property: Equatable, CustomStringConvertible {
        var list: Bool
        var optional: Bool
        var description: String { (list ? "list" : "value") + (optional ? ", optional" : "") }
    }

    /// Each view model's properties by name, by the type's name in the module (`ErrorView.Text`).
    static func viewModels() throws -> [String: [String: Property]] {
        let catalog = try Pipeline.lint(CatalogFormatDocumentationTests.repository.appendingPathComponent("Content").path).catalog
        let views = ViewBuilder(catalog: catalog, style: .html)
        var pages: [Any] = [views.indexView(), views.statusPlaybookView(), views.retryTableView(), views.notFoundView()]
        pages += try views.errors.map { views.errorView(try $0.loadingBody()) }
        pages += catalog.settings.families.map(views.familyView)
        pages += catalog.settings.removed.map(views.removedView)
        pages += catalog.guides.map { views.guideView($0, takenIDs: []) }
        var found: [String: [String: Property]] = [:]
        func property(_ value: Any) -> Property {
            if value is ErrorRows { return Property(list: true, optional: false) }
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                return Property(list: String(reflecting: type(of: value)).hasPrefix("Swift.Optional<Swift.Array<"), optional: true)
            }
            return Property(list: mirror.displayStyle == .collection, optional: false)
        }
        func walk(_ value: Any) {
            if value is String || value is Int || value is Bool || value is Double { return }
            if let rows = value as? ErrorRows { return rows.errors.map(rows.row).forEach(walk) }
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional?, .collection?: mirror.children.forEach { walk($0.value) }
            case .struct?:
                let name = String(reflecting: type(of: value)).replacingOccurrences(of: "ErrorDocs.", with: "")
                for child in mirror.children {
                    guard let label = child.label else { continue }
                    found[name, default: [:]][label] = property(child.value)
                    walk(child.value)
                }
            default: Issue.record("a view model holds \(type(of: value)), which the walk does not know")
            }
        }
        pages.forEach(walk)
        return found
    }

    /// Each table of the doc by the view model named above it (a line "`ErrorView.Text`: …"):
    /// the first column's name, with what the second column says of lists and optional values.
    static func documented() throws -> [String: [String: Property]] {
        let text = try String(contentsOf: CatalogFormatDocumentationTests.repository.appendingPathComponent("docs/templates.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var tables: [String: [String: Property]] = [:]
        for (number, line) in lines.enumerated() where line.hasPrefix("`") {
            guard let close = line.dropFirst().firstIndex(of: "`"), line[line.index(after: close)...].hasPrefix(":") else { continue }
            let name = String(line[line.index(after: line.startIndex)..<close])
            guard name.first?.isUppercase == true, name.allSatisfy({ $0.isLetter || $0 == "." }) else { continue }
            let rows = lines[(number + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
            #expect(tables[name] == nil, "\(name) has two tables")
            tables[name] = [:]
            for row in rows {
                let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 2, cells[0].hasPrefix("`"), cells[0].hasSuffix("`") else {
                    Issue.record("\(name): a row without a `name`: \(row)")
                    continue
                }
                tables[name]?[String(cells[0].dropFirst().dropLast())] = Property(
                    list: cells[1].hasPrefix("list"), optional: cells[1].hasSuffix("optional"))
            }
        }
        return tables
    }

    @Test func everyViewModelHasATableOfExactlyItsNames() throws {
        let models = try Self.viewModels(), documented = try Self.documented()
        #expect(models.count >= 20, "the walk reaches every view model: \(models.keys.sorted())")
        #expect(documented.keys.sorted() == models.keys.sorted(), "a table per view model")
        for (model, properties) in models {
            let listed = documented[model] ?? [:]
            #expect(listed.keys.sorted() == properties.keys.sorted(), "\(model): names")
            for (name, property) in properties where listed[name] != nil {
                #expect(listed[name] == property, "\(model).\(name) is a \(property), documented as \(listed[name]!)")
            }
        }
    }
}
