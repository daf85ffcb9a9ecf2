import ErrorDocsModel
import Foundation

extension ViewBuilder {
    func indexView() -> IndexView {
        let path = paths.index
        let name = settings.name?.value ?? ""
        let envelopes = settings.envelopes.map { envelope in
            IndexView.Envelope(
                name: envelope.name.value, anchor: "envelope-" + htmlID(envelope.name.value),
                title: envelope.title?.value ?? envelope.name.value,
                contentType: envelope.contentType?.value ?? Envelope.defaultContentType,
                description: text(envelope.description?.value ?? "", root: ""),
                schema: envelope.schema.map { JSONWriter.pretty($0.value) } ?? "")
        }
        return IndexView(
            page: page(path: path, title: "\(name) error reference", description: "Every error \(name) returns, grouped by family, with causes, fixes and retry advice."),
            description: settings.description.map { text($0.value, root: "") }, errorCount: errors.count,
            statusClasses: statusClasses(),
            families: settings.families.map { familySection($0, root: "") }, envelopes: envelopes)
    }

    /// Classes in order: HTTP, then SMTP, then events.
    private func statusClasses() -> [IndexView.StatusClass] {
        let present: Set<String> = Set(errors.map(SearchIndex.statusClass))
        let sorted: [String] = present.sorted { first, second in
            let a = first == "event" ? "~" : first, b = second == "event" ? "~" : second
            return a < b
        }
        return sorted.map { IndexView.StatusClass(value: $0, label: SearchIndex.statusClassLabel($0)) }
    }

    private func familySection(_ family: Family, root: String) -> FamilySection {
        let rows = rows(errors(in: family), root: root)
        return FamilySection(
            id: family.id.value, anchor: "family-" + htmlID(family.id.value),
            title: family.title?.value ?? family.id.value, summary: family.summary?.value ?? "",
            link: root + paths.family(family.id.value), errors: rows, count: rows.count)
    }

    func familyView(_ family: Family) -> FamilyView {
        let path = paths.family(family.id.value)
        let root = SitePaths.root(of: path)
        let title = family.title?.value ?? family.id.value
        let members = errors(in: family)
        // A family of SMTP replies (or of events) retries messages, not requests.
        let surfaces = Set(members.map(\.effectiveSurface))
        return FamilyView(
            page: page(path: path, title: "\(title) errors", description: family.summary?.value ?? "",
                       currentFamily: family.id.value, source: catalog.files.first),
            id: family.id.value, title: title, summary: family.summary?.value ?? "",
            description: family.description.map { text($0.value, root: root) }, handling: text(family.handling?.value ?? "", root: root),
            statuses: family.statuses.isEmpty ? nil : family.statuses.map { String($0.value) }.joined(separator: ", "), retry: retry(family.retry, surface: surfaces.count == 1 ? surfaces.first! : .response),
            errors: rows(members, root: root))
    }

    /// One row per status a family lists, in status order, as in the seeds' playbook.
    func statusPlaybookView() -> StatusPlaybookView {
        let path = paths.statusCodes
        let root = SitePaths.root(of: path)
        var rows: [StatusPlaybookView.Row] = []
        for family in settings.families {
            for status in family.statuses {
                let triggers = self.rows(errors(in: family).filter { $0.status?.value == status.value }, root: root)
                rows.append(StatusPlaybookView.Row(
                    status: status.value, anchor: "status-\(status.value)", statusText: HTTPStatusText.phrase(status.value),
                    familyTitle: family.title?.value ?? family.id.value, familyLink: root + paths.family(family.id.value),
                    meaning: family.summary?.value ?? "", triggers: triggers, handling: text(family.handling?.value ?? "", root: root)))
            }
        }
        rows.sort { ($0.status, $0.familyTitle) < ($1.status, $1.familyTitle) }
        return StatusPlaybookView(
            page: page(path: path, title: "Status code playbook",
                       description: "What each HTTP status means, what triggers it and how to handle it."),
            rows: rows)
    }

