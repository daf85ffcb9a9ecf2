import ErrorDocsModel
import Foundation
import Mustache

/// The templates and assets pages are rendered with: the built-in theme, overlaid file by file
/// with the catalog's own `Templates/` folder when it has one.
///
/// `{{…}}` escapes for HTML in the HTML templates and for Markdown in `markdown/`, the Markdown
/// twins (``escapeMarkup``, ``escapeMarkdownText``). Templates are checked as they load, because
/// swift-mustache renders a missing partial or parent as nothing and an unescaped value as it
/// is (see ``TemplateCheck``). This is the only code that imports Mustache.
public struct Theme: Sendable {
    /// Template and asset files by path relative to the theme folder, e.g. `partials/nav.mustache`.
    let files: [String: String]
    /// The overlay's files that are not UTF-8 text, such as images in `assets/`.
    let binaryFiles: [String: Data]
    let library: MustacheLibrary
    /// Where each file came from, for messages: a user's file path or the built-in theme.
    let origins: [String: String]
    let lookups = TemplateLookupLog()

    /// Loads the built-in theme and overlays `directory` when given. Problems with the theme are
    /// returned as diagnostics; the theme is unusable when any is an error.
    public static func load(overlay directory: String?) throws -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var files = EmbeddedTheme.files
        var binaryFiles: [String: Data] = [:]
        var origin: [String: String] = [:]
        if let directory {
            for (relative, data) in try readFolder(directory) {
                if let text = String(data: data, encoding: .utf8) {
                    files[relative] = text
                    binaryFiles[relative] = nil
                } else if relative.hasSuffix(".mustache") {
                    throw CatalogLoadError(description: "\(directory)/\(relative): templates must be UTF-8 text")
                } else {
                    files[relative] = nil
                    binaryFiles[relative] = data
                }
                origin[relative] = directory + "/" + relative
            }
        }
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let shown = origin[path] ?? "Templates/\(path) (built-in)"
            do {
                let escaping = TemplateCheck.isMarkdown(path) ? markdownEscapingLine : htmlEscapingLine
                library.register(try MustacheTemplate(string: escaping + text), named: String(path.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    "template-syntax", .error,
                    at: SourceLocation(file: shown, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    "template cannot be parsed: \(Self.describe(error.error))"))
            }
            diagnostics += TemplateCheck.check(text, file: shown, templates: Set(files.keys), markdown: TemplateCheck.isMarkdown(path))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Theme(files: files, binaryFiles: binaryFiles, library: library, origins: origin), diagnostics)
    }

    /// A first line for every HTML template, which swift-mustache drops (it stands alone):
    /// `{{…}}` escapes with ``escapeMarkup``. swift-mustache's default escape compares characters
    /// and misses a quote followed by a combining mark, and it cannot be replaced otherwise.
    private static let htmlEscapingLine: String = {
        MustacheContentTypes.register(EscapingContentType(escape: escapeMarkup), named: "ERRDOCS_HTML")
        return "{{% CONTENT_TYPE: ERRDOCS_HTML}}\n"
    }()

    /// The same for the Markdown twins: `{{…}}` escapes with ``escapeMarkdownText``.
    private static let markdownEscapingLine: String = {
        MustacheContentTypes.register(EscapingContentType(escape: escapeMarkdownText), named: "ERRDOCS_MARKDOWN")
        return "{{% CONTENT_TYPE: ERRDOCS_MARKDOWN}}\n"
    }()

    private struct EscapingContentType: MustacheContentType {
        let escape: @Sendable (String) -> String
        func escapeText(_ text: String) -> String { escape(text) }
    }

    /// swift-mustache's parser errors in words.
    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "a closing tag {{/…}} does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section {{#…}} or {{^…}} is never closed with {{/…}}"
        case .invalidSetDelimiter: return "a delimiter tag {{=… …=}} is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to a {{$…}} block"
        case .illegalTokenInsideInheritSection: return "only {{$…}} blocks may be inside a {{<…}} parent"
        case .textInsideInheritSection: return "only {{$…}} blocks may be inside a {{<…}} parent, not text"
        case .invalidConfigVariableSyntax: return "a {{% …}} pragma is malformed"
        case .unrecognisedConfigVariable: return "unknown {{% …}} pragma"
        case nil: return "\(error)"
        }
    }

    /// Renders `view` with the most specific template that exists among `names`.
    func render(_ view: some Encodable, _ names: String...) -> String {
        for name in names where library.getTemplate(named: name) != nil {
            return library.render(TemplateValue(view, log: lookups), withTemplate: name) ?? ""
        }
        preconditionFailure("the built-in theme has no template named \(names.last ?? "")")
    }

    /// Names that templates used but no view model has, at each place they are used. Call after
    /// rendering every page.
    func unknownNameDiagnostics() -> [Diagnostic] {
        let unknown = lookups.unknownNames
        guard !unknown.isEmpty else { return [] }
        let known = lookups.knownNames.sorted()
        var diagnostics: [Diagnostic] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let shown = origins[path] ?? "Templates/\(path) (built-in)"
            for use in TemplateCheck.variables(in: text, file: shown) {
                // Any part of a dotted name: `page.descripton` misses only its last.
                let parts = use.name.split(separator: ".").map(String.init)
                guard parts.contains(where: unknown.contains) else { continue }
                let corrected = parts.map { unknown.contains($0) ? Spelling.closest(to: $0, in: known) : $0 }
                let suggestion = corrected.contains(nil) ? "" : "; did you mean '\(corrected.compactMap { $0 }.joined(separator: "."))'?"
                diagnostics.append(Diagnostic(
                    "template-unknown-name", .error, at: use.location,
                    "'\(use.name)' is not a value of any page; it would render as nothing\(suggestion) "
                        + "(docs/templates.md lists each page's names)"))
            }
        }
        return diagnostics
    }

    /// Files to copy as they are (`assets/…`).
    var assets: [(path: String, contents: Data)] {
        let text = files.filter { $0.key.hasPrefix("assets/") }.map { ($0.key, Data($0.value.utf8)) }
        let binary = binaryFiles.filter { $0.key.hasPrefix("assets/") }.map { ($0.key, $0.value) }
        return (text + binary).sorted { $0.0 < $1.0 }
    }

    private static func readFolder(_ directory: String) throws -> [(String, Data)] {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        // A mistyped --templates must not build quietly with the built-in theme.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CatalogLoadError(description: "\(directory): no such templates folder")
        }
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw CatalogLoadError(description: "\(directory): cannot be listed") }
        var found: [(String, Data)] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CatalogLoadError(description: "\(directory)/\(relative): cannot be read")
            }
            found.append((relative, data))
        }
        return found
    }
}

extension Theme {
    /// The ids written out in `template` and in the templates it includes, its partials and
    /// parents (the layout): those a page made with it may have whatever it shows. Ids made of
    /// values (`id="tab-{{id}}"`) are left out.
    func literalIDs(of template: String) -> Set<String> {
        var ids: Set<String> = [], seen: Set<String> = [], pending = [template]
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let text = files[name + ".mustache"] else { continue }
            ids.formUnion(FragmentCheck.ids(in: Data(text.utf8)).filter { !$0.contains("{{") })
            pending += TemplateCheck.included(by: text)
        }
        return ids
    }

    /// The built-in theme's files by relative path, for `errdocs init --templates`.
    public static var builtInFiles: [(path: String, text: String)] {
        EmbeddedTheme.files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
