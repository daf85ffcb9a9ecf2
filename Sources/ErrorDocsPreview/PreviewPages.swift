import ErrorDocs
import Foundation

/// A response before it is turned into HTTP.
struct PreviewResponse: Equatable {
    var status: Int
    var contentType: String
    var body: Data
    var location: String? = nil
}

/// Answers a request from the snapshot alone: URL paths are only ever keys into the built
/// files, never file-system paths.
enum PreviewPages {
    static let versionPath = "/__errdocs/version"

    /// `rawPath` is the request target's path, still percent-encoded.
    static func respond(to rawPath: String, from snapshot: PreviewSnapshot) -> PreviewResponse {
        if rawPath == versionPath {
            return PreviewResponse(status: 200, contentType: "text/plain; charset=utf-8", body: Data("\(snapshot.version)".utf8))
        }
        guard snapshot.hasGoodBuild else {
            return PreviewResponse(status: 503, contentType: contentType(for: "html"), body: page(errorsOnly: snapshot))
        }
        // The site is where its host has it, at the path of base_url, such as /docs/.
        let host = snapshot.hostPath
        guard rawPath.hasPrefix(host) else {
            // The server's root, or the site's root without its slash: go to the site. Not a
            // permanent redirect, which browsers remember: base_url may change while serving.
            if rawPath == "/" || rawPath + "/" == host {
                return PreviewResponse(status: 302, contentType: "text/plain; charset=utf-8", body: Data(), location: host)
            }
            return notFound(snapshot)
        }
        guard let key = siteKey(for: "/" + rawPath.dropFirst(host.count)) else { return notFound(snapshot) }
        if let contents = snapshot.files[key] {
            return PreviewResponse(status: 200, contentType: contentType(for: key), body: decorate(contents, path: key, snapshot))
        }
        // A folder asked for without its slash: redirect, so the page's relative links work.
        if !key.hasSuffix("index.html"), snapshot.files[key + "/index.html"] != nil {
            return PreviewResponse(status: 301, contentType: "text/plain; charset=utf-8", body: Data(), location: rawPath + "/")
        }
        return notFound(snapshot)
    }

    /// The built file a path names, or nil when it cannot name one (`..`, `.`, bad escapes).
    static func siteKey(for rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for segment in segments where segment == "." || segment == ".." || segment.contains("\\") || segment.contains("\0") {
            return nil
        }
        let joined = segments.joined(separator: "/")
        if joined.isEmpty { return "index.html" }
        return decoded.hasSuffix("/") ? joined + "/index.html" : joined
    }

    static func contentType(for path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "ico": "image/x-icon"
        case "woff2": "font/woff2"
        default: "application/octet-stream"
        }
    }

    private static func notFound(_ snapshot: PreviewSnapshot) -> PreviewResponse {
        let html: Data
        if let page = snapshot.files["404.html"] {
            // Its links start at the site's root (or are relative to it, without a base_url),
            // wherever the missing path was.
            let base = "<base href=\"\(escape(snapshot.hostPath))\">"
            html = Data(inserting(base, afterOpening: "<head", in: String(decoding: page, as: UTF8.self)).utf8)
        } else {
            html = Data("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>Not found.</p></body></html>\n".utf8)
        }
        return PreviewResponse(status: 404, contentType: contentType(for: "html"), body: decorate(html, path: "404.html", snapshot))
    }

    /// HTML gets the error banner (when the latest build failed) and the reload script;
    /// everything else goes out exactly as built.
    static func decorate(_ contents: Data, path: String, _ snapshot: PreviewSnapshot) -> Data {
        guard path.hasSuffix(".html") else { return contents }
        var html = String(decoding: contents, as: UTF8.self)
        if !snapshot.problems.isEmpty {
            html = inserting(banner(snapshot.problems, servingOld: true), afterOpening: "<body", in: html)
        }
        html = inserting(reloadScript(version: snapshot.version), before: "</body>", in: html)
        return Data(html.utf8)
    }

    private static func page(errorsOnly snapshot: PreviewSnapshot) -> Data {
        let html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed · errdocs serve</title></head><body>\n"
            + banner(snapshot.problems, servingOld: false)
            + reloadScript(version: snapshot.version) + "</body></html>\n"
        return Data(html.utf8)
    }

    static func banner(_ problems: [String], servingOld: Bool) -> String {
        let errors = problems.count { $0.contains(": error: ") }
        let heading = "The catalog does not build"
            + (errors > 0 ? " (\(errors) error\(errors == 1 ? "" : "s"))" : "")
            + (servingOld ? "; below is the last good build." : ".")
        return """
            <div id="errdocs-serve-errors" role="alert" style="position:sticky;top:0;z-index:2147483647;margin:0;padding:12px 16px;\
            background:#fff0f0;color:#5c0000;border-bottom:3px solid #c00;font:14px/1.4 system-ui,sans-serif;text-align:left">
            <strong>errdocs serve: \(escape(heading))</strong>
            <pre style="margin:8px 0 0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace;color:inherit;background:none">\
            \(problems.map(escape).joined(separator: "\n"))</pre>
            </div>

            """
    }

    static func reloadScript(version: Int) -> String {
        """
        <script>/* errdocs serve: reloads this page after the next build */
        (function () {
          var built = "\(version)";
          function check() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (response) { return response.text(); })
              .then(function (now) { if (now.trim() !== built) { location.reload(); } else { setTimeout(check, 250); } })
              .catch(function () { setTimeout(check, 1000); });
          }
          setTimeout(check, 250);
        })();
        </script>

        """
    }

    static func escape(_ text: String) -> String { escapeMarkup(text) }

    /// Inserts `text` just after the tag that starts with `opening` (such as `<body`), or at
    /// the start when there is no such tag.
    static func inserting(_ text: String, afterOpening opening: String, in html: String) -> String {
        guard let start = html.range(of: opening, options: .caseInsensitive),
              let end = html[start.upperBound...].firstIndex(of: ">") else {
            return text + html
        }
        var result = html
        result.insert(contentsOf: "\n" + text, at: result.index(after: end))
        return result
    }

    /// Inserts `text` just before the last `closing` tag, or at the end when there is none.
    static func inserting(_ text: String, before closing: String, in html: String) -> String {
        guard let range = html.range(of: closing, options: [.caseInsensitive, .backwards]) else {
            return html + text
        }
        var result = html
        result.insert(contentsOf: text, at: range.lowerBound)
        return result
    }
}