    /// Retry classification: statuses that share the same advice are merged into one row.
    func retryTableView() -> RetryTableView {
        let path = paths.retries
        let root = SitePaths.root(of: path)
        func rows(_ surface: ErrorDefinition.Surface, key: (ErrorDefinition) -> (sort: Int, label: String)) -> [RetryTableView.Row] {
            var grouped: [(answer: String, how: String, keys: [(Int, String)], errors: [ErrorDefinition])] = []
            let sorted = errors.filter { $0.effectiveSurface == surface }.sorted(byKey: { key($0).sort })
            for error in sorted {
                let policy = catalog.effectiveRetry(of: error)
                let answer = policy.map(RetryDescription.answer) ?? "No"
                let how = policy.map { RetryDescription.how($0, surface: surface) } ?? ""
                let errorKey = key(error)
                if let index = grouped.firstIndex(where: { $0.answer == answer && $0.how == how }) {
                    if !grouped[index].keys.contains(where: { $0.1 == errorKey.label }) { grouped[index].keys.append(errorKey) }
                    grouped[index].errors.append(error)
                } else {
                    grouped.append((answer, how, [errorKey], [error]))
                }
            }
            return grouped.map {
                RetryTableView.Row(statuses: $0.keys.map(\.1).joined(separator: ", "), answer: $0.answer, how: $0.how, errors: self.rows($0.errors, root: root))
            }
        }
        let http = rows(.response) { ($0.status?.value ?? 0, String($0.status?.value ?? 0)) }
        let smtp = rows(.smtp) { error in
            let reply = error.smtp?.reply?.value ?? 0, enhanced = error.smtp?.enhanced?.value ?? ""
            // By reply, then by the enhanced code's subject and detail as numbers (5.1.1 before 5.1.10).
            let parts = enhanced.split(separator: ".").dropFirst().map { min(Int($0) ?? 0, 999) }
            let sort = reply * 1_000_000 + (parts.first ?? 0) * 1000 + (parts.dropFirst().first ?? 0)
            return (sort, "\(reply) \(enhanced)")
        }
        let events = rows(.event) { (0, $0.event?.value ?? "") }
        let sections = [
            RetryTableView.Section(id: "http", anchor: "http", title: "HTTP responses", keyHeading: "Status", rows: http),
            RetryTableView.Section(id: "smtp", anchor: "smtp", title: "SMTP replies", keyHeading: "Reply", rows: smtp),
            RetryTableView.Section(id: "events", anchor: "events", title: "Events", keyHeading: "Event", rows: events),
        ]
        return RetryTableView(
            page: page(path: path, title: "Retry classification", description: "Which errors to retry, and how."),
            sections: sections.filter { !$0.rows.isEmpty })
    }

    func removedView(_ removed: RemovedError) -> RemovedView {
        let code = removed.code.value
        let path = paths.error(code)
        let root = SitePaths.root(of: path)
        let title = removed.title?.value ?? code
        return RemovedView(
            page: page(path: path, title: "\(title) (removed)", description: "\(code) was removed\(removed.since.map { " in version \($0.value)" } ?? "").",
                       source: catalog.files.first),
            code: code, title: title, since: removed.since?.value, reason: text(removed.reason?.value ?? "", root: root),
            replacement: removed.replacedBy.flatMap { definition(ofCode: $0.value) }.map { relatedLink($0, root: root) },
            docURL: settings.docURL(for: code) ?? "", docURLMarkdown: markdownURL(settings.docURL(for: code) ?? ""))
    }

    /// `404.html`, at the site root, for hosts that serve it for missing pages: at any address,
    /// such as `/errors/nope/`, so its links start at the root of `base_url`'s path
    /// (`/assets/style.css`).
    func notFoundView() -> NotFoundView {
        var page = page(path: "404.html", title: "Page not found", description: "This page does not exist.",
                        root: SitePaths.hostPath(settings))
        page.twinLink = nil
        page.canonical = nil
        return NotFoundView(page: page)
    }

    /// - Parameter takenIDs: the ids the guide template's page has besides the headings'.
    func guideView(_ guide: Guide, takenIDs: Set<String>) -> GuideView {
        let path = paths.guide(guide.slug)
        let firstParagraph = guide.body.value.split(separator: "\n\n").first { !$0.hasPrefix("#") }.map(String.init) ?? guide.title
        return GuideView(
            page: page(path: path, title: guide.title, description: String(firstParagraph.prefix(200)), source: guide.location.file),
            title: guide.title, body: text(guide.body.value, root: SitePaths.root(of: path), headings: HeadingSlugs(taken: takenIDs)))
    }
}
