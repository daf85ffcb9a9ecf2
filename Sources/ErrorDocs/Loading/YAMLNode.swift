/// A composed YAML value and where it starts in its file, as ``YAMLDocument`` makes it from
/// libyaml's events. Tags are not kept: ``NodeReader`` types scalars by their style and text.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(List)

    /// 1-based line and column (columns count Unicode scalars, as libyaml does).
    struct Mark: Sendable, Equatable {
        let line: Int
        let column: Int
    }

    struct Scalar: Sendable {
        enum Style: Sendable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        let string: String
        let style: Style
        let mark: Mark
    }

    /// Key and value pairs in the author's order.
    struct Mapping: RandomAccessCollection, Sendable {
        let pairs: [(key: YAMLNode, value: YAMLNode)]
        let mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        /// The value of the first text key `key`.
        subscript(key: String) -> YAMLNode? {
            pairs.first { pair in
                if case .scalar(let scalar) = pair.key { scalar.string == key } else { false }
            }?.value
        }
    }

    struct List: RandomAccessCollection, Sendable {
        let items: [YAMLNode]
        let mark: Mark

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let list): list.mark
        }
    }

    /// The same value: text and structure, whatever the style or position.
    func isSameValue(as other: YAMLNode) -> Bool {
        switch (self, other) {
        case (.scalar(let one), .scalar(let two)):
            return one.string == two.string
        case (.sequence(let one), .sequence(let two)):
            return one.count == two.count && zip(one, two).allSatisfy { $0.isSameValue(as: $1) }
        case (.mapping(let one), .mapping(let two)):
            return one.count == two.count
                && zip(one, two).allSatisfy { $0.key.isSameValue(as: $1.key) && $0.value.isSameValue(as: $1.value) }
        default:
            return false
        }
    }
}
