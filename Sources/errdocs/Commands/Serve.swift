import ArgumentParser
import ErrorDocsPreview
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the documentation site in a browser while you edit the catalog.",
        discussion: """
            Builds the catalog in memory and serves the site at http://127.0.0.1:8000/ (followed \
            by the path of base_url, as on the real host, such as /docs/). About \
            ten times a second it looks for changed files in the catalog folder (and the \
            templates folder); after a change it rebuilds, and open pages reload themselves.

            When a build fails, every page shows the problems (file:line:col, as 'errdocs lint' \
            reports them) in a banner above the last good build, and they are printed to \
            standard error. Nothing is written to disk: Site/ stays as it is.

            This is a preview for authors, not a web server for production: it listens on the \
            loopback address unless --host says otherwise, and adds a reload script to every \
            page. Publish with 'errdocs build' instead. Stop it with Ctrl-C.
            """
    )

    @OptionGroup var location: CatalogLocation

    @Option(name: .long, help: ArgumentHelp("Port to listen on; 0 picks a free one.", valueName: "N"))
    var port: Int = 8000

    @Option(name: .long, help: ArgumentHelp("Address to listen on. Anything but 127.0.0.1 or ::1 makes the preview reachable from other machines.", valueName: "H"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Theme folder overriding the built-in templates. (default: Templates beside the catalog, if present)", valueName: "DIR"))
    var templates: String?

    func validate() throws {
        try requireNonEmpty(templates, "--templates")
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535 (0 picks a free port), not \(port).")
        }
    }

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.directory, isDirectory: &isFolder), isFolder.boolValue else {
            printError("error: no catalog folder at \(location.directory) (create one with 'errdocs init')")
            throw ExitCode(2)
        }
        // A --templates folder must exist, as for build; the default one beside the catalog is
        // watched, and used from the moment it exists.
        if let templates, !(FileManager.default.fileExists(atPath: templates, isDirectory: &isFolder) && isFolder.boolValue) {
            printError("error: \(templates): no such templates folder")
            throw ExitCode(2)
        }
        let server = PreviewServer(catalog: location.directory, templates: templates ?? location.sibling("Templates"),
                                   templatesMayBeMissing: templates == nil, host: host, port: port, log: printError)
        let directory = location.directory
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host)
        let outcome = runUntilSignal {
            try await server.run { address in
                if !loopback {
                    printError("warning: listening on \(server.host): other machines may be able to reach this preview")
                }
                let line = "serving \(directory) at \(address) (Ctrl-C to stop)\n"
                writeOutput(Data(line.utf8), flush: true)
            }
        }
        switch outcome {
        case .stopped:
            printError("stopped")
        case .failed(let failure as PreviewServer.Failure):
            printError("error: \(failure)")
            throw ExitCode(2)
        case .failed(let error):
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}

private enum Outcome {
    case stopped
    case failed(any Error)
}

/// Runs `work` on the concurrency pool while this thread waits; SIGINT or SIGTERM cancels it.
private func runUntilSignal(_ work: @escaping @Sendable () async throws -> Void) -> Outcome {
    let finished = DispatchSemaphore(value: 0)
    let result = LockedBox<(any Error)?>(nil)
    let task = Task.detached {
        do {
            try await work()
        } catch {
            result.value = error
        }
        finished.signal()
    }
    let sources = [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
            task.cancel()
            // Should a connection hold the server up, do not wait for it.
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { finished.signal() }
        }
        source.resume()
        return source
    }
    finished.wait()
    sources.forEach { $0.cancel() }
    if task.isCancelled { return .stopped }
    if let error = result.value, !(error is CancellationError) { return .failed(error) }
    return .stopped
}

private final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
