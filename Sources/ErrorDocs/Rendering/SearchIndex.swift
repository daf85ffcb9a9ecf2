import ErrorDocsModel
import Foundation

/// `assets/search-index.js`: what the index page's search and filters look through, loaded
/// only when the reader first uses them. A script rather than JSON because browsers refuse
/// `fetch()` from `file://`. One array per error, in code order, fields named by `fields`.
enum SearchIndex {
    static let path = "assets/search-index.js"
    static let fields = ["code", "title", "summary", "status", "smtp", "event", "family", "statusClass", "retryable", "deprecated", "link"]

    /// The script, handed to `append` a megabyte at a time.
    static func script(_ views: ViewBuilder, into append: (Data) throws -> Void) throws {
        let catalog = views.catalog
        func row(_ error: ErrorDefinition) -> JSONValue {
            let code = error.code?.value ?? ""
            let status: String
            switch error.effectiveSurface {
            case .response: status = error.status.map { String($0.value) } ?? ""
            case .smtp: status = error.smtp?.reply.map { String($0.value) } ?? ""
            case .event: status = ""
            }
            return .array([
                .string(code), .string(error.title?.value ?? code), .string(error.summary?.value ?? ""),
                .string(status), .string(error.smtp?.enhanced?.value ?? ""), .string(error.event?.value ?? ""),
                .string(error.family?.value ?? ""), .string(statusClass(error)),
                .bool(catalog.effectiveRetry(of: error)?.kind.value.isRetryable ?? false),
                .bool(error.deprecated != nil), .string(views.paths.error(code)),
            ])
        }
        // `{"fields":[…],"errors":[…]}` as JSONWriter.compact writes it, an error at a time.
        var chunks = Chunks()
        let fields = JSONWriter.compact(.array(Self.fields.map(JSONValue.string)))
        var text = "window.errdocsSearchIndex = {\"fields\":\(fields),\"errors\":["
        for (position, error) in views.errors.enumerated() {
            if position > 0 { text += "," }
            text += JSONWriter.compact(row(error))
            try chunks.add(text, to: append)
            text = ""
        }
        try chunks.add(text + "]};\n", to: append)
        try chunks.finish(to: append)
    }

    /// `HTTP 4xx`, `SMTP 5xx (permanent)`, `Events`: how the status filter shows a class.
    static func statusClassLabel(_ value: String) -> String {
        switch value {
        case "event": return "Events"
        case "smtp-4xx": return "SMTP 4xx (temporary)"
        case "smtp-5xx": return "SMTP 5xx (permanent)"
        default: return value.replacingOccurrences(of: "http-", with: "HTTP ").replacingOccurrences(of: "smtp-", with: "SMTP ")
        }
    }

    /// `http-4xx`, `http-5xx`, `smtp-4xx`, `smtp-5xx` or `event`: the index's status filter.
    static func statusClass(_ error: ErrorDefinition) -> String {
        switch error.effectiveSurface {
        case .response: return "http-\((error.status?.value ?? 0) / 100)xx"
        case .smtp: return "smtp-\((error.smtp?.reply?.value ?? 0) / 100)xx"
        case .event: return "event"
        }
    }
}
