import ErrorDocsModel
import Foundation

/// Turns a lint-clean catalog into view models, for one output style (HTML or Markdown).
struct ViewBuilder: Sendable {
    /// The catalog's errors arranged for pages: built once per site and shared by both styles,
    /// since a large catalog's errors are worth copying as few times as possible.
    struct ErrorIndex: Sendable {
        /// Sorted by code.
        let errors: [ErrorDefinition]
        /// The positions in `errors` of each family's errors, by family id (positions, since
        /// copying an error's definition costs a retain of each of its fields).
        let byFamily: [String: [Int]]
        /// Position in `errors` by code (the first definition wins), for related errors and
        /// replacements.
        let byCode: [String: Int]
        /// Position in its family's list by code, for the sidebar's window around a page.
        let positionInFamily: [String: Int]

        init(_ catalog: Catalog) {
            let errors = catalog.errors.sorted(byKey: { $0.fields.code?.value ?? "" })
            // The codes' table is made on another thread while the families' are (a rebuild
            // waits for the index after linting).
            let codes = InBackground {
                var byCode: [String: Int] = [:]
                byCode.reserveCapacity(errors.count)
                for position in errors.indices {
                    guard let code = errors[position].fields.code?.value, byCode[code] == nil else { continue }
                    byCode[code] = position
                }
                return byCode
            }
            var byFamily: [String: [Int]] = [:]
            for position in errors.indices { byFamily[errors[position].fields.family?.value ?? "", default: []].append(position) }
            var positionInFamily: [String: Int] = [:]
            positionInFamily.reserveCapacity(errors.count)
            for members in byFamily.values {
                for (position, member) in members.enumerated() {
                    guard let code = errors[member].fields.code?.value, positionInFamily[code] == nil else { continue }
                    positionInFamily[code] = position
                }
            }
            self.errors = errors
            self.byFamily = byFamily
            // The work above cannot throw.
            self.byCode = try! codes.value()
            self.positionInFamily = positionInFamily
        }

        /// Which of a family's `count` errors the sidebar lists on the page of `code`, one of
        /// them: all of a small family, the errors around `code` in a large one.
        func sidebar(count: Int, around code: String?) -> Range<Int> {
            guard count > 2 * PageView.sidebarWindow + 1 else { return 0..<count }
            let position = code.flatMap { positionInFamily[$0] } ?? 0
            let start = max(0, min(position - PageView.sidebarWindow, count - 2 * PageView.sidebarWindow - 1))
            return start..<(start + 2 * PageView.sidebarWindow + 1)
        }
    }

    let catalog: Catalog
    let paths: SitePaths
    let index: ErrorIndex

    init(catalog: Catalog, style: SitePaths.Style, index: ErrorIndex? = nil) {
        self.catalog = catalog
        self.paths = SitePaths(style: style)
        self.index = index ?? ErrorIndex(catalog)
    }

    /// Errors sorted by code; families and guides in the author's order.
    var errors: [ErrorDefinition] { index.errors }

    /// The error defined with `code` (the first, if several are).
    func definition(ofCode code: String) -> ErrorDefinition? {
        index.byCode[code].map { index.errors[$0] }
    }

    var settings: CatalogSettings { catalog.settings }

    // MARK: Text

    /// Markdown from the catalog for a page `root` away from the site root, with internal
    /// links (`errors/rate_limited`) made relative to the page.
    /// - Parameter headings: give the HTML's headings ids, as GitHub gives the Markdown's.
    func text(_ markdown: String, root: String, headings: HeadingSlugs? = nil) -> ErrorView.Text {
        let link = { (destination: String) in internalLink(destination, root: root) }
        switch paths.style {
        case .html: return ErrorView.Text(markdown: markdown, html: CommonMark.html(markdown, link: link, headings: headings))
        case .markdown:
            let closed = CommonMark.closingOpenFence(markdown)
            return ErrorView.Text(markdown: CommonMark.replacingDestinations(in: CommonMark.withoutRawHTML(closed), link), html: "")
        }
    }

    /// `text` for a list item or table cell: HTML without the wrapping paragraph; in a Markdown
    /// twin, lines after the first indented to stay in a list item (`- `, `1. ` or `10. `).
    func inlineText(_ markdown: String, root: String) -> ErrorView.Text {
        let link = { (destination: String) in internalLink(destination, root: root) }
        switch paths.style {
        case .html: return ErrorView.Text(markdown: markdown, html: CommonMark.inlineHTML(markdown, link: link))
        case .markdown:
            return ErrorView.Text(markdown: CommonMark.replacingDestinations(in: CommonMark.withoutRawHTML(markdown), link), html: "")
                .continued(with: "    ")
        }
    }

    /// The relative link for an internal destination, or nil for any other destination.
    func internalLink(_ destination: String, root: String) -> String? {
        guard let reference = PageReference(destination) else { return nil }
        return root + paths.path(of: reference.page) + (reference.fragment.map { "#" + $0 } ?? "")
    }

    // MARK: Pages

