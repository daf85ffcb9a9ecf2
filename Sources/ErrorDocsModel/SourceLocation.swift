/// A position in a catalog file. Lines and columns are 1-based; columns count Unicode scalars,
/// as Yams reports them and as editors following the LSP convention for UTF-32 do.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Path as the user gave it (relative to the working directory when they passed a relative one).
    public var file: String
    // Kept in 32 bits: a large catalog holds millions of locations (two for each value).
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.file = file
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    private enum CodingKeys: String, CodingKey {
        case file
        case storedLine = "line"
        case storedColumn = "column"
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
        get { SourceLocation(file: location.file, line: Int(contentLine), column: Int(contentColumn)) }
        set {
            contentLine = UInt32(clamping: newValue.line)
            contentColumn = UInt32(clamping: newValue.column)
        }
    }

    // Not a second SourceLocation: the file is `location`'s, and a catalog has millions of values.
    private var contentLine: UInt32
    private var contentColumn: UInt32

    public init(_ value: Value, at location: SourceLocation, contentStart: SourceLocation? = nil) {
        self.value = value
        self.location = location
        let start = contentStart ?? location
        contentLine = UInt32(clamping: start.line)
        contentColumn = UInt32(clamping: start.column)
    }

    /// The file position of line `line`, column `column` (1-based) of the value's text.
    public func position(ofLine line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: contentStart.file, line: contentStart.line + line - 1, column: contentStart.column + column - 1)
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
