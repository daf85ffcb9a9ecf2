import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `errdocs serve` as an author uses it: a running server, real HTTP requests, and edits to the
/// catalog while it runs.
@Suite(.serialized) struct ServeCommandTests {
    @Test func servesTheSiteAndFollowsEdits() async throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let server = try Server.start(["serve", "Content", "--port", "0"], in: scratch)
        defer { server.terminate() }
        let base = try #require(server.url, "no 'serving' line; stderr: \(server.log)")
        #expect(base.hasPrefix("http://127.0.0.1:"), "listens on loopback by default")

        let home = try await get(base)
        #expect(home.status == 200)
        #expect(home.body.contains("Mailvane"))
        #expect(home.contentType == "text/html; charset=utf-8")
        #expect(home.body.contains("/__errdocs/version"), "the reload script is added")
        #expect(try await get(base + "errors/rate_limited/").status == 200)
        #expect(try await get(base + "assets/style.css").contentType.hasPrefix("text/css"))
        #expect(try await get(base + "markdown/index.md").contentType == "text/markdown; charset=utf-8")
        #expect(try await get(base + "nope").status == 404)

        let catalogFile = try String(contentsOf: scratch.appendingPathComponent("Content/catalog.yaml"), encoding: .utf8)
        let secretLine = "base_url: https://docs.mailvane.dev/"
        #expect(catalogFile.contains(secretLine))
        for path in ["../catalog.yaml", "%2e%2e/catalog.yaml", "errors/%2E%2E/%2e%2e/catalog.yaml", "..%2fcatalog.yaml", "%2e%2e%2fContent%2fcatalog.yaml"] {
            let reply = try await get(base + path)
            #expect(reply.status == 404, "\(path)")
            #expect(!reply.body.contains(secretLine), "\(path) must not reach the file system")
        }

        // Edit a cause, as an author does while writing: visible on reload within a second
        // (the watcher polls every 0.1 s, and the rebuild renders only the pages it affects).
        // The median of three edits, so that one stall of a busy machine does not decide.
        let versionBefore = try await get(base + "__errdocs/version").body
        let file = scratch.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        var withCause = original
        var delays: [TimeInterval] = []
        for _ in 0..<3 {
            let cause = "A burst \(UUID().uuidString.prefix(8)) of sends"
            withCause = original.replacingOccurrences(of: "  - A burst of sends", with: "  - \(cause)")
            #expect(withCause != original)
            try withCause.write(to: file, atomically: false, encoding: .utf8)
            delays.append(try await waitFor(timeout: 10) { try await get(base + "errors/rate_limited/").body.contains(cause) })
        }
        let median = delays.sorted()[1]
        print("serve: edited causes were served \(delays.map { String(format: "%.3f", $0) }) s after the write")
        #expect(median < 1, "edits showed after \(delays) s; stderr: \(server.log)")

        // Edit a title, which every page's navigation may show: all pages are rebuilt.
        let title = "Slow down \(UUID().uuidString.prefix(8))"
        let edited = withCause.replacingOccurrences(of: "title: Rate limit exceeded\n", with: "title: \(title)\n")
        #expect(edited != withCause)
        try edited.write(to: file, atomically: false, encoding: .utf8)
        let delay = try await waitFor(timeout: 10) { try await get(base + "errors/rate_limited/").body.contains(title) }
        print("serve: the edited title was served \(String(format: "%.3f", delay)) s after the write")
        #expect(try await get(base + "__errdocs/version").body != versionBefore)

        // Break it: a banner lists the problems, escaped, above the last good page.
        try edited.replacingOccurrences(of: "\nstatus: 429\n", with: "\nstatus: 4290\n").write(to: file, atomically: false, encoding: .utf8)
        _ = try await waitFor(timeout: 10) { try await get(base + "errors/rate_limited/").body.contains("errdocs-serve-errors") }
        let broken = try await get(base + "errors/rate_limited/")
        #expect(broken.status == 200)
        #expect(broken.body.contains("rate_limited.yaml:5:9: error: HTTP status 4290 is outside 100–599 [status-range]"))
        #expect(broken.body.contains("family &#39;rate_quota&#39; statuses"), "diagnostics are HTML-escaped")
        #expect(!broken.body.contains("family 'rate_quota' statuses"))
        #expect(broken.body.contains(title), "the last good build is still served")
        #expect(try await get(base).body.contains("[status-range]"), "every page shows the banner")
        #expect(server.log.contains("[status-range]"), "diagnostics also go to stderr")

        // Fix it: the banner goes.
        try edited.write(to: file, atomically: false, encoding: .utf8)
        _ = try await waitFor(timeout: 10) { try await !get(base + "errors/rate_limited/").body.contains("errdocs-serve-errors") }

