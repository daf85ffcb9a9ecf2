import ErrorDocsModel

/// `template-unknown-override`: a template named after one error (`error.<code>.mustache`, or
/// `markdown/error.<code>.mustache` for its Markdown twin) names a code the catalog defines. One
/// left behind after a code was renamed would otherwise be ignored without a word, and the page
/// would quietly lose its customisation. Only the catalog knows its codes, so the build makes
/// this check once both are loaded. A template that another one uses as a partial or parent is
/// not an override. A warning: the page still renders, with `error.mustache`.
enum OverrideCheck {
    static var id: String { "template-unknown-override" }

    static func check(_ theme: Theme, catalog: Catalog) -> [Diagnostic] {
        let overrides = theme.files.keys.filter { $0.hasSuffix(".mustache") }.compactMap { path in
            code(overriddenBy: path).map { (path: path, code: $0) }
        }
        guard !overrides.isEmpty else { return [] }
        let codes = Set(catalog.errors.compactMap { $0.code?.value })
        let removed = Set(catalog.settings.removed.map(\.code.value))
        let included = Set(theme.files.filter { $0.key.hasSuffix(".mustache") }.values.flatMap(TemplateCheck.included(by:)))
        var diagnostics: [Diagnostic] = []
        for (path, code) in overrides.sorted(by: { $0.path < $1.path })
            where !codes.contains(code) && !included.contains(String(path.dropLast(".mustache".count))) {
            let folder = TemplateCheck.isMarkdown(path) ? "markdown/" : ""
            let why: String
            if removed.contains(code) {
                why = "error '\(code)' is removed (catalog.yaml's removed:), so its page is rendered with \(folder)removed.mustache"
            } else if let nearest = Spelling.closest(to: code, in: codes.sorted()) {
                why = "the catalog has no error '\(code)'; did you mean '\(nearest)' (\(folder)error.\(nearest).mustache)?"
            } else {
                why = "the catalog has no error '\(code)'; its codes are \(listing(codes))"
            }
            diagnostics.append(Diagnostic(
                id, .warning, at: SourceLocation(file: theme.origins[path] ?? "Templates/\(path)", line: 1, column: 1),
                "template '\(path)' overrides no page and is never used: \(why)"))
        }
        return diagnostics
    }

    /// The code in `error.<code>.mustache` or `markdown/error.<code>.mustache`.
    static func code(overriddenBy path: String) -> String? {
        let name = TemplateCheck.isMarkdown(path) ? path.dropFirst("markdown/".count) : Substring(path)
        guard name.hasPrefix("error."), name.hasSuffix(".mustache"), !name.contains("/") else { return nil }
        let code = name.dropFirst("error.".count).dropLast(".mustache".count)
        return code.isEmpty ? nil : String(code)
    }

    /// The first few codes in order, and how many more there are.
    private static func listing(_ codes: Set<String>) -> String {
        guard !codes.isEmpty else { return "none" }
        let sorted = codes.sorted(), shown = 5
        let first = sorted.prefix(shown).map { "'\($0)'" }.joined(separator: ", ")
        return sorted.count > shown ? "\(first) and \(sorted.count - shown) more" : first
    }
}
