import FlyingFox
import FlyingSocks
import ErrorDocs
import Foundation

/// `errdocs serve`: builds a catalog in memory, serves it over HTTP, rebuilds when a file
/// changes and makes open pages reload. For previewing only: one process, no TLS, no caching.
public struct PreviewServer: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case portInUse(host: String, port: Int)
        case invalidHost(String)
        case cannotListen(host: String, port: Int, reason: String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                "port \(port) on \(host) is already in use; choose another with --port N, or --port 0 for any free port"
            case .invalidHost(let host):
                "'\(host)' is not an IPv4 or IPv6 address to listen on (use 127.0.0.1, ::1 or 0.0.0.0)"
            case .cannotListen(let host, let port, let reason):
                "cannot listen on \(host) port \(port): \(reason)"
            }
        }
    }

    public let catalog: String
    public let templates: String?
    public let host: String
    public let port: Int
    /// Seconds between two looks at the watched folders.
    public var pollInterval: TimeInterval = 0.1
    /// Receives progress and diagnostics, one line at a time.
    public let log: @Sendable (String) -> Void

    /// True when `templates` is the default folder beside the catalog, used once it exists.
    public let templatesMayBeMissing: Bool

    public init(catalog: String, templates: String?, templatesMayBeMissing: Bool = false, host: String, port: Int,
                log: @escaping @Sendable (String) -> Void) {
        self.catalog = catalog
        self.templates = templates
        self.templatesMayBeMissing = templatesMayBeMissing
        self.host = host == "localhost" ? "127.0.0.1" : host
        self.port = port
        self.log = log
    }

    /// The address to print, with the brackets an IPv6 host needs; `path` is where the site is
    /// (the path of its `base_url`).
    public func url(port: Int, path: String = "/") -> String {
        (host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)") + path
    }

    /// Builds once, then serves until the task is cancelled, calling `listening` with the
    /// site's address (with the bound port, the real one when `port` is 0) once connections are
    /// accepted.
    public func run(listening: @escaping @Sendable (_ address: String) -> Void) async throws {
        guard (0...65535).contains(port) else {
            throw Failure.cannotListen(host: host, port: port, reason: "ports go from 0 to 65535")
        }
        let state = PreviewState()
        let server = try makeServer(handler: PreviewHandler(state: state))
        // Before the first build, which takes a while on a large catalog.
        if port != 0 && !Self.canBind(host: host, port: port) { throw Failure.portInUse(host: host, port: port) }
        let builder = PreviewBuilder(catalog: catalog, templates: templates, templatesMayBeMissing: templatesMayBeMissing)
        let watched = [catalog] + (templates.map { [$0] } ?? [])
        let before = FolderFingerprint(folders: watched)
        builder.rebuild(into: state).forEach(log)
        startWatching(watched, since: before, builder: builder, state: state)
        defer { state.isStopped = true }

        let host = host, port = port, path = state.current.hostPath
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                group.addTask {
                    try await server.waitUntilListening(timeout: 30)
                    guard case let .some(address) = await server.listeningAddress else { return }
                    switch address {
                    case .ip4(_, let bound), .ip6(_, let bound): listening(url(port: Int(bound), path: path))
                    case .unix: listening(url(port: port, path: path))
                    }
                }
                for try await _ in group {}
            }
        } catch let error as SocketError {
            if case .failed(_, let code, let message) = error {
                if code == EADDRINUSE { throw Failure.portInUse(host: host, port: port) }
                throw Failure.cannotListen(host: host, port: port, reason: message)
            }
            throw Failure.cannotListen(host: host, port: port, reason: error.localizedDescription)
        }
    }

    /// Whether a listening socket could be bound to the address now (the server binds it
    /// only once it runs).
    private static func canBind(host: String, port: Int) -> Bool {
        let inet6 = host.contains(":")
        let socket = Glibc.socket(inet6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return true }
        defer { close(socket) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var result: Int32
        if inet6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET6, host, &address.sin6_addr) == 1 else { return true }
            result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return true }
            result = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        return result == 0 || errno != EADDRINUSE
    }

    private func makeServer(handler: PreviewHandler) throws -> HTTPServer {
        let socketPort = UInt16(port)
        do {
            if host.contains(":") {
                return HTTPServer(address: try .inet6(ip6: host, port: socketPort), logger: .disabled, handler: handler)
            }
            return HTTPServer(address: try .inet(ip4: host, port: socketPort), logger: .disabled, handler: handler)
        } catch {
            throw Failure.invalidHost(host)
        }
    }

    /// Polls the folders on a thread of its own, so a slow build never holds up requests.
    private func startWatching(_ folders: [String], since first: FolderFingerprint, builder: PreviewBuilder, state: PreviewState) {
        let interval = pollInterval
        let log = log
        Thread.detachNewThread {
            var last = first
            while !state.isStopped {
                Thread.sleep(forTimeInterval: interval)
                let now = FolderFingerprint(folders: folders)
                guard now != last else { continue }
                last = now
                log("change detected; rebuilding")
                builder.rebuild(into: state).forEach(log)
            }
        }
    }
}

/// Size, modification time and inode of every file below some folders; two differ when a file was
/// added, removed or written. Names starting with a dot (editor swap files, .DS_Store) are
/// left out.
struct FolderFingerprint: Equatable {
    private(set) var entries: [String: FileStamp] = [:]

    init(folders: [String]) {
        for folder in folders {
            for file in FileTree.regularFiles(under: folder) ?? [] {
                entries[folder + "/" + file] = FileStamp(path: folder + "/" + file)
            }
        }
    }
}

/// Routes every request to the snapshot.
struct PreviewHandler: HTTPHandler {
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var headers: HTTPHeaders = [.cacheControl: "no-store"]
        guard request.method == .GET || request.method == .HEAD else {
            headers[HTTPHeader("Allow")] = "GET, HEAD"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        let answer = PreviewPages.respond(to: request.target.path(), from: state.current)
        headers[.contentType] = answer.contentType
        if let location = answer.location {
            // A folder's redirect keeps the query (?x=1) it was asked with.
            let query = request.target.query()
            headers[.location] = query.isEmpty ? location : location + "?" + query
        }
        // HEAD says how long the body of a GET would be.
        headers[.contentLength] = String(answer.body.count)
        let body = request.method == .HEAD ? Data() : answer.body
        return HTTPResponse(statusCode: Self.status(answer.status), headers: headers, body: body)
    }

    private static func status(_ code: Int) -> HTTPStatusCode {
        switch code {
        case 200: .ok
        case 301: .movedPermanently
        case 302: .found
        case 404: .notFound
        case 503: .serviceUnavailable
        default: HTTPStatusCode(code, phrase: "Status \(code)")
        }
    }
}
