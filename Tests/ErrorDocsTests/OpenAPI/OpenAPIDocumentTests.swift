@testable import ErrorDocs
import Foundation
import Testing

/// `errdocs openapi`: the document built for the golden catalog, the Problem Details fixture and
/// small inline catalogs. scripts/check-openapi.sh validates real output with openapi-spec-validator.
@Suite struct OpenAPIDocumentTests {
    static let golden = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/golden").path
    static let problemJSON = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/problem-json").path

    /// The document of the catalog in `directory`, parsed back from its JSON.
    private func document(_ directory: String) throws -> [String: Any] {
        let report = try Pipeline.openAPI(from: directory)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let data = try #require(report.document)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func object(_ value: Any?, _ path: String...) -> [String: Any] {
        var current = value
        for key in path { current = (current as? [String: Any])?[key] }
        return current as? [String: Any] ?? [:]
    }

    @Test func infoAndTopLevelOfTheGoldenCatalog() throws {
        let document = try document(Self.golden)
        #expect(document["openapi"] as? String == "3.1.0")
        #expect(object(document, "info")["title"] as? String == "Golden Mail errors")
        #expect(object(document, "info")["version"] as? String == "2.1.0")
        #expect(object(document, "paths").isEmpty && document["paths"] != nil)
        #expect(document["jsonSchemaDialect"] == nil)
        #expect(Set(object(document, "components", "schemas").keys) == ["standard"])
    }

    @Test func oneResponsePerHTTPErrorWithContentHeadersAndMetadata() throws {
        let document = try document(Self.golden)
        let responses = object(document, "components", "responses")
        #expect(Set(responses.keys) == ["rate_limited", "quota_exceeded"], "SMTP replies and events have no response")

        let rateLimited = object(responses, "rate_limited")
        let expected = try #require(try summary(of: "rate_limited"))
        #expect(rateLimited["description"] as? String == "Rate limit exceeded: \(expected)")
        let json = object(rateLimited, "content", "application/json")
        #expect(object(json, "schema")["$ref"] as? String == "#/components/schemas/standard")
        #expect(object(json, "example")["error"] as? String == "rate_limited")
        #expect(object(rateLimited, "headers", "Retry-After")["description"] as? String == "Seconds to wait before retrying.")
        #expect(object(rateLimited, "headers", "Retry-After", "schema")["type"] as? String == "string")

        let metadata = object(rateLimited, "x-errdocs")
        #expect(metadata["code"] as? String == "rate_limited")
        #expect(metadata["status"] as? Int == 429)
        #expect(metadata["family"] as? String == "rate_limit")
        #expect(metadata["doc_url"] as? String == "https://docs.golden.example/errors/rate_limited")
        #expect(metadata["deprecated"] as? Bool == false)
        #expect(object(metadata, "retry")["policy"] as? String == "retry_after")
        #expect(object(metadata, "retry")["retryable"] as? Bool == true)

        let deprecated = object(responses, "quota_exceeded", "x-errdocs")
        #expect(deprecated["deprecated"] as? Bool == true)
        #expect(deprecated["replaced_by"] as? String == "rate_limited")
    }

    /// The golden catalog's summary of `code`, read through the loader.
    private func summary(of code: String) throws -> String? {
        try Pipeline.lint(Self.golden).catalog.error(code)?.summary?.value
    }

    @Test func theCodeFieldListsTheCodesOfItsEnvelope() throws {
        let document = try document(Self.golden)
        let property = object(document, "components", "schemas", "standard", "properties", "error")
        #expect(property["enum"] as? [String] == ["quota_exceeded", "rate_limited"])
        #expect(property["type"] as? String == "string", "the catalog's own keywords stay")
    }

    @Test func errorCodesListEverySurfaceAndRemovedCodes() throws {
        let codes = object(try document(Self.golden), "x-error-codes")
        #expect(Set(codes.keys) == ["rate_limited", "quota_exceeded", "smtp_user_unknown", "template_render_failed", "sender_rejected"])
        let http = object(codes, "rate_limited")
        #expect(http["status"] as? Int == 429 && http["retryable"] as? Bool == true)
        #expect(http["response"] as? String == "#/components/responses/rate_limited")
        let smtp = object(codes, "smtp_user_unknown")
        #expect(object(smtp, "smtp")["reply"] as? Int == 550 && smtp["status"] == nil && smtp["response"] == nil)
        #expect(smtp["family"] as? String == "smtp_permanent" && smtp["retryable"] as? Bool == false)
        #expect(object(codes, "template_render_failed")["event"] as? String == "dropped")
        let removed = object(codes, "sender_rejected")
        #expect(removed["removed"] as? Bool == true && removed["replaced_by"] as? String == "rate_limited")
        #expect(removed["doc_url"] as? String == "https://docs.golden.example/errors/sender_rejected")
    }

