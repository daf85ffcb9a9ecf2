/// A whole catalog as loaded: settings, errors in load order, and guides.
///
/// Values the author left out or got wrong are `nil`; the loader and the lint rules report
/// them, and rendering only ever sees a catalog without errors.
public struct Catalog: Sendable {
    public var settings: CatalogSettings
    public var errors: [ErrorDefinition]
    public var guides: [Guide]
    /// Every file that was read, relative paths as given, in a stable order.
    public var files: [String]
    /// The catalog folder as given; file paths in locations start with it.
    public var directory: String
    /// Error files that could not be read whole (a YAML syntax error, invalid UTF-8, a code of
    /// the wrong type): a code that looks undefined may be defined there, so the rules that
    /// look codes up do not report one until the file reads.
    public var unreadableFiles: [String] = []

    public init(settings: CatalogSettings, errors: [ErrorDefinition], guides: [Guide], files: [String], directory: String = "") {
        self.settings = settings
        self.errors = errors
        self.guides = guides
        self.files = files
        self.directory = directory
    }

    /// A file's path inside the catalog folder, e.g. `errors/auth/invalid_key.yaml`.
    public func pathInCatalog(_ file: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return directory.isEmpty || !file.hasPrefix(prefix) ? file : String(file.dropFirst(prefix.count))
    }

    /// The first error defined with `code`: a scan of every error, so for one lookup only
    /// (a rule looking up one error per error makes a table first).
    public func error(_ code: String) -> ErrorDefinition? { errors.first { $0.code?.value == code } }

    /// The retry policy that applies to an error: its own, or its family's.
    public func effectiveRetry(of error: ErrorDefinition) -> RetryPolicy? {
        error.retry ?? error.family.flatMap { settings.family($0.value)?.retry }
    }
}