        #expect(server.interrupt() == 0, "Ctrl-C stops it cleanly; stderr: \(server.log)")
    }

    @Test func aPortInUseIsAnErrorNamingThePort() async throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = try Server.start(["serve", "Content", "--port", "0"], in: scratch)
        defer { first.terminate() }
        let url = try #require(first.url, "stderr: \(first.log)")
        let port = try #require(url.split(separator: ":").last?.split(separator: "/").first.map(String.init))
        let second = try Tool.run(["serve", "Content", "--port", port], in: scratch)
        #expect(second.status == 2)
        #expect(second.stderr.contains("port \(port)") && second.stderr.contains("already in use"), "\(second.stderr)")
        #expect(!second.stderr.contains("built"), "the port is checked before the first build: \(second.stderr)")
    }

    @Test func aTemplatesFolderAddedWhileServingIsUsedAndAMissingOneIsAnError() async throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let missing = try Tool.run(["serve", "Content", "--port", "0", "--templates", "Themes/nosuch"], in: scratch)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: Themes/nosuch: no such templates folder\n", "\(missing.stderr)")

        let server = try Server.start(["serve", "Content", "--port", "0"], in: scratch)
        defer { server.terminate() }
        let base = try #require(server.url, "stderr: \(server.log)")
        // HEAD gives the length of the body GET would send.
        var head = URLRequest(url: try #require(URL(string: base + "registry.json")))
        head.httpMethod = "HEAD"
        let (_, response) = try await Self.session.data(for: head)
        let length = try await get(base + "registry.json").body.utf8.count
        #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Length") == String(length))

        let layout = try String(contentsOf: Tool.repository.appendingPathComponent("Templates/layout.mustache"), encoding: .utf8)
        #expect(layout.contains("<title>"))
        let templates = scratch.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try layout.replacingOccurrences(of: "<title>", with: "<title>Preview · ").write(
            to: templates.appendingPathComponent("layout.mustache"), atomically: true, encoding: .utf8)
        _ = try await waitFor(timeout: 10) { try await get(base).body.contains("<title>Preview · ") }
    }

    /// A site whose base_url has a path is served at that path, as its host will: the 404 page's
    /// links (which start at that path) and the printed address work in the preview.
    @Test func aSiteIsServedAtThePathOfItsBaseURL() async throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let catalogFile = scratch.appendingPathComponent("Content/catalog.yaml")
        let settings = try String(contentsOf: catalogFile, encoding: .utf8)
        let moved = settings.replacingOccurrences(of: "base_url: https://docs.mailvane.dev/\n", with: "base_url: https://mailvane.dev/docs/v2\n")
        #expect(moved != settings)
        try moved.write(to: catalogFile, atomically: true, encoding: .utf8)

        let server = try Server.start(["serve", "Content", "--port", "0"], in: scratch)
        defer { server.terminate() }
        let site = try #require(server.url, "stderr: \(server.log)")
        try #require(site.hasSuffix("/docs/v2/"), "the printed address is the site's: \(site)")
        let origin = String(site.dropLast("docs/v2/".count))

        let home = try await get(site)
        #expect(home.status == 200 && home.body.contains("Mailvane"))
        // (Checked without following: FoundationNetworking drops the slash of a relative Location.)
        for start in [origin, origin + "docs/v2"] {
            let (_, response) = try await Self.notFollowing.data(from: try #require(URL(string: start)))
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 302 && http.value(forHTTPHeaderField: "Location") == "/docs/v2/", "\(start) leads to the site")
        }
        #expect(try await get(site + "errors/rate_limited/").status == 200)
        #expect(try await get(origin + "errors/rate_limited/").status == 404, "nothing is served outside the site's path")

        let missing = try await get(site + "errors/nope/")
        #expect(missing.status == 404)
        let stylesheet = try #require(missing.body.firstMatch(of: /href="([^"]*style\.css)"/).map { String($0.1) })
        #expect(stylesheet.hasPrefix("/docs/v2/"), "\(stylesheet)")
        let css = try await get(origin + stylesheet.dropFirst())
        #expect(css.status == 200 && css.contentType.hasPrefix("text/css"), "the 404 page's stylesheet loads")
        #expect(server.interrupt() == 0, "stderr: \(server.log)")
    }

    struct Reply {
        var status: Int
        var contentType: String
        var body: String
    }

    private func get(_ address: String) async throws -> Reply {
        let url = try #require(URL(string: address))
        let (data, response) = try await Self.session.data(for: URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData))
        let http = try #require(response as? HTTPURLResponse)
        return Reply(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                     body: String(decoding: data, as: UTF8.self))
    }

    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    /// A session that reports redirects instead of following them.
    private static let notFollowing = URLSession(configuration: .ephemeral, delegate: RedirectRefuser(), delegateQueue: nil)

    private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    /// Polls every 50 ms until `condition` holds; returns the seconds it took.
    private func waitFor(timeout: TimeInterval, _ condition: () async throws -> Bool) async throws -> TimeInterval {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if try await condition() { return Date().timeIntervalSince(start) }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("condition not met within \(timeout) s")
        return timeout
    }
}

/// A running `errdocs serve`, its URL read from the first line of its standard output.
private final class Server {
    let process: Process
    let url: String?
    let logFile: URL

    private init(process: Process, url: String?, logFile: URL) {
        self.process = process
        self.url = url
        self.logFile = logFile
    }

    static func start(_ arguments: [String], in folder: URL) throws -> Server {
        let process = Process()
        process.executableURL = Tool.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let logFile = folder.appendingPathComponent("serve-\(UUID().uuidString).log")
        try Data().write(to: logFile)
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: logFile)
        try process.run()
        let line = firstLine(of: out.fileHandleForReading, timeout: 60)
        let url = line.flatMap { $0.range(of: " at http://") }.flatMap { range -> String? in
            let rest = line![range.upperBound...]
            return rest.split(separator: " ").first.map { "http://" + $0 }
        }
        return Server(process: process, url: url, logFile: logFile)
    }

    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Sends SIGINT and returns the exit status (-1 when it did not stop within 5 seconds).
    func interrupt() -> Int32 {
        process.interrupt()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? -1 : process.terminationStatus
    }

    func terminate() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    private static func firstLine(of handle: FileHandle, timeout: TimeInterval) -> String? {
        let result = LineBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            result.set(String(decoding: data, as: UTF8.self))
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return result.get()?.split(separator: "\n").first.map(String.init)
    }
}

private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var line: String?

    func set(_ value: String) { lock.withLock { line = value } }
    func get() -> String? { lock.withLock { line } }
}
