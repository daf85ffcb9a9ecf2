import ErrorDocsModel
import Testing

@Suite struct RetryPolicyMatchesStatusTests {
    static let rule = "retry-policy-matches-status"

    @Test func a400WithBackoffIsReportedAtThePolicyWithANoteAtTheStatus() throws {
        let file = TemporaryCatalog.error(extra: "retry: {policy: backoff}")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:16:17 [\(Self.rule)]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "status 400 fails the same way on retry, so the policy must be after_fix or never, not backoff")
        #expect(found.first?.notes.map { "\($0.location)" } == ["errors/x.yaml:3:9"])
    }

    @Test func a429WithBackoffMustUseRetryAfter() throws {
        let file = TemporaryCatalog.error("too_many", status: 429, family: "rate_limit", extra: "retry: {policy: backoff}")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:16:17 [\(Self.rule)]"])
        #expect(found.first?.message.contains("must be retry_after, not backoff") == true)
    }

    @Test func a503WithNeverIsReportedAsTransient() throws {
        let file = TemporaryCatalog.error("unavailable", status: 503, family: "server", extra: "retry: {policy: never}")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:16:17 [\(Self.rule)]"])
        #expect(found.first?.message == "status 503 is transient, so the policy must be backoff or retry_after, not never")
    }

    @Test func anInheritedFamilyPolicyIsReportedAtTheStatusWithANoteAtTheFamilyPolicy() throws {
        // Family 'validation' defaults to after_fix, which cannot fit a 503.
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error(status: 503)]).with(rule: Self.rule)
        #expect(found.positions == ["errors/x.yaml:3:9 [\(Self.rule)]"])
        #expect(found.first?.message.contains("the policy comes from family 'validation'") == true)
        #expect(found.first?.notes.map { "\($0.location)" } == ["catalog.yaml:27:21"])
        #expect(found.first?.notes.first?.message == "family policy set here")
    }

    @Test func aFamilyPolicyIsCheckedAgainstEveryStatusTheFamilyLists() throws {
        let settings = TemporaryCatalog.settings(
            replacing: "retry: {policy: backoff, max_attempts: 3", with: "retry: {policy: never, max_attempts: 3")
        let found = try lint(["catalog.yaml": settings]).with(rule: Self.rule)
        #expect(found.positions == ["catalog.yaml:39:21 [\(Self.rule)]", "catalog.yaml:39:21 [\(Self.rule)]"])
        #expect(found.flatMap(\.notes).map { "\($0.location)" }.sorted() == ["catalog.yaml:38:16", "catalog.yaml:38:21"])
        #expect(found.allSatisfy { $0.message.hasPrefix("family 'server': ") })
    }

    @Test(arguments: [
        (400, "validation", "never"), (422, "validation", "after_fix"), (429, "rate_limit", "retry_after"),
        (503, "server", "backoff"), (500, "server", "retry_after"),
    ])
    func policiesThatFitTheStatusPass(status: Int, family: String, policy: String) throws {
        let file = TemporaryCatalog.error("fits", status: status, family: family, extra: "retry: {policy: \(policy)}")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.isEmpty)
    }

    @Test func statusesWithoutAnOpinionAcceptAnyPolicy() throws {
        let file = TemporaryCatalog.error("teapot", status: 418, extra: "retry: {policy: backoff}")
        let found = try lint(["errors/x.yaml": file]).with(rule: Self.rule)
        #expect(found.isEmpty)
    }

    @Test func theDefaultCatalogFamiliesPass() throws {
        let found = try lint(["errors/x.yaml": TemporaryCatalog.error()]).with(rule: Self.rule)
        #expect(found.isEmpty)
    }
}
