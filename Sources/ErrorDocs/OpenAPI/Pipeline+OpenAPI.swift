import ErrorDocsModel
import Foundation

extension Pipeline {
    public struct OpenAPIReport: Sendable {
        public var diagnostics: [Diagnostic]
        /// The OpenAPI document as JSON; nil when the catalog has an error.
        public var document: Data?
        public var errorCount: Int
    }

    /// Lints the catalog in `directory` and, when it has no error, builds its OpenAPI document.
    public static func openAPI(from directory: String) throws -> OpenAPIReport {
        let report = try lint(directory)
        let document = report.diagnostics.hasErrors ? nil : try OpenAPIDocument(report.catalog).encoded()
        return OpenAPIReport(diagnostics: report.diagnostics, document: document, errorCount: report.catalog.errors.count)
    }
}
