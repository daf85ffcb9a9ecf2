import ErrorDocsModel
import Testing

@Suite struct RetryAfterHeaderTests {
    static let rule = "retry-after-header"

    @Test func anOwnRetryAfterPolicyWithoutTheHeaderIsReportedAtThePolicy() throws {
        let extra = """
            retry: {policy: retry_after, max_attempts: 3}
            headers:
              - {name: X-RateLimit-Limit, description: Requests per minute.}
            """
        let file = TemporaryCatalog.error("too_many", status: 429, family: "rate_limit", extra: extra)
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:16:17 [\(Self.rule)]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "the policy is retry_after, so 'headers' must document Retry-After")
        #expect(found.first?.notes.isEmpty == true)
    }

    @Test func aPolicyInheritedFromTheFamilyIsReportedAtTheStatusWithANoteAtTheFamilyPolicy() throws {
        let file = TemporaryCatalog.error("too_many", status: 429, family: "rate_limit")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:3:9 [\(Self.rule)]"])
        #expect(found.first?.message == "the policy is retry_after (from family 'rate_limit'), so 'headers' must document Retry-After")
        #expect(found.first?.notes.map { "\($0.location)" } == ["catalog.yaml:33:21"])
        #expect(found.first?.notes.first?.message == "family policy set here")
    }

    @Test(arguments: ["Retry-After", "retry-after", "RETRY-AFTER"])
    func theHeaderNameIsMatchedWithoutRegardToCase(name: String) throws {
        let extra = "headers:\n  - {name: \(name), description: Seconds to wait.}"
        let file = TemporaryCatalog.error("too_many", status: 429, family: "rate_limit", extra: extra)
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func otherPoliciesNeedNoHeader() throws {
        let found = try lint([
            "errors/a.yaml": TemporaryCatalog.error(),
            "errors/b.yaml": TemporaryCatalog.error("unavailable", status: 503, family: "server"),
            "errors/c.yaml": TemporaryCatalog.error("too_many", status: 429, family: "rate_limit", extra: "retry: {policy: backoff}"),
        ]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }

    @Test func anEventInARetryAfterFamilyIsNotChecked() throws {
        let file = """
            code: throttled.event
            title: Throttled
            surface: event
            event: throttled
            family: rate_limit
            summary: Delivery was throttled.
            meaning: The receiving side asked us to slow down.
            causes: [Too many messages.]
            quick_fix: [Wait.]
            """
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.isEmpty, "\(found)")
    }
}
