import ErrorDocsModel
import Foundation

extension OpenAPIDocument {
    /// Builds the document of a catalog without lint errors; missing values become empty.
    init(_ catalog: Catalog) {
        let settings = catalog.settings
        info = Info(
            title: (settings.name?.value ?? "") + " errors", version: settings.version?.value ?? "",
            description: settings.description?.value)

        var responses: [String: Response] = [:]
        var codesByEnvelope: [String: [String]] = [:]
        for error in catalog.errors {
            guard let code = error.code?.value, let status = Self.httpStatus(of: error) else { continue }
            let envelope = Self.envelope(of: error, in: settings)
            if let envelope { codesByEnvelope[envelope.name.value, default: []].append(code) }
            responses[Self.componentKey(code)] = Self.response(error, code: code, status: status, envelope: envelope, in: catalog)
        }
        var schemas: [String: EncodableJSON] = [:]
        for envelope in settings.envelopes {
            let codes = (codesByEnvelope[envelope.name.value] ?? []).sorted()
            schemas[Self.componentKey(envelope.name.value)] = EncodableJSON(Self.schema(of: envelope, codes: codes))
        }
        components = Components(schemas: schemas, responses: responses)
        errorCodes = Self.errorCodes(catalog)
    }

    /// The HTTP status of an error met in an HTTP response; nil for SMTP replies and events.
    static func httpStatus(of error: ErrorDefinition) -> Int? {
        error.effectiveSurface == .response ? error.status?.value : nil
    }

    /// The envelope named by the error's example, else the catalog's default envelope.
    static func envelope(of error: ErrorDefinition, in settings: CatalogSettings) -> Envelope? {
        if let example = error.example { return settings.envelope(of: example) }
        return settings.defaultEnvelope
    }

    static func responsePointer(_ code: String) -> String {
        "#/components/responses/" + componentKey(code)
    }

    /// The envelope's JSON Schema, with an `enum` of `codes` on its `code_field` property.
    static func schema(of envelope: Envelope, codes: [String]) -> JSONValue {
        let schema = envelope.schema?.value ?? .object([])
        guard let field = envelope.codeField?.value, !codes.isEmpty else { return schema }
        let properties = schema["properties"] ?? .object([])
        let property = (properties[field] ?? .object([])).setting("enum", to: .array(codes.map(JSONValue.string)))
        return schema.setting("properties", to: properties.setting(field, to: property))
    }

    private static func response(_ error: ErrorDefinition, code: String, status: Int, envelope: Envelope?, in catalog: Catalog) -> Response {
        let settings = catalog.settings
        let docURL = settings.docURL(for: code) ?? ""
        var content: [String: MediaType] = [:]
        if let envelope {
            let contentType = envelope.contentType?.value ?? Envelope.defaultContentType
            var example = error.example?.body?.value
            if isProblemDetails(contentType), !docURL.isEmpty {
                example = example?.setting("type", to: .string(docURL))
            }
            content[contentType] = MediaType(
                schema: Reference(ref: "#/components/schemas/" + componentKey(envelope.name.value)),
                example: example.map(EncodableJSON.init))
        }
        var headers: [String: Header] = [:]
        for header in error.headers {
            guard let name = header.name?.value else { continue }
            headers[name] = Header(description: header.description?.value)
        }
        let title = error.title?.value ?? code
        let summary = error.summary?.value ?? ""
        return Response(
            description: summary.isEmpty ? title : "\(title): \(summary)",
            headers: headers.isEmpty ? nil : headers,
            content: content,
            errdocs: Metadata(
                code: code, status: status, family: error.family?.value ?? "",
                retry: Registry.retry(catalog.effectiveRetry(of: error)), doc_url: docURL,
                deprecated: error.deprecated != nil, replaced_by: error.deprecated?.replacedBy?.value))
    }

    private static func errorCodes(_ catalog: Catalog) -> [String: CodeEntry] {
        let settings = catalog.settings
        var entries: [String: CodeEntry] = [:]
        for error in catalog.errors {
            guard let code = error.code?.value else { continue }
            let surface = error.effectiveSurface
            entries[code] = CodeEntry(
                title: error.title?.value, surface: surface.rawValue,
                status: surface == .response ? error.status?.value : nil,
                smtp: surface == .smtp ? error.smtp.map { Registry.SMTP(reply: $0.reply?.value ?? 0, enhanced: $0.enhanced?.value ?? "") } : nil,
                event: surface == .event ? error.event?.value : nil,
                family: error.family?.value ?? "",
                retryable: catalog.effectiveRetry(of: error)?.kind.value.isRetryable ?? false,
                doc_url: settings.docURL(for: code) ?? "",
                response: httpStatus(of: error) == nil ? nil : responsePointer(code),
                deprecated: error.deprecated == nil ? nil : true,
                replaced_by: error.deprecated?.replacedBy?.value)
        }
        for removed in settings.removed where entries[removed.code.value] == nil {
            let code = removed.code.value
            entries[code] = CodeEntry(
                title: removed.title?.value, doc_url: settings.docURL(for: code) ?? "", removed: true,
                replaced_by: removed.replacedBy?.value)
        }
        return entries
    }
}

fileprivate extension JSONValue {
    /// This object with member `key` set to `value` (replaced in place, or appended); a value
    /// that is not an object becomes an object holding only that member.
    func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard case .object(var members) = self else { return .object([Member(key, value)]) }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].value = value
        } else {
            members.append(Member(key, value))
        }
        return .object(members)
    }
}
