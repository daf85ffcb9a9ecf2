import ErrorDocsModel

extension NodeReader {
    static let settingsKeys = [
        "name", "version", "description", "base_url", "doc_url", "edit_url", "removed", "languages", "envelopes", "families", "lint",
    ]
    static let envelopeKeys = [
        "title", "description", "content_type", "schema", "code_field", "doc_url_field", "default",
    ]
    static let familyKeys = ["id", "title", "summary", "description", "handling", "statuses", "retry"]
    static let removedKeys = ["code", "title", "since", "reason", "replaced_by"]

    mutating func catalogSettings(_ node: YAMLNode?) -> CatalogSettings {
        let start = location(line: 1, column: 1)
        guard let node else {
            report("required-field", at: start, "catalog.yaml is empty; it needs at least name, version, base_url, doc_url, envelopes and families")
            return CatalogSettings(location: start)
        }
        var settings = CatalogSettings(location: location(of: node))
        guard let entries = mapping(node, "catalog.yaml", allowed: Self.settingsKeys) else { return settings }
        settings.presentKeys = KeySet(entries.keys, allowed: Self.settingsKeys)
        if let entry = entries["name"] { settings.name = string(entry.value, "name") }
        if let entry = entries["version"] { settings.version = string(entry.value, "version") }
        if let entry = entries["description"] { settings.description = string(entry.value, "description") }
        if let entry = entries["base_url"] { settings.baseURL = string(entry.value, "base_url") }
        if let entry = entries["doc_url"] { settings.docURL = string(entry.value, "doc_url") }
        if let entry = entries["edit_url"] { settings.editURL = string(entry.value, "edit_url") }
        if let entry = entries["languages"] { settings.languages = strings(entry.value, "languages") }
        if let entry = entries["envelopes"] {
            settings.envelopes = pairs(entry.value, "envelopes").map { envelope($0) }
        }
        if let entry = entries["families"] {
            settings.families = list(entry.value, "families").compactMap { family($0) }
        }
        if let entry = entries["removed"] {
            settings.removed = list(entry.value, "removed").compactMap { removedError($0) }
        }
        if let entry = entries["lint"] { settings.lint = lintConfiguration(entry.value) }
        return settings
    }

    private mutating func envelope(_ entry: Entry) -> Envelope {
        var envelope = Envelope(name: Located(entry.key, at: entry.keyLocation), location: location(of: entry.value))
        let what = "envelope '\(entry.key)'"
        guard let entries = mapping(entry.value, what, allowed: Self.envelopeKeys) else { return envelope }
        envelope.presentKeys = KeySet(entries.keys, allowed: Self.envelopeKeys)
        if let item = entries["title"] { envelope.title = string(item.value, "title") }
        if let item = entries["description"] { envelope.description = string(item.value, "description") }
        if let item = entries["content_type"] { envelope.contentType = string(item.value, "content_type") }
        if let item = entries["code_field"] { envelope.codeField = string(item.value, "code_field") }
        if let item = entries["doc_url_field"] { envelope.docURLField = string(item.value, "doc_url_field") }
        if let item = entries["default"] { envelope.isDefault = bool(item.value, "default") }
        if let item = entries["schema"] {
            var locations: [String: SourceLocation] = [:]
            let schema = json(item.value, locations: &locations)
            if case .object = schema {
                envelope.schema = Located(schema, at: location(of: item.value))
            } else {
                report("wrong-type", at: item.value, "schema of \(what) must be a JSON Schema object")
            }
        }
        return envelope
    }

    private mutating func family(_ node: YAMLNode) -> Family? {
        guard let entries = mapping(node, "family", allowed: Self.familyKeys) else { return nil }
        guard let idEntry = entries["id"], let id = string(idEntry.value, "family id") else {
            if entries["id"] == nil { report("required-field", at: node, "family is missing required key 'id'") }
            return nil
        }
        var family = Family(id: id, location: location(of: node))
        family.presentKeys = KeySet(entries.keys, allowed: Self.familyKeys)
        if let entry = entries["title"] { family.title = string(entry.value, "title") }
        if let entry = entries["summary"] { family.summary = string(entry.value, "summary") }
        if let entry = entries["description"] { family.description = string(entry.value, "description") }
        if let entry = entries["handling"] { family.handling = string(entry.value, "handling") }
        if let entry = entries["statuses"] {
            family.statuses = list(entry.value, "statuses").compactMap { int($0, "each status") }
        }
        if let entry = entries["retry"] { family.retry = retryPolicy(entry.value, "retry of family '\(id.value)'") }
        return family
    }

    private mutating func removedError(_ node: YAMLNode) -> RemovedError? {
        guard let entries = mapping(node, "removed error", allowed: Self.removedKeys) else { return nil }
        guard let codeEntry = entries["code"], let code = string(codeEntry.value, "code") else {
            if entries["code"] == nil { report("required-field", at: node, "removed error is missing required key 'code'") }
            return nil
        }
        var removed = RemovedError(code: code, location: location(of: node))
        if let entry = entries["title"] { removed.title = string(entry.value, "title") }
        if let entry = entries["since"] { removed.since = string(entry.value, "since") }
        if let entry = entries["reason"] { removed.reason = string(entry.value, "reason") }
        if let entry = entries["replaced_by"] { removed.replacedBy = string(entry.value, "replaced_by") }
        return removed
    }

    private mutating func lintConfiguration(_ node: YAMLNode) -> LintConfiguration {
        var configuration = LintConfiguration()
        guard let entries = mapping(node, "lint", allowed: ["disable", "severity"]) else { return configuration }
        if let entry = entries["disable"] { configuration.disabled = strings(entry.value, "disable") }
        if let entry = entries["severity"] {
            for pair in pairs(entry.value, "severity") {
                guard let severity = choice(pair.value, "severity of \(pair.key)", as: Diagnostic.Severity.self) else { continue }
                configuration.severities.append((Located(pair.key, at: pair.keyLocation), severity))
            }
        }
        return configuration
    }
}