    /// `source` is the catalog file the page comes from, for "Edit this page".
    /// `root` is the path from the page to the site's root, when it is not the page's folder's.
    func page(path: String, title: String, description: String, currentCode: String? = nil,
              currentFamily: String? = nil, source: String? = nil, root: String? = nil) -> PageView {
        let root = root ?? SitePaths.root(of: path)
        let twin: String
        switch paths.style {
        case .html: twin = root + "markdown/" + SitePaths(style: .markdown).path(twinOf: path)
        case .markdown: twin = root + "../" + SitePaths(style: .html).path(twinOf: path)
        }
        let families = settings.families.map { family in
            let members = index.byFamily[family.id.value] ?? []
            let current = family.id.value == currentFamily
            let shown = current ? members[index.sidebar(count: members.count, around: currentCode)].map { index.errors[$0] } : []
            return PageView.NavFamily(
                title: family.title?.value ?? family.id.value, link: root + paths.family(family.id.value),
                count: members.count, current: current, partial: current && shown.count < members.count,
                errors: shown.map { error in
                    let code = error.code?.value ?? ""
                    return PageView.NavError(
                        code: code, title: error.title?.value ?? code, link: root + paths.error(code),
                        current: code == currentCode)
                })
        }
        var canonical: String?
        if paths.style == .html, let base = settings.baseURL?.value {
            canonical = SitePaths.publicURL(of: path, base: base)
        }
        let editLink = source.flatMap { file in
            settings.editURL.map { $0.value.replacingOccurrences(of: "{path}", with: catalog.pathInCatalog(file)) }
        }
        return PageView(
            siteName: settings.name?.value ?? "", version: settings.version?.value ?? "", root: root,
            title: title, description: description, twinLink: twin, canonical: canonical, editLink: editLink,
            indexLink: root + paths.index,
            statusCodesLink: root + paths.statusCodes, retriesLink: root + paths.retries, families: families,
            guides: catalog.guides.map { PageView.NavGuide(title: $0.title, link: root + paths.guide($0.slug)) })
    }

    func errors(in family: Family) -> [ErrorDefinition] {
        (index.byFamily[family.id.value] ?? []).map { index.errors[$0] }
    }

    func retry(_ policy: RetryPolicy?, surface: ErrorDefinition.Surface = .response) -> ErrorView.Retry {
        guard let policy else {
            return ErrorView.Retry(policy: "never", label: RetryDescription.label(.never), answer: "No",
                                   how: "", retryable: false, jitter: false)
        }
        return ErrorView.Retry(
            policy: policy.kind.value.rawValue, label: RetryDescription.label(policy.kind.value),
            answer: RetryDescription.answer(policy), how: RetryDescription.how(policy, surface: surface),
            retryable: policy.kind.value.isRetryable, maxAttempts: policy.maxAttempts?.value,
            initialDelay: policy.initialDelay.map { RetryDescription.duration($0.value) },
            maxDelay: policy.maxDelay.map { RetryDescription.duration($0.value) }, jitter: policy.jitter?.value ?? false)
    }

    func statusLabel(_ error: ErrorDefinition) -> String {
        switch error.effectiveSurface {
        case .response: return error.status.map { String($0.value) } ?? ""
        case .smtp: return "SMTP \(error.smtp?.reply?.value ?? 0) \(error.smtp?.enhanced?.value ?? "")"
        case .event: return "event: \(error.event?.value ?? "")"
        }
    }

    /// Rows of `errors` for a page `root` away from the site root.
    func rows(_ errors: [ErrorDefinition], root: String) -> ErrorRows {
        ErrorRows(errors: errors) { row($0, root: root) }
    }

    func row(_ error: ErrorDefinition, root: String) -> ErrorRow {
        let code = error.code?.value ?? ""
        let family = error.family.flatMap { settings.family($0.value) }
        let policy = catalog.effectiveRetry(of: error)
        return ErrorRow(
            code: code, title: error.title?.value ?? code, summary: error.summary?.value ?? "",
            link: root + paths.error(code), statusLabel: statusLabel(error),
            familyTitle: family?.title?.value ?? error.family?.value ?? "",
            familyLink: root + paths.family(family?.id.value ?? ""),
            retryLabel: RetryDescription.label(policy?.kind.value ?? .never),
            retryPolicy: policy?.kind.value.rawValue ?? "never",
            action: error.quickFix.first.map { inlineText($0.value, root: root) }, deprecated: error.deprecated != nil)
    }
}

extension SitePaths {
    /// The same page in this style, given its path in the other style.
    func path(twinOf other: String) -> String {
        let otherIsHTML = style == .markdown
        if other == "index.html" || other == "index.md" { return index }
        if other.hasPrefix("status-codes") { return statusCodes }
        if other.hasPrefix("retries") { return retries }
        let parts = other.split(separator: "/").map(String.init)
        guard parts.count >= 2 else { return index }
        let name = otherIsHTML ? parts[1] : String(parts[1].dropLast(".md".count))
        switch parts[0] {
        case "errors": return error(name)
        case "families": return family(name)
        case "guides": return guide(name)
        default: return index
        }
    }
}
