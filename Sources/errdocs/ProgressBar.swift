import Foundation

/// A one-line progress bar on standard error, redrawn at most ten times a second, for
/// terminals only: `Rendering [########------------]  1200/2000 pages  3.1 s`.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false
    private let label: String

    init(_ label: String) {
        self.label = label
    }

    /// A bar when standard error is a terminal, else nil (plain summaries only).
    static func onTerminal(_ label: String) -> ProgressBar? {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb" ? ProgressBar(label) : nil
    }

    func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDrawn) >= 0.1, total > 0 else { return }
        lastDrawn = now
        drawn = true
        let width = 24
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = String(format: "\r%@ [%@] %6d/%d pages %6.1f s", label, bar, done, total, now.timeIntervalSince(started))
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the bar so the summary line starts clean.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
