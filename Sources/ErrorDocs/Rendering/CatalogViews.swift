import ErrorDocsModel

/// One row of an error table: the index, family pages and the status playbook.
struct ErrorRow: Sendable, Encodable {
    var code: String
    var title: String
    var summary: String
    var link: String
    /// `503`, `SMTP 550 5.1.1` or `event: dropped`.
    var statusLabel: String
    var familyTitle: String
    var familyLink: String
    var retryLabel: String
    var retryPolicy: String
    var action: ErrorView.Text?
    var deprecated: Bool
}

/// The rows of an error table, each made only when a template reaches it: a page listing
/// every error of a large catalog would otherwise hold a row (about a kilobyte) per error while
/// it renders. Encodes as the list of rows.
struct ErrorRows: Sendable, Encodable, TemplateListSource {
    let errors: [ErrorDefinition]
    let row: @Sendable (ErrorDefinition) -> ErrorRow

    var count: Int { errors.count }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for error in errors { try container.encode(row(error)) }
    }

    func templateList(log: TemplateLookupLog) -> Any? { TemplateList(items: errors.lazy.map(row), log: log) }
}

struct FamilySection: Sendable, Encodable {
    var id: String
    /// `family-<id>`, the section's HTML id (``htmlID(_:)``).
    var anchor: String
    var title: String
    var summary: String
    var link: String
    var errors: ErrorRows
    var count: Int
}

struct IndexView: Sendable, Encodable {
    struct Envelope: Sendable, Encodable {
        var name: String
        /// `envelope-<name>`, the heading's HTML id (``htmlID(_:)``).
        var anchor: String
        var title: String
        var contentType: String
        var description: ErrorView.Text
        var schema: String
    }

    /// An option of the search's status filter.
    struct StatusClass: Sendable, Encodable {
        var value: String
        var label: String
    }

    var page: PageView
    var description: ErrorView.Text?
    var errorCount: Int
    /// The status classes the catalog's errors fall in, for the search filter.
    var statusClasses: [StatusClass]
    var families: [FamilySection]
    var envelopes: [Envelope]
}

struct FamilyView: Sendable, Encodable {
    var page: PageView
    var id: String
    var title: String
    var summary: String
    var description: ErrorView.Text?
    var handling: ErrorView.Text
    /// `400, 413, 422`, or nil when the family lists no status.
    var statuses: String?
    var retry: ErrorView.Retry
    var errors: ErrorRows
}

struct StatusPlaybookView: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        var status: Int
        /// `status-<status>`, the row's HTML id.
        var anchor: String
        var statusText: String
        var familyTitle: String
        var familyLink: String
        var meaning: String
        var triggers: ErrorRows
        var handling: ErrorView.Text
    }

    var page: PageView
    var rows: [Row]
}

struct RetryTableView: Sendable, Encodable {
    struct Row: Sendable, Encodable {
        /// `400, 401, 403` or `421 4.7.0`.
        var statuses: String
        var answer: String
        var how: String
        var errors: ErrorRows
    }

    /// One table: HTTP responses, SMTP replies or events.
    struct Section: Sendable, Encodable {
        var id: String
        /// The section's HTML id.
        var anchor: String
        var title: String
        /// Heading of the first column: Status, Reply or Event.
        var keyHeading: String
        var rows: [Row]
    }

    var page: PageView
    var sections: [Section]
}

/// The tombstone page of a removed error, at the URL its page had.
struct RemovedView: Sendable, Encodable {
    var page: PageView
    var code: String
    var title: String
    var since: String?
    var reason: ErrorView.Text
    var replacement: ErrorView.Related?
    var docURL: String
    /// `docURL` as a Markdown link (``markdownURL(_:)``).
    var docURLMarkdown: String
}

struct NotFoundView: Sendable, Encodable {
    var page: PageView
}

struct GuideView: Sendable, Encodable {
    var page: PageView
    var title: String
    var body: ErrorView.Text
}
