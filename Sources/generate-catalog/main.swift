import Foundation

// generate-catalog COUNT FOLDER
//
// Writes a synthetic, deterministic, lint-clean catalog of COUNT errors into FOLDER, for the
// benchmarks: every field filled, about 2 KB of YAML per error, three recovery snippets each.
// Errors refer to each other as real catalogs do: related errors, links between pages in their
// Markdown, every tenth error deprecated in favour of its neighbour, one removed error per
// hundred (replaced by a live one), and three guides that link to errors. The same COUNT always
// gives the same bytes.

let arguments = CommandLine.arguments
guard arguments.count == 3, let count = Int(arguments[1]), count > 0 else {
    FileHandle.standardError.write(Data("usage: generate-catalog COUNT FOLDER\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[2])

/// A small deterministic generator (SplitMix64), so output never depends on the platform.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

struct FamilySpec {
    var id: String, title: String, status: Int, policy: String
}

let families = [
    FamilySpec(id: "validation", title: "Validation", status: 400, policy: "{policy: after_fix}"),
    FamilySpec(id: "auth", title: "Authentication", status: 401, policy: "{policy: after_fix}"),
    FamilySpec(id: "policy", title: "Policy", status: 403, policy: "{policy: after_fix}"),
    FamilySpec(id: "not_found", title: "Not found", status: 404, policy: "{policy: never}"),
    FamilySpec(id: "conflict", title: "Conflict", status: 409, policy: "{policy: after_fix}"),
    FamilySpec(id: "rate_quota", title: "Rate and quota", status: 429,
               policy: "{policy: retry_after, max_attempts: 5, initial_delay: 1s, max_delay: 60s, jitter: true}"),
    FamilySpec(id: "server", title: "Server", status: 500,
               policy: "{policy: backoff, max_attempts: 3, initial_delay: 2s, max_delay: 30s, jitter: true}"),
    FamilySpec(id: "unavailable", title: "Unavailable", status: 503,
               policy: "{policy: backoff, max_attempts: 4, initial_delay: 5s, max_delay: 2m, jitter: true}"),
]
let nouns = ["message", "template", "domain", "webhook", "api_key", "recipient", "attachment", "batch", "segment", "sender",
             "campaign", "list", "contact", "image", "event", "workspace", "invoice", "schedule", "header", "token"]
let problems = ["invalid", "missing", "expired", "locked", "duplicated", "oversized", "unverified", "suspended", "unknown",
                "malformed", "throttled", "unavailable", "rejected", "stale", "revoked"]

func code(_ index: Int) -> String {
    var random = SplitMix64(state: UInt64(index))
    return "\(random.pick(nouns))_\(random.pick(problems))_\(String(format: "%05d", index))"
}

/// One removed error per hundred, each replaced by a live error.
let removed = stride(from: 50, to: count, by: 100).map { index in """
      - code: legacy_\(code(index))
        title: Legacy \(code(index).replacingOccurrences(of: "_", with: " "))
        since: "0.\(index % 10).0"
        reason: |
          Version 0.\(index % 10).0 merged this check into
          [`\(code(index))`](errors/\(code(index))), which reports the same problem with more detail.
        replaced_by: \(code(index))
    """ }

let catalog = """
    name: Benchmark API
    version: "2.0.0"
    description: A synthetic catalog of \(count) errors for benchmarks.
    base_url: https://docs.bench.example/
    doc_url: https://docs.bench.example/errors/{code}
    languages: [python, javascript, shell]
    envelopes:
      standard:
        default: true
        description: Every error response has this shape.
        code_field: error
        doc_url_field: doc_url
        schema:
          type: object
          required: [success, error, message, doc_url, request_id]
          additionalProperties: false
          properties:
            success: {const: false}
            error: {type: string, pattern: "^[a-z][a-z0-9_.]*$"}
            message: {type: string}
            doc_url: {type: string, pattern: "^https://"}
            request_id: {type: string, pattern: "^req_[A-Za-z0-9]+$"}
    families:
    \(families.map { family in """
      - id: \(family.id)
        title: \(family.title)
        summary: Errors that answer HTTP \(family.status).
        handling: Handle every \(family.status) the same way; see each error for details.
        statuses: [\(family.status)]
        retry: \(family.policy)
    """ }.joined(separator: "\n"))
    \(removed.isEmpty ? "" : "removed:\n" + removed.joined(separator: "\n"))

    """

/// Three guides, each linking to a few errors and to the reference tables.
let guides = [
    ("retries", "Retries", "how long to wait and how often to try again"),
    ("troubleshooting", "Troubleshooting", "how to find the cause of a failed request"),
    ("migration", "Migrating from 0.x", "which codes changed in version 1.0"),
].map { slug, title, topic in
    let examples = (0..<min(count, 20)).map { step in code(step * max(1, count / 20)) }
    let text = """
        # \(title)

        This guide explains \(topic). Every error page says which retry policy applies; the
        [retry table](retries) and the [status codes](status-codes) list them all.

        ## Errors this guide covers

        \(examples.map { "- [`\($0)`](errors/\($0)): read its page for the causes and the fix." }.joined(separator: "\n"))

        ## What to log

        Log the `request_id` of every failed request, the status and the error code. Support can
        find any request from its `request_id`, and the code tells you which page to read.

        """
    return (slug, text)
}

func error(_ index: Int) -> (path: String, text: String) {
    var random = SplitMix64(state: UInt64(index) &* 7919)
    let family = families[index % families.count]
    let name = code(index)
    let words = name.split(separator: "_").dropLast().joined(separator: " ")
    let related = [code((index + 1) % count), code((index + count - 1) % count)].filter { $0 != name }
    let headers = family.status == 429 ? """
        headers:
          - name: Retry-After
            description: Seconds to wait before retrying.
          - name: X-Request-ID
            description: Quote it when you contact support.
        """ : """
        headers:
          - name: X-Request-ID
            description: Quote it when you contact support.
        """
    let retryAfter = family.status == 429 ? "\n    Retry-After: \"30\"" : ""
    // Every tenth error is deprecated in favour of the one before it, which never is.
    let replacement = index % 10 == 9 ? code(index - 1) : nil
    let deprecated = replacement.map { replacement in """
        deprecated:
          since: "1.\(index % 10).0"
          replaced_by: \(replacement)
          note: |
            Version 1.\(index % 10).0 answers [`\(replacement)`](errors/\(replacement)) instead; match
            on both codes while you migrate.

        """ } ?? ""
    let neighbour = code((index + 1) % count)
    let text = """
        code: \(name)
        title: \(words.prefix(1).uppercased() + words.dropFirst()) (\(index))
        status: \(family.status)
        family: \(family.id)
        scope: \(random.pick(["All endpoints", "Sending endpoints", "Management endpoints"]))
        endpoints: ["POST /v1/\(random.pick(nouns))s", "GET /v1/\(random.pick(nouns))s/{id}"]
        summary: The \(words) problem number \(index) stopped the request; nothing was changed.
        since: "1.\(index % 10).0"
        \(deprecated)meaning: |
          The request reached the API, but the \(words) check failed, so the API answered
          \(family.status) and changed nothing. Read `message` for the field involved.

          This is error **\(index)** of a synthetic catalog; its text has the length of a real one.
          A similar check is [`\(neighbour)`](errors/\(neighbour)).
        causes:
          - The client sent a \(random.pick(nouns)) that the API could not accept.
          - A \(random.pick(nouns)) changed between two requests.
          - The integration was written against an older version of the API.
        details: |
          Errors of the \(family.title.lowercased()) family share a handling strategy. Log the
          `request_id` of every failure; support can find the request from it. The
          [retries guide](guides/retries) and the [\(family.title.lowercased()) family](families/\(family.id))
          say more.
        example:
          status: \(family.status)
          headers:
            X-Request-ID: req_\(index)\(retryAfter)
          body:
            success: false
            error: \(name)
            message: The \(words) check failed.
            doc_url: https://docs.bench.example/errors/\(name)
            request_id: req_\(index)
        quick_fix:
          - Read the `message` field of the response.
          - Correct the \(random.pick(nouns)) and send the request again.
          - If it keeps failing, contact support with the `request_id`.
        recovery:
          - language: python
            title: Handle \(name)
            code: |
              def handle(response):
                  body = response.json()
                  if body.get("error") == "\(name)":
                      return {"retry": \(family.status >= 429 ? "True" : "False"), "request_id": body.get("request_id")}
                  return None
          - language: javascript
            title: Handle \(name)
            code: |
              function handle(body) {
                if (body.error === "\(name)") {
                  return { retry: \(family.status >= 429), requestId: body.request_id };
                }
                return null;
              }
          - language: shell
            title: Reproduce with curl
            code: |
              curl -sS -X POST "https://api.bench.example/v1/items" -H "x-api-key: $API_KEY" -d '{}'
        prevention:
          - Validate the \(random.pick(nouns)) on the client before sending it.
          - Keep your integration up to date with the changelog.
        agent_hint: On \(name), read message, fix the request, and retry at most once.
        \(headers)
        related: [\(related.joined(separator: ", "))]

        """
    let shard = String(format: "%03d", index / 100)
    return ("errors/\(family.id)/\(shard)/\(name).yaml", text)
}

do {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(catalog.utf8).write(to: folder.appendingPathComponent("catalog.yaml"))
    let guideFolder = folder.appendingPathComponent("guides")
    try FileManager.default.createDirectory(at: guideFolder, withIntermediateDirectories: true)
    for (slug, text) in guides {
        try Data(text.utf8).write(to: guideFolder.appendingPathComponent("\(slug).md"))
    }
    for index in 0..<count {
        let (path, text) = error(index)
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
} catch {
    FileHandle.standardError.write(Data("generate-catalog: \(error)\n".utf8))
    exit(1)
}
