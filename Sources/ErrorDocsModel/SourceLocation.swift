/// A position in a catalog file. Lines and columns are 1-based; columns count Unicode scalars,
/// as Yams reports them and as editors following the LSP convention for UTF-32 do.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Path as the user gave it (relative to the working directory when they passed a relative one).
    public var file: String {
        get { path.value }
        set { path = Path(newValue) }
    }

    // A catalog holds millions of locations (two for each value): the path is one shared
    // reference (locations made with `init(sameFileAs:line:column:)` share their file's), and
    // line and column are kept in 32 bits.
    private var path: Path
    private var storedLine: UInt32
    private var storedColumn: UInt32

    private final class Path: Sendable {
        let value: String
        init(_ value: String) { self.value = value }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        path = Path(file)
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    /// A location in the same file as `other`, sharing its path rather than holding a copy.
    public init(sameFileAs other: SourceLocation, line: Int, column: Int) {
        path = other.path
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    private enum CodingKeys: String, CodingKey {
        case file, line, column
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file),
                  line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    public static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.storedLine == rhs.storedLine && lhs.storedColumn == rhs.storedColumn
            && (lhs.path === rhs.path || lhs.file == rhs.file)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(storedLine)
        hasher.combine(storedColumn)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A value read from a catalog file, with where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    /// Where the value starts: a quote, a block indicator (`|`), or the value itself.
    public var location: SourceLocation
    /// Where the value's text starts: after an opening quote, or on the first line of a block
    /// scalar's content. Line n, column c of a Markdown value is at
    /// `contentStart.line + n - 1`, column `c + contentStart.column - 1` (for block scalars and
    /// single-line values).
    /// (In the same file as `location`.)
    public var contentStart: SourceLocation {
        get { SourceLocation(sameFileAs: location, line: Int(contentLine), column: Int(contentColumn)) }
        set {
            contentLine = UInt32(clamping: newValue.line)
            contentColumn = UInt32(clamping: newValue.column)
        }
    }

    // Not a second SourceLocation: the file is `location`'s, and a catalog has millions of values.
    @usableFromInline var contentLine: UInt32
    @usableFromInline var contentColumn: UInt32

    // Inlinable, so that other modules make values of a known type without asking the runtime
    // for the metadata of `Located<Value>` each time: a rebuild of 10,000 errors makes hundreds
    // of thousands, and the lookups were about 2% of its CPU time.
    @inlinable
    public init(_ value: Value, at location: SourceLocation, contentStart: SourceLocation? = nil) {
        self.value = value
        self.location = location
        let start = contentStart ?? location
        contentLine = UInt32(clamping: start.line)
        contentColumn = UInt32(clamping: start.column)
    }

    /// The file position of line `line`, column `column` (1-based) of the value's text.
    public func position(ofLine line: Int, column: Int) -> SourceLocation {
        let start = contentStart
        return SourceLocation(sameFileAs: start, line: start.line + line - 1, column: start.column + column - 1)
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
