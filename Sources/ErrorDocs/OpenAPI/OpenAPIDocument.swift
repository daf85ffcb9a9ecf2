import ErrorDocsModel
import Foundation

/// An OpenAPI 3.1 document holding only a catalog's error components, for API specs to `$ref`:
/// one schema per envelope, one response per HTTP error, and `x-error-codes` listing every code
/// (including SMTP replies, events and removed codes). docs/openapi.md describes the shape.
struct OpenAPIDocument: Encodable {
    static let version = "3.1.0"
    static let problemContentType = "application/problem+json"

    struct Info: Encodable {
        var title: String
        var version: String
        var description: String?
    }

    struct Components: Encodable {
        var schemas: [String: EncodableJSON]
        var responses: [String: Response]
    }

    struct Response: Encodable {
        var description: String
        var headers: [String: Header]?
        var content: [String: MediaType]
        var errdocs: Metadata

        enum CodingKeys: String, CodingKey {
            case description, headers, content
            case errdocs = "x-errdocs"
        }
    }

    struct Header: Encodable {
        struct StringSchema: Encodable {
            var type = "string"
        }

        var description: String?
        var schema = StringSchema()
    }

    struct MediaType: Encodable {
        var schema: Reference
        var example: EncodableJSON?
    }

    struct Reference: Encodable {
        var ref: String

        enum CodingKeys: String, CodingKey {
            case ref = "$ref"
        }
    }

    /// `x-errdocs` of a response.
    struct Metadata: Encodable {
        var code: String
        var status: Int
        var family: String
        var retry: Registry.Retry
        var doc_url: String
        var deprecated: Bool
        var replaced_by: String?
    }

    /// One entry of `x-error-codes`, keyed by code.
    struct CodeEntry: Encodable {
        var title: String?
        var surface: String?
        var status: Int?
        var smtp: Registry.SMTP?
        var event: String?
        var family: String?
        var retryable: Bool?
        var doc_url: String
        /// JSON Pointer of the error's response in this document, for HTTP errors.
        var response: String?
        var deprecated: Bool?
        var removed: Bool?
        var replaced_by: String?
    }

    var openapi = Self.version
    var info: Info
    /// Empty: the document only holds components (allowed since OpenAPI 3.1).
    var paths: [String: String] = [:]
    var components: Components
    var errorCodes: [String: CodeEntry]

    enum CodingKeys: String, CodingKey {
        case openapi, info, paths, components
        case errorCodes = "x-error-codes"
    }

    /// A component name OpenAPI accepts (`^[a-zA-Z0-9._-]+$`): other characters become `_`.
    static func componentKey(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        let key = String(name.map { allowed.contains($0) ? $0 : "_" })
        return key.isEmpty ? "_" : key
    }

    /// Whether bodies of this content type are RFC 9457 Problem Details (parameters ignored).
    static func isProblemDetails(_ contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map(String.init) ?? contentType
        return type.trimmingCharacters(in: .whitespaces).lowercased() == problemContentType
    }

    /// Pretty-printed, keys sorted, slashes unescaped, newline at the end: the same bytes for
    /// the same catalog on every run.
    func encoded() throws -> Data {
        try sortedJSON(self)
    }
}
