import CYaml
import ErrorDocsModel

/// Checks that need the token stream rather than the composed tree, run before composing:
///
/// - anchors and aliases are refused (Yams expands aliases without bound, and a "billion
///   laughs" file would exhaust memory inside `compose`);
/// - duplicate mapping keys are reported at the second key (Yams points at the mapping);
/// - nesting deeper than ``maximumDepth`` is refused.
///
/// Syntax errors are left to the composer, which reports them with better messages.
enum YAMLTokenCheck {
    static let maximumDepth = 64

    private enum Level {
        case mapping([String: SourceLocation])
        case sequence
    }

    static func check(_ source: SourceText) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return [] }
        defer { yaml_parser_delete(&parser) }
        var utf8 = Array(source.text.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var stack: [Level] = []
            var expectingKey = false
            var token = yaml_token_t()
            while yaml_parser_scan(&parser, &token) == 1 {
                defer { yaml_token_delete(&token) }
                let mark = token.start_mark
                var location: SourceLocation {
                    SourceLocation(file: source.path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                }
                let wasExpectingKey = expectingKey
                expectingKey = false
                switch token.type {
                case YAML_STREAM_END_TOKEN:
                    return
                case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN:
                    let what = token.type == YAML_ANCHOR_TOKEN ? "anchors" : "aliases"
                    diagnostics.append(Diagnostic(
                        "yaml-alias", .error, at: location,
                        "YAML \(what) are not supported in catalog files; write the value out in full"))
                case YAML_BLOCK_MAPPING_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN:
                    stack.append(.mapping([:]))
                case YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_FLOW_SEQUENCE_START_TOKEN:
                    stack.append(.sequence)
                case YAML_BLOCK_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN, YAML_FLOW_SEQUENCE_END_TOKEN:
                    _ = stack.popLast()
                case YAML_KEY_TOKEN:
                    expectingKey = true
                case YAML_SCALAR_TOKEN where wasExpectingKey:
                    // Taken off the stack while it grows, so the keys are not copied for each one.
                    guard case .mapping(var keys)? = stack.last else { break }
                    stack.removeLast()
                    defer { stack.append(.mapping(keys)) }
                    let scalar = token.data.scalar
                    let key = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    if let first = keys[key] {
                        diagnostics.append(Diagnostic(
                            "duplicate-key", .error, at: location, "key '\(key)' appears twice in the same mapping",
                            notes: [Diagnostic.Note("first '\(key)' is here", at: first)]))
                    } else {
                        keys[key] = location
                    }
                default:
                    break
                }
                if stack.count > maximumDepth {
                    diagnostics.append(Diagnostic(
                        "yaml-too-deep", .error, at: location,
                        "values are nested more than \(maximumDepth) levels deep"))
                    return
                }
            }
        }
        return diagnostics
    }
}