    @Test func problemDetailsExamplesCarryTheDocURLAsType() throws {
        let document = try document(Self.problemJSON)
        let responses = object(document, "components", "responses")
        #expect(Set(responses.keys) == ["billing.card_declined", "rate_limited"], "dots are kept in keys")
        for code in ["billing.card_declined", "rate_limited"] {
            let content = object(responses, code, "content", "application/problem+json")
            #expect(object(content, "schema")["$ref"] as? String == "#/components/schemas/problem")
            #expect(object(content, "example")["type"] as? String == "https://docs.problem.example/errors/\(code)", "\(code)")
            #expect(object(content, "example")["code"] as? String == code)
        }
        #expect(object(document, "x-error-codes", "card_expired")["removed"] as? Bool == true)
        #expect(object(document, "x-error-codes", "payout.failed")["event"] as? String == "payout.failed")
    }

    @Test func examplesPickTheirEnvelopeElseTheDefault() throws {
        let settings = TemporaryCatalog.settings(replacing: "families:\n", with: """
              legacy:
                description: The old error body.
                content_type: application/vnd.legacy+json
                code_field: kind
                schema:
                  type: object
                  required: [kind]
                  properties:
                    kind: {type: string}
              bare:
                description: A body without a code field.
                schema: {type: object}
            families:

            """)
        let legacy = TemporaryCatalog.error("old_style", status: 422, replacing: """
              body:
                error: old_style
                message: Something is wrong.
            """, with: """
              envelope: legacy
              body:
                kind: old_style
            """)
        let catalog = try TemporaryCatalog([
            "catalog.yaml": settings,
            "errors/a.yaml": TemporaryCatalog.error("bad_request"),
            "errors/b.yaml": legacy,
        ])
        defer { catalog.remove() }
        let document = try document(catalog.root.path)
        let schemas = object(document, "components", "schemas")
        #expect(Set(schemas.keys) == ["standard", "legacy", "bare"])
        #expect(object(schemas, "standard", "properties", "error")["enum"] as? [String] == ["bad_request"])
        #expect(object(schemas, "legacy", "properties", "kind")["enum"] as? [String] == ["old_style"])
        #expect(object(schemas, "bare")["properties"] == nil, "an envelope without code_field is left as written")
        let oldStyle = object(document, "components", "responses", "old_style", "content")
        #expect(Array(oldStyle.keys) == ["application/vnd.legacy+json"])
        #expect(object(oldStyle, "application/vnd.legacy+json", "schema")["$ref"] as? String == "#/components/schemas/legacy")
        #expect(object(document, "components", "responses", "bad_request", "content", "application/json", "example")["type"] == nil,
                "only Problem Details examples get a type")
    }

    @Test func sameBytesOnEveryRunAndNothingForABrokenCatalog() throws {
        let first = try Pipeline.openAPI(from: Self.golden).document
        let second = try Pipeline.openAPI(from: Self.golden).document
        #expect(first != nil && first == second)
        #expect(first?.last == UInt8(ascii: "\n"))

        let broken = try TemporaryCatalog(["errors/a.yaml": TemporaryCatalog.error("BadRequest")])
        defer { broken.remove() }
        let report = try Pipeline.openAPI(from: broken.root.path)
        #expect(report.diagnostics.hasErrors && report.document == nil)
    }

    @Test func componentKeysKeepValidCharactersOnly() {
        #expect(OpenAPIDocument.componentKey("smtp.user_unknown") == "smtp.user_unknown")
        #expect(OpenAPIDocument.componentKey("rate-limited") == "rate-limited")
        #expect(OpenAPIDocument.componentKey("bad code/é") == "bad_code__")
        #expect(OpenAPIDocument.componentKey("") == "_")
        #expect(OpenAPIDocument.isProblemDetails("Application/Problem+JSON; charset=utf-8"))
        #expect(!OpenAPIDocument.isProblemDetails("application/json"))
    }
}
