import Foundation
import Testing

/// The default catalog expresses every error of the five seed pages in `../shared/seeds/`, with
/// the seed's status and retry classification, as published in the committed `Site/registry.json`.
@Suite struct SeedCoverageTests {
    static let registryURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Site/registry.json")

    struct Entry {
        var code: String
        var status: Int?
        var reply: Int?
        var enhanced: String?
        var event: String?
        var policy: String
        var retryable: Bool
        var maxAttempts: Int?
        var headers: [String]
        var raw: [String: Any]
    }

    static func entries() throws -> [Entry] {
        let data = try Data(contentsOf: registryURL)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let errors = try #require(root["errors"] as? [[String: Any]])
        return errors.map { error in
            let retry = error["retry"] as? [String: Any] ?? [:]
            let smtp = error["smtp"] as? [String: Any]
            return Entry(
                code: error["code"] as? String ?? "", status: error["status"] as? Int, reply: smtp?["reply"] as? Int,
                enhanced: smtp?["enhanced"] as? String, event: error["event"] as? String,
                policy: retry["policy"] as? String ?? "", retryable: retry["retryable"] as? Bool ?? false,
                maxAttempts: retry["max_attempts"] as? Int,
                headers: (error["headers"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }, raw: error)
        }
    }

    @Test func theRegistryHoldsAtLeastFortyErrors() throws {
        #expect(try Self.entries().count >= 40)
    }

    /// Seed 000: the magic-link email failure, with every section the page had.
    @Test func emailDeliveryFailedHasEverySectionOfTheSeedPage() throws {
        let error = try #require(try Self.entries().first { $0.code == "email_delivery_failed" })
        #expect(error.status == 503)
        #expect(error.policy == "backoff" && error.maxAttempts == 3)
        for key in ["scope", "meaning", "causes", "details", "example", "quick_fix", "recovery", "prevention", "related"] {
            #expect(error.raw[key] != nil, "email_delivery_failed lacks \(key)")
        }
        let languages = (error.raw["recovery"] as? [[String: Any]] ?? []).compactMap { $0["language"] as? String }
        #expect(languages.contains("python"))
        #expect((error.raw["related"] as? [String] ?? []).contains("magic_link_email_limit_exceeded"))
    }

    /// Seed 001: SMTP replies with enhanced codes; transient ones are retried, permanent ones not.
    @Test(arguments: [
        (421, "4.7.0", true), (450, "4.7.1", true), (451, "4.4.5", true), (452, "4.2.2", false),
        (550, "5.7.1", false), (550, "5.1.1", false), (550, "5.1.6", false), (550, "5.7.26", false), (554, "5.7.1", false),
    ])
    func smtpReplyIsCatalogued(reply: Int, enhanced: String, retryable: Bool) throws {
        let error = try #require(try Self.entries().first { $0.reply == reply && $0.enhanced == enhanced }, "no SMTP \(reply) \(enhanced)")
        #expect(error.retryable == retryable, "\(error.code)")
    }

    @Test func unknownUserIsNeverRetried() throws {
        let error = try #require(try Self.entries().first { $0.enhanced == "5.1.1" })
        #expect(error.policy == "never")
    }

    /// Seeds 001, 002 and 004: API errors with their statuses; "No" in the retry table means the
    /// policy is not retryable.
    @Test(arguments: [
        ("invalid_api_key", 401, false), ("invalid_recipient", 400, false), ("domain_not_verified", 422, false),
        ("rate_limited", 429, true), ("attachment_too_large", 413, false), ("daily_quota_exceeded", 429, true),
        ("ip_not_warmed", 429, true), ("missing_required_field", 400, false), ("recipient_suppressed", 200, false),
        ("image_gone", 410, false), ("payload_too_large", 413, false), ("validation_failed", 422, false),
        ("jwt_expired", 401, false), ("internal_error", 500, true), ("service_unavailable", 503, true),
        ("email_delivery_failed", 503, true), ("smtp_upstream_error", 502, true),
    ])
    func apiErrorHasTheSeedsStatusAndRetryClassification(code: String, status: Int, retryable: Bool) throws {
        let error = try #require(try Self.entries().first { $0.code == code }, "no \(code)")
        #expect(error.status == status)
        #expect(error.retryable == retryable)
    }

    /// Seeds 002, 003 and 004: every status of their tables has at least one error, classified as
    /// their retry tables say.
    @Test(arguments: [400, 401, 403, 404, 409, 410, 413, 422, 423, 429, 500, 502, 503])
    func everySeedStatusHasAnErrorWithTheSeedsRetryAdvice(status: Int) throws {
        let errors = try Self.entries().filter { $0.status == status }
        #expect(!errors.isEmpty, "no error with status \(status)")
        for error in errors {
            switch status {
            case 429: #expect(error.policy == "retry_after", "\(error.code)")
            case 500: #expect(error.retryable && (2...3).contains(error.maxAttempts ?? 0), "\(error.code): 2–3 attempts")
            case 502, 503: #expect(error.retryable, "\(error.code)")
            default: #expect(!error.retryable, "\(error.code)")
            }
        }
    }

    /// Seed 004: 429 documents the rate-limit headers.
    @Test func rateLimitedListsTheRateLimitHeaders() throws {
        let error = try #require(try Self.entries().first { $0.code == "rate_limited" })
        #expect(Set(error.headers).isSuperset(of: ["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]))
    }

    /// Seed 004: failures after the 202, as events.
    @Test func asynchronousFailuresAreEvents() throws {
        let entries = try Self.entries()
        #expect(entries.contains { $0.event == "dropped" })
        #expect(entries.contains { $0.code.contains("endpoint_disabled") && $0.event != nil })
    }
}
