import ErrorDocsModel

/// Turns a lint-clean catalog into view models, for one output style (HTML or Markdown).
struct ViewBuilder: Sendable {
    let catalog: Catalog
    let paths: SitePaths
    /// Errors sorted by code; families and guides in the author's order.
    let errors: [ErrorDefinition]

    init(catalog: Catalog, style: SitePaths.Style) {
        self.catalog = catalog
        self.paths = SitePaths(style: style)
        self.errors = catalog.errors.sorted { ($0.code?.value ?? "") < ($1.code?.value ?? "") }
    }

    var settings: CatalogSettings { catalog.settings }

    // MARK: Text

    func text(_ markdown: String) -> ErrorView.Text {
        ErrorView.Text(markdown: markdown, html: paths.style == .html ? CommonMark.html(markdown) : "")
    }

    func inlineText(_ markdown: String) -> ErrorView.Text {
        ErrorView.Text(markdown: markdown, html: paths.style == .html ? CommonMark.inlineHTML(markdown) : "")
    }

    // MARK: Pages

    func page(path: String, title: String, description: String, currentCode: String? = nil) -> PageView {
        let root = SitePaths.root(of: path)
        let twin: String
        switch paths.style {
        case .html: twin = root + "markdown/" + SitePaths(style: .markdown).path(twinOf: path)
        case .markdown: twin = root + "../" + SitePaths(style: .html).path(twinOf: path)
        }
        let families = settings.families.map { family in
            PageView.NavFamily(
                title: family.title?.value ?? family.id.value, link: root + paths.family(family.id.value),
                errors: errors(in: family).map { error in
                    let code = error.code?.value ?? ""
                    return PageView.NavError(
                        code: code, title: error.title?.value ?? code, link: root + paths.error(code),
                        current: code == currentCode)
                })
        }
        return PageView(
            siteName: settings.name?.value ?? "", version: settings.version?.value ?? "", root: root,
            title: title, description: description, twinLink: twin, indexLink: root + paths.index,
            statusCodesLink: root + paths.statusCodes, retriesLink: root + paths.retries, families: families,
            guides: catalog.guides.map { PageView.NavGuide(title: $0.title, link: root + paths.guide($0.slug)) })
    }

    func errors(in family: Family) -> [ErrorDefinition] {
        errors.filter { $0.family?.value == family.id.value }
    }

    func retry(_ policy: RetryPolicy?) -> ErrorView.Retry {
        guard let policy else {
            return ErrorView.Retry(policy: "never", label: RetryDescription.label(.never), answer: "No",
                                   how: "", retryable: false, jitter: false)
        }
        return ErrorView.Retry(
            policy: policy.kind.value.rawValue, label: RetryDescription.label(policy.kind.value),
            answer: RetryDescription.answer(policy), how: RetryDescription.how(policy),
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
            action: error.quickFix.first.map { inlineText($0.value) }, deprecated: error.deprecated != nil)
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
