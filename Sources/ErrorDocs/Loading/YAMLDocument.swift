import CYaml
import ErrorDocsModel

/// Composes one file into a ``YAMLNode`` tree from libyaml's events (Yams's copy of libyaml),
/// turning every YAML problem into a diagnostic:
///
/// - anchors and aliases are refused (an alias repeats its anchor's value, and a "billion
///   laughs" file would make a tree too large for memory);
/// - a duplicate mapping key is reported at the second key, with a note at the first;
/// - nesting deeper than ``maximumDepth`` is refused, so reading the tree cannot exhaust the
///   stack.
///
/// Yams's own composer expands aliases and reports duplicates at the mapping, so errdocs had to
/// scan each file once more before it; composing here does both in one pass.
enum YAMLDocument {
    static let maximumDepth = 64

    static func compose(_ source: SourceText) -> (node: YAMLNode?, problems: [Diagnostic]) {
        var text = source.text
        return text.withUTF8 { bytes in
            var composer = Composer(start: SourceLocation(file: source.path, line: 1, column: 1))
            return composer.compose(bytes)
        }
    }
}

private struct Composer {
    /// A list or mapping whose end is not reached yet.
    private struct Open {
        let isMapping: Bool
        let mark: YAMLNode.Mark
        /// A list's items, or a mapping's keys and values in turn.
        var nodes: [YAMLNode] = []
        /// Where each of a mapping's text keys was first written.
        var keys: [String: YAMLNode.Mark] = [:]
    }

    /// The start of the file: every location made here shares its path.
    let start: SourceLocation
    private var problems: [Diagnostic] = []
    private var open: [Open] = []
    private var root: YAMLNode?
    /// Keys that are lists or mappings, repeated: the file is not read further (such keys are
    /// errors of their own, and one report is enough).
    private var hasNonTextDuplicate = false

    init(start: SourceLocation) {
        self.start = start
    }

