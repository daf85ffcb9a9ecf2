import ErrorDocsModel
import Foundation

/// The languages `errdocs generate` writes an SDK error module for.
public enum SDKLanguage: String, CaseIterable, Sendable {
    case swift, typescript, python, go

    /// The one file of the module, inside the output folder.
    public var fileName: String {
        switch self {
        case .swift: "ErrorCode.swift"
        case .typescript: "errorCodes.ts"
        case .python: "error_codes.py"
        case .go: "errorcodes.go"
        }
    }
}

/// Renders a catalog's registry as an SDK module: the same bytes for the same catalog.
public enum SDKGenerator {
    public static func files(for language: SDKLanguage, catalog: Catalog) -> [SiteFile] {
        let registry = Registry(catalog)
        let text: String
        switch language {
        case .swift: text = SwiftSDK(registry: registry).render()
        case .typescript: text = TypeScriptSDK(registry: registry).render()
        case .python: text = PythonSDK(registry: registry).render()
        case .go: text = GoSDK(registry: registry).render()
        }
        return [SiteFile(path: language.fileName, contents: Data(text.utf8))]
    }
}

extension Pipeline {
    public struct GenerateReport: Sendable {
        public var diagnostics: [Diagnostic]
        /// Empty when the catalog has an error.
        public var files: [SiteFile]
        public var errorCount: Int
    }

    /// Lints the catalog in `directory` and, when it has no error, renders the SDK module.
    public static func generate(_ language: SDKLanguage, from directory: String) throws -> GenerateReport {
        let report = try lint(directory)
        let files = report.diagnostics.hasErrors ? [] : SDKGenerator.files(for: language, catalog: report.catalog)
        return GenerateReport(diagnostics: report.diagnostics, files: files, errorCount: report.catalog.errors.count)
    }
}
