import ErrorDocsModel

/// An example body satisfies its envelope's JSON Schema.
///
/// The example is what readers copy into tests and mocks, so it must be a body the API could
/// really send. Each violation is reported at the value that breaks the schema.
///
/// Fails:
///
/// ```yaml
/// # the envelope requires 'message', and 'success' is const false
/// example:
///   status: 429
///   body: {success: "false", error: rate_limited}
/// ```
///
/// Passes:
///
/// ```yaml
/// example:
///   status: 429
///   body: {success: false, error: rate_limited, message: Slow down.}
/// ```
public enum ExampleMatchesSchema: ErrorFileRule {
    public static let id = "example-matches-schema"
    public static let summary = "Example bodies satisfy their envelope's JSON Schema."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        for error in catalog.errors {
            guard let example = error.example, let body = example.body,
                  let envelope = catalog.settings.envelope(of: example),
                  let schema = envelope.schema
            else { continue }
            for violation in JSONSchemaValidator(schema: schema.value).validate(body.value) {
                let location = nearestLocation(of: violation.pointer, in: example.bodyLocations) ?? body.location
                let place = violation.pointer.isEmpty ? "example body" : "example body at \(violation.pointer)"
                findings.append(LintFinding(
                    at: location, "\(place) does not match envelope '\(envelope.name.value)': \(violation.message)",
                    notes: [Diagnostic.Note("schema defined here", at: schema.location)]))
            }
        }
    }

    /// The location of the value at `pointer`, or of its closest ancestor that was written out.
    static func nearestLocation(of pointer: String, in locations: [String: SourceLocation]) -> SourceLocation? {
        var path = pointer
        while true {
            if let location = locations[path] { return location }
            guard let slash = path.lastIndex(of: "/") else { return nil }
            path = String(path[..<slash])
        }
    }
}
