/// Every kind of change `errdocs diff` reports, each with its class and what it means for the
/// SDKs and clients that read `registry.json`. Modelled on oasdiff and `buf breaking`: the kinds
/// are named and stable, and docs/diff.md lists them (generated from `documentation`).
public enum ChangeKind: String, Sendable, CaseIterable, Codable, Comparable {
    case codeRemoved = "code-removed"
    case statusChanged = "status-changed"
    case surfaceChanged = "surface-changed"
    case retryabilityChanged = "retryability-changed"
    case familyChanged = "family-changed"
    case envelopeRemoved = "envelope-removed"
    case envelopeFieldRemoved = "envelope-field-removed"
    case envelopeFieldTypeChanged = "envelope-field-type-changed"
    case envelopeFormatChanged = "envelope-format-changed"
    case codeAdded = "code-added"
    case codeDeprecated = "code-deprecated"
    case codeRetired = "code-retired"
    case tombstoneRemoved = "tombstone-removed"
    case retryPolicyChanged = "retry-policy-changed"
    case envelopeAdded = "envelope-added"
    case envelopeFieldAdded = "envelope-field-added"
    case docsChanged = "docs-changed"

    public enum Level: String, Sendable, Codable, Comparable {
        case breaking
        case nonBreaking = "non-breaking"
        case docsOnly = "docs-only"

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .breaking ? 0 : self == .nonBreaking ? 1 : 2 }
    }

    public var level: Level {
        switch self {
        case .codeRemoved, .statusChanged, .surfaceChanged, .retryabilityChanged, .familyChanged,
             .envelopeRemoved, .envelopeFieldRemoved, .envelopeFieldTypeChanged, .envelopeFormatChanged:
            return .breaking
        case .codeAdded, .codeDeprecated, .codeRetired, .tombstoneRemoved, .retryPolicyChanged, .envelopeAdded, .envelopeFieldAdded:
            return .nonBreaking
        case .docsChanged:
            return .docsOnly
        }
    }

    /// One sentence for docs/diff.md and `--help`.
    public var documentation: String {
        switch self {
        case .codeRemoved: "An error code disappeared without being listed under `removed:`; clients matching it break and its doc_url stops working."
        case .statusChanged: "The HTTP status, SMTP reply or enhanced code, or event name of an error changed; clients branching on it break."
        case .surfaceChanged: "An error moved between HTTP response, SMTP reply and event; clients look for it in the wrong place."
        case .retryabilityChanged: "An error became retryable or stopped being retryable; generated retry helpers change behaviour."
        case .familyChanged: "An error moved to another family; clients handling errors by family change behaviour."
        case .envelopeRemoved: "A response envelope disappeared; clients parsing it break."
        case .envelopeFieldRemoved: "A property of an envelope's schema disappeared, at any depth (`details[].field`); clients reading it break."
        case .envelopeFieldTypeChanged: "A property of an envelope's schema changed its type (`integer` to `string`, or `null` allowed or no longer); clients decoding it break."
        case .envelopeFormatChanged: "An envelope's content type, or the field that carries the error code or the documentation URL, changed; clients parsing it break."
        case .codeAdded: "A new error code; clients should handle it, but nothing they do breaks."
        case .codeDeprecated: "An error was marked deprecated; it still exists."
        case .codeRetired: "An error was removed and listed under `removed:`, so its doc_url keeps a tombstone page."
        case .tombstoneRemoved: "A code listed under `removed:` is no longer listed: its tombstone page goes, and its doc_url stops working."
        case .retryPolicyChanged: "The retry policy, attempts or delays changed, but retryability did not."
        case .envelopeAdded: "A new response envelope."
        case .envelopeFieldAdded: "A new property in an envelope's schema."
        case .docsChanged: "Only documentation changed (title, summary, meaning, causes, fixes, recovery code, examples…)."
        }
    }

    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool {
        (lhs.level, allCases.firstIndex(of: lhs)!) < (rhs.level, allCases.firstIndex(of: rhs)!)
    }
}
