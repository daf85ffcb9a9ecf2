import Foundation
import ErrorDocsModel

extension ViewBuilder {
    func errorView(_ error: ErrorDefinition) -> ErrorView {
        let code = error.code?.value ?? ""
        let path = paths.error(code)
        let root = SitePaths.root(of: path)
        let summary = error.summary?.value ?? ""
        let familyModel = error.family.flatMap { settings.family($0.value) }
        let family = ErrorView.FamilyLink(
            id: familyModel?.id.value ?? "", title: familyModel?.title?.value ?? error.family?.value ?? "",
            link: root + paths.family(familyModel?.id.value ?? ""))

        let surfaceLabel: String
        switch error.effectiveSurface {
        case .response:
            let status = error.status?.value ?? 0
            surfaceLabel = "HTTP \(status) \(HTTPStatusText.phrase(status))"
        case .smtp: surfaceLabel = statusLabel(error)
        case .event: surfaceLabel = "Event \(error.event?.value ?? "")"
        }

        let related = error.related.compactMap { reference in definition(ofCode: reference.value) }.map { relatedLink($0, root: root) }
        let deprecation = error.deprecated.map { deprecated in
            ErrorView.Deprecation(
                since: deprecated.since?.value, note: deprecated.note.map { text($0.value, root: root).continued(with: "> ") },
                replacement: deprecated.replacedBy.flatMap { definition(ofCode: $0.value) }.map { relatedLink($0, root: root) })
        }
        var seenLanguages: [String: Int] = [:]
        let recovery = orderedRecovery(error).enumerated().map { index, snippet in
            let language = snippet.language?.value ?? "text"
            seenLanguages[language, default: 0] += 1
            let code = (snippet.code?.value ?? "").trimmingNewlines()
            let suffix = seenLanguages[language]! > 1 ? "-\(seenLanguages[language]!)" : ""
            let id = "recovery-\(language)\(suffix)"
            return ErrorView.Recovery(
                id: id, anchor: htmlID(id), language: language, languageLabel: Self.languageLabel(language),
                title: snippet.title?.value ?? Self.languageLabel(language),
                description: snippet.description.map { text($0.value, root: root) },
                code: code, fence: markdownFence(for: code, info: language), first: index == 0)
        }
        let headers = error.headers.map { header in
            ErrorView.HeaderDoc(name: header.name?.value ?? "", nameCell: markdownCodeSpan(header.name?.value ?? "", inTableCell: true),
                                description: header.description.map { inlineText($0.value, root: root) })
        }
        let prevention = error.prevention.map { inlineText($0.value, root: root) }

        return ErrorView(
            page: page(path: path, title: error.title?.value ?? code, description: summary, currentCode: code,
                       currentFamily: error.family?.value, source: error.code?.location.file),
            code: code, title: error.title?.value ?? code, summary: summary,
            surface: error.effectiveSurface.rawValue, surfaceLabel: surfaceLabel,
            status: error.status?.value, statusText: error.status.map { HTTPStatusText.phrase($0.value) },
            smtpReply: error.smtp?.reply?.value, smtpEnhanced: error.smtp?.enhanced?.value, event: error.event?.value,
            family: family, retry: retry(catalog.effectiveRetry(of: error), surface: error.effectiveSurface), scope: error.scope?.value,
            endpoints: error.endpoints.map(\.value), hasEndpoints: !error.endpoints.isEmpty,
            endpointsMarkdown: error.endpoints.map { markdownCodeSpan($0.value) }.joined(separator: " "),
            docURL: settings.docURL(for: code) ?? "", docURLMarkdown: markdownURL(settings.docURL(for: code) ?? ""),
            meaning: text(error.meaning?.value ?? "", root: root), causes: error.causes.map { inlineText($0.value, root: root) },
            details: error.details.map { text($0.value, root: root) }, example: example(error),
            quickFix: error.quickFix.map { inlineText($0.value, root: root) }, recovery: recovery, hasRecovery: !recovery.isEmpty,
            prevention: prevention, hasPrevention: !prevention.isEmpty, agentHint: error.agentHint?.value,
            headers: headers, hasHeaders: !headers.isEmpty, related: related, hasRelated: !related.isEmpty,
            since: error.since?.value, deprecated: deprecation,
            hasLifecycle: error.since != nil || error.deprecated != nil)
    }

    func relatedLink(_ error: ErrorDefinition, root: String) -> ErrorView.Related {
        let code = error.code?.value ?? ""
        return ErrorView.Related(
            code: code, title: error.title?.value ?? code, summary: error.summary?.value ?? "", link: root + paths.error(code))
    }

    /// Recovery snippets in the catalog's `languages` order, then the rest as written.
    private func orderedRecovery(_ error: ErrorDefinition) -> [RecoverySnippet] {
        let order = settings.languages.map(\.value)
        let rank = { (snippet: RecoverySnippet) in order.firstIndex(of: snippet.language?.value ?? "") ?? order.count }
        return error.recovery.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }

    private func example(_ error: ErrorDefinition) -> ErrorView.Example? {
        guard let example = error.example, let body = example.body else { return nil }
        let envelope = settings.envelope(of: example)
        let status = example.status?.value ?? error.status?.value ?? 0
        var headers = example.headers.map { ErrorView.Header(name: $0.name.value, value: $0.value.value) }
        // The envelope's content type comes first, unless the example states its own.
        if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            headers.insert(ErrorView.Header(
                name: "Content-Type", value: envelope?.contentType?.value ?? Envelope.defaultContentType), at: 0)
        }
        let json = JSONWriter.pretty(body.value)
        return ErrorView.Example(
            status: status, statusText: HTTPStatusText.phrase(status),
            envelopeTitle: envelope?.title?.value ?? envelope?.name.value ?? "",
            headers: headers, hasHeaders: !headers.isEmpty, body: json,
            fence: markdownFence(for: headers.map { "\($0.name): \($0.value)\n" }.joined() + json))
    }

    static func languageLabel(_ language: String) -> String {
        let known = [
            "python": "Python", "javascript": "JavaScript", "typescript": "TypeScript", "go": "Go", "swift": "Swift",
            "shell": "Shell", "bash": "Bash", "curl": "curl", "ruby": "Ruby", "java": "Java", "kotlin": "Kotlin",
            "php": "PHP", "csharp": "C#", "rust": "Rust", "json": "JSON", "text": "Text",
        ]
        return known[language] ?? language.prefix(1).uppercased() + language.dropFirst()
    }
}
