import ErrorDocs
import ErrorDocsModel
import Foundation

/// What the preview server shows: the files of the last good build, and the problems of the
/// latest build when it failed.
struct PreviewSnapshot: Sendable {
    /// By path relative to the site's top, such as `errors/rate_limited/index.html`.
    var files: [String: Data] = [:]
    var hasGoodBuild = false
    /// One line per diagnostic of the latest build when it failed; empty when it succeeded.
    var problems: [String] = []
    /// Counts builds; open pages reload when it changes.
    var version = 0
    /// Where the site is served, as on its host: the path of `base_url`, such as `/docs/`.
    var hostPath = "/"
}

/// The snapshot shared by the watcher thread and the request handlers.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot = PreviewSnapshot()
    private var stopped = false

    var current: PreviewSnapshot { lock.withLock { snapshot } }

    var isStopped: Bool {
        get { lock.withLock { stopped } }
        set { lock.withLock { stopped = newValue } }
    }

    func update(_ change: (inout PreviewSnapshot) -> Void) {
        lock.withLock { change(&snapshot) }
    }
}

/// Runs the normal pipeline into memory, keeping the last good output so that each rebuild
/// renders only the pages an edit affects.
struct PreviewBuilder: Sendable {
    enum Outcome {
        /// `hostPath` is nil when the build found nothing changed.
        case built(files: [String: Data], hostPath: String?, diagnostics: [Diagnostic])
        case failed(problems: [String])
    }

    let catalog: String
    let templates: String?
    /// The default Templates/ beside the catalog: used once it exists, so a theme added while
    /// the preview runs (`errdocs init --templates`) takes effect without a restart.
    let templatesMayBeMissing: Bool
    private let output = OutputBox()

    init(catalog: String, templates: String?, templatesMayBeMissing: Bool = false) {
        self.catalog = catalog
        self.templates = templates
        self.templatesMayBeMissing = templatesMayBeMissing
    }

    func build() -> Outcome {
        var output = self.output.value
        let report: Pipeline.BuildReport
        var isFolder: ObjCBool = false
        let theme = templates.flatMap { path in
            !templatesMayBeMissing || (FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue) ? path : nil
        }
        do {
            report = try Pipeline.build(catalog, templates: theme, into: &output)
        } catch {
            return .failed(problems: ["error: \(error)"])
        }
        self.output.value = output
        guard report.succeeded else {
            let lines = report.diagnostics.flatMap { $0.description.split(separator: "\n").map(String.init) }
            return .failed(problems: lines.isEmpty ? ["error: the build failed without a diagnostic"] : lines)
        }
        return .built(files: output.files.mapValues(\.contents), hostPath: report.hostPath, diagnostics: report.diagnostics)
    }

    /// The output of the last good build; builds run one at a time, on the watcher's thread.
    private final class OutputBox: @unchecked Sendable {
        private let lock = NSLock()
        private var output = MemoryOutput()
        var value: MemoryOutput {
            get { lock.withLock { output } }
            set { lock.withLock { output = newValue } }
        }
    }

    /// Builds and publishes the result: new files when it worked, problems beside the last good
    /// files when it did not. Returns the lines to show on standard error.
    func rebuild(into state: PreviewState) -> [String] {
        let started = Date()
        let outcome = build()
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        switch outcome {
        case .built(let files, let hostPath, let diagnostics):
            state.update {
                $0.files = files
                $0.hostPath = hostPath ?? $0.hostPath
                $0.hasGoodBuild = true
                $0.problems = []
                $0.version += 1
            }
            let warnings = diagnostics.count { $0.severity == .warning }
            let summary = "built \(files.count) files in \(seconds) s" + (warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"))" : "")
            return diagnostics.map(\.description) + [summary]
        case .failed(let problems):
            var servingOld = false
            state.update {
                $0.problems = problems
                $0.version += 1
                servingOld = $0.hasGoodBuild
            }
            let summary = "build failed in \(seconds) s; " + (servingOld ? "still serving the last good build" : "no good build to serve yet")
            return problems + [summary]
        }
    }
}
