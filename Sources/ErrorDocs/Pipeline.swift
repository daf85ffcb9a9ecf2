import ErrorDocsModel
import Foundation

/// load → lint → render → write. Each step is one call; the build stops before rendering when
/// the catalog or the theme has an error, so a bad catalog never touches the output.
public enum Pipeline {
    public struct LintReport: Sendable {
        public var catalog: Catalog
        /// Sorted by file, line and column.
        public var diagnostics: [Diagnostic]
    }

    public struct BuildReport: Sendable {
        public var diagnostics: [Diagnostic]
        /// Empty when the build failed.
        public var files: [SiteFile]
        public var errorCount: Int
    }

    /// Loads and lints the catalog in `directory`. Throws only for problems that stop the tool
    /// (no such folder, unreadable file); content problems are diagnostics.
    public static func lint(_ directory: String) throws -> LintReport {
        let loaded = try CatalogLoader(directory: directory).load()
        var diagnostics = loaded.diagnostics
        // Rules also run when some values failed to load (they skip what is missing), so one
        // run reports everything; but without catalog.yaml every family would look unknown.
        if loaded.settingsParsed {
            diagnostics += Linter().lint(loaded.catalog)
        }
        return LintReport(catalog: loaded.catalog, diagnostics: diagnostics.sortedByLocation())
    }

    /// Lints, renders with the built-in theme overlaid by `templates`, and writes to `output`.
    /// `progress` is called from any thread with the pages rendered so far and the total.
    public static func build(_ directory: String, templates: String?, into output: inout some SiteOutput,
                             progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> BuildReport {
        let report = try lint(directory)
        guard !report.diagnostics.hasErrors else {
            return BuildReport(diagnostics: report.diagnostics, files: [], errorCount: report.catalog.errors.count)
        }
        let (theme, themeProblems) = try Theme.load(overlay: templates)
        let diagnostics = report.diagnostics + themeProblems.sortedByLocation()
        guard let theme else {
            return BuildReport(diagnostics: diagnostics, files: [], errorCount: report.catalog.errors.count)
        }
        let (files, templateProblems) = try SiteRenderer(catalog: report.catalog, theme: theme).render(progress: progress)
        guard templateProblems.isEmpty else {
            return BuildReport(diagnostics: diagnostics + templateProblems, files: [], errorCount: report.catalog.errors.count)
        }
        try output.replace(with: files)
        return BuildReport(diagnostics: diagnostics, files: files, errorCount: report.catalog.errors.count)
    }
}