    /// The document with its problems: nil when it has any but duplicate keys (nil and none for
    /// an empty file).
    mutating func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> (node: YAMLNode?, problems: [Diagnostic]) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return (nil, [Diagnostic("yaml-syntax", .error, at: start, "invalid YAML: out of memory")])
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return (nil, problems.isEmpty ? [syntaxProblem(parser, in: bytes)] : problems)
            }
            defer { yaml_event_delete(&event) }
            let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                // A repeated key leaves the tree whole: it is read (the later value wins), so the
                // rest of the file (its codes, say) is still known to the catalog.
                let readable = !hasNonTextDuplicate && problems.allSatisfy { $0.ruleID == "duplicate-key" }
                return (readable ? root : nil, problems)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    problems.append(Diagnostic(
                        "yaml-syntax", .error, at: location(mark),
                        "invalid YAML: but found another document (expected a single document in the stream at line 1)"))
                    return (nil, problems)
                }
            case YAML_ALIAS_EVENT:
                refuse("aliases", at: mark)
                // Stands in for the alias; the file is not read further.
                add(.scalar(.init(string: "", style: .plain, mark: mark)), isKnown: false)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if scalar.anchor != nil { refuse("anchors", at: mark) }
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                add(.scalar(.init(string: text, style: Self.style(scalar.style), mark: mark)))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                if (isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor) != nil {
                    refuse("anchors", at: mark)
                }
                open.append(Open(isMapping: isMapping, mark: mark))
                if open.count > YAMLDocument.maximumDepth {
                    problems.append(Diagnostic(
                        "yaml-too-deep", .error, at: location(mark),
                        "values are nested more than \(YAMLDocument.maximumDepth) levels deep"))
                    return (nil, problems)
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let done = open.removeLast()
                if done.isMapping {
                    let pairs = stride(from: 0, to: done.nodes.count - 1, by: 2).map { (key: done.nodes[$0], value: done.nodes[$0 + 1]) }
                    add(.mapping(.init(pairs: pairs, mark: done.mark)))
                } else {
                    add(.sequence(.init(items: done.nodes, mark: done.mark)))
                }
            default:
                break
            }
        }
    }

    /// Adds a finished value to the collection being read; `isKnown` is false for a stand-in.
    private mutating func add(_ node: YAMLNode, isKnown: Bool = true) {
        guard let last = open.indices.last else {
            root = node
            return
        }
        if isKnown && open[last].isMapping && open[last].nodes.count.isMultiple(of: 2) {
            checkKey(node, of: last)
        }
        open[last].nodes.append(node)
    }

    private mutating func checkKey(_ key: YAMLNode, of mapping: Int) {
        guard case .scalar(let scalar) = key else {
            let keys = stride(from: 0, to: open[mapping].nodes.count, by: 2).map { open[mapping].nodes[$0] }
            if let first = keys.first(where: { $0.isSameValue(as: key) }) {
                hasNonTextDuplicate = true
                problems.append(Diagnostic(
                    "duplicate-key", .error, at: location(key.mark),
                    "mapping has duplicate keys: keys that are not text (a list or mapping used as a key)",
                    notes: [Diagnostic.Note("the first is here", at: location(first.mark))]))
            }
            return
        }
        if let first = open[mapping].keys[scalar.string] {
            problems.append(Diagnostic(
                "duplicate-key", .error, at: location(key.mark), "key '\(scalar.string)' appears twice in the same mapping",
                notes: [Diagnostic.Note("first '\(scalar.string)' is here", at: location(first))]))
        } else {
            open[mapping].keys[scalar.string] = key.mark
        }
    }

    private mutating func refuse(_ what: String, at mark: YAMLNode.Mark) {
        problems.append(Diagnostic(
            "yaml-alias", .error, at: location(mark),
            "YAML \(what) are not supported in catalog files; write the value out in full"))
    }

    private func location(_ mark: YAMLNode.Mark) -> SourceLocation {
        SourceLocation(sameFileAs: start, line: mark.line, column: mark.column)
    }

    /// libyaml's error, at the position it names.
    private func syntaxProblem(_ parser: yaml_parser_t, in bytes: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "out of memory"
        guard parser.error != YAML_READER_ERROR else {
            // Reader errors (a control character, say) give a byte offset rather than a mark.
            let before = bytes.prefix(min(parser.problem_offset, bytes.count))
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: before[lineStart...], as: UTF8.self).unicodeScalars.count + 1
            return Diagnostic("yaml-syntax", .error, at: location(.init(line: line, column: column)), "invalid YAML: \(problem)")
        }
        let mark = YAMLNode.Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        if problem.hasPrefix("Maximum nesting level reached") {
            // libyaml's own limit (1,000 levels, counting flow levels its scanner looked ahead at).
            return Diagnostic(
                "yaml-too-deep", .error, at: location(mark), "values are nested more than \(YAMLDocument.maximumDepth) levels deep")
        }
        if problem == "could not find expected ':'", let context = parser.context,
           String(cString: context) == "while scanning a simple key" {
            // Most often a line of a `|` block indented less than the block: the block ends
            // there, and the line is read as a key. libyaml reports the line after it.
            let keyMark = YAMLNode.Mark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
            let text = Self.line(keyMark.line, in: bytes).trimmingCharacters(in: .whitespaces)
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return Diagnostic("yaml-syntax", .error, at: location(keyMark),
                              "invalid YAML: '\(shown)' is read as a key, but no ':' follows it; if it belongs to the text above "
                                + "(a '|' or '>' block), indent it as much as the block's other lines, and if it is a key, add ': ' after it")
        }
        var message = "invalid YAML: \(problem)"
        if let context = parser.context {
            message += " (\(String(cString: context)) at line \(parser.context_mark.line + 1))"
        }
        if Self.character(at: mark, in: bytes) == "\t" && !problem.contains("tab") {
            message += "; this is a tab, and YAML indents with spaces only"
        }
        return Diagnostic("yaml-syntax", .error, at: location(mark), message)
    }

    /// The text of a 1-based line.
    private static func line(_ number: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var line = 1, start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            guard line < number else { break }
            line += 1
            start = offset + 1
        }
        guard line == number, start <= bytes.count else { return "" }
        return String(decoding: bytes[start...].prefix { $0 != 0x0A }, as: UTF8.self)
    }

    /// The character at a 1-based line and column (libyaml counts characters, not bytes).
    private static func character(at mark: YAMLNode.Mark, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        line(mark.line, in: bytes).unicodeScalars.dropFirst(mark.column - 1).first
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLNode.Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
