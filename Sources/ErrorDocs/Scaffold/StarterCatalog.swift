/// The catalog `errdocs init` writes: small, lint-clean, and showing each part of the format once.
public enum StarterCatalog {
    /// Files by path relative to the catalog folder.
    /// - Parameter name: one line of text (the caller refuses an empty name or a line break),
    ///   written as a JSON string, which is also a YAML double-quoted one: "a: b #c" stays text.
    public static func files(name: String) -> [(path: String, text: String)] {
        let slug = name.lowercased().filter { $0.isLetter || $0.isNumber }
        let host = slug.isEmpty ? "example" : slug
        return [
            ("catalog.yaml", """
            # The settings of the whole catalog. Format: docs/catalog-format.md in the errdocs repository.
            name: \(JSONWriter.quote(name))
            version: "0.1.0"
            description: |
              Every error \(name.hasSuffix("API") ? "the \(name)" : "the \(name) API") returns, with what it means and what to do about it.
            base_url: https://docs.\(host).example/
            doc_url: https://docs.\(host).example/errors/{code}
            languages: [python, javascript, shell]
            envelopes:
              standard:
                title: Standard error
                default: true
                description: Every error response of the API has this shape.
                code_field: error
                doc_url_field: doc_url
                schema:
                  type: object
                  required: [error, message, doc_url]
                  additionalProperties: false
                  properties:
                    error: {type: string}
                    message: {type: string}
                    doc_url: {type: string, pattern: "^https://"}
            families:
              - id: validation
                title: Validation
                summary: The request is malformed or breaks a rule of the API.
                handling: Fix the request before sending it again; retrying it unchanged fails the same way.
                statuses: [400, 422]
                retry: {policy: after_fix}
              - id: rate_limit
                title: Rate limit
                summary: The client sent more requests than its plan allows.
                handling: Wait for the time in the `Retry-After` header, then retry.
                statuses: [429]
                retry: {policy: retry_after, max_attempts: 5, initial_delay: 1s, max_delay: 60s, jitter: true}

            """),
            ("errors/validation/missing_field.yaml", """
            code: missing_field
            title: Missing required field
            status: 400
            family: validation
            summary: A field the endpoint requires is absent from the request body.
            meaning: |
              The request reached the API but could not be processed because a required field
              was missing. Nothing was created or changed.
            causes:
              - The client built the body without the field, often after a refactor.
              - The field name is misspelt, so the API does not recognise it.
            example:
              status: 400
              body:
                error: missing_field
                message: "The field 'to' is required."
                doc_url: https://docs.\(host).example/errors/missing_field
            quick_fix:
              - Read the `message` to see which field is missing.
              - Add the field and send the request again.
            related: [rate_limited]

            """),
            ("errors/rate_limit/rate_limited.yaml", """
            code: rate_limited
            title: Rate limit exceeded
            status: 429
            family: rate_limit
            summary: Too many requests in the current window; wait for Retry-After, then retry.
            meaning: |
              The client has used up its request allowance for the current window.
            causes:
              - A burst of requests, such as a batch job without throttling.
            example:
              status: 429
              headers: {Retry-After: "30"}
              body:
                error: rate_limited
                message: Too many requests. Try again in 30 seconds.
                doc_url: https://docs.\(host).example/errors/rate_limited
            quick_fix:
              - Wait the number of seconds in the `Retry-After` header, then retry.
            recovery:
              - language: python
                title: Honour Retry-After
                code: |
                  import time

                  import requests


                  def send(url, payload, attempts=5):
                      for attempt in range(attempts):
                          response = requests.post(url, json=payload, timeout=10)
                          if response.status_code != 429:
                              return response
                          time.sleep(int(response.headers.get("Retry-After", 2 ** attempt)))
                      return response
            headers:
              - name: Retry-After
                description: Seconds to wait before retrying.
            related: [missing_field]

            """),
        ]
    }
}
