import ErrorDocsModel
import Yams

/// Parses one file into a Yams node tree, turning every YAML problem into a diagnostic.
enum YAMLDocument {
    static func compose(_ source: SourceText) -> (node: Node?, problems: [Diagnostic]) {
        let tokenProblems = YAMLTokenCheck.check(source)
        if !tokenProblems.isEmpty { return (nil, tokenProblems) }
        do {
            // The basic resolver: errdocs types scalars itself (YAML 1.2 core schema, in
            // NodeReader), and Yams's default resolver runs a regular expression per scalar.
            // UTF-8 is given explicitly because the default encoding reads the environment.
            return (try Yams.compose(yaml: source.text, .basic, .default, .utf8), [])
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, in: source)])
        } catch {
            return (nil, [Diagnostic(
                "yaml-syntax", .error, at: SourceLocation(file: source.path, line: 1, column: 1),
                "\(error)")])
        }
    }

    private static func diagnostic(for error: YamlError, in source: SourceText) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: source.path, line: mark.line, column: mark.column)
        }
        func describe(_ context: YamlError.Context?, _ problem: String) -> String {
            guard let context else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line))"
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            return Diagnostic("yaml-syntax", .error, at: at(mark), "invalid YAML: \(describe(context, problem))")
        case let .duplicatedKeysInMapping(duplicates, context):
            // YAMLTokenCheck reports these first; this is a fallback for keys it cannot see
            // (for example keys that are not plain scalars).
            // Yams names keys it cannot show as text (lists, mappings) "<uncovertable>".
            let shown = duplicates.filter { $0 != "<uncovertable>" }.sorted()
            let others = duplicates.count > shown.count ? ["keys that are not text (a list or mapping used as a key)"] : []
            return Diagnostic(
                "duplicate-key", .error, at: at(context.mark),
                "mapping has duplicate keys: \((shown + others).joined(separator: ", "))")
        default:
            return Diagnostic(
                "yaml-syntax", .error, at: SourceLocation(file: source.path, line: 1, column: 1),
                "invalid YAML: \(error)")
        }
    }
}
