import ErrorDocsModel

extension NodeReader {
    static let errorKeys = [
        "code", "title", "surface", "status", "smtp", "event", "family", "summary", "scope", "endpoints", "retry",
        "meaning", "causes", "details", "example", "quick_fix", "recovery", "prevention", "agent_hint", "headers",
        "related", "since", "deprecated",
    ]
    static let recoveryKeys = ["language", "title", "description", "code"]

    mutating func errorDefinition(_ node: YAMLNode) -> ErrorDefinition? {
        guard let entries = mapping(node, "error definition", allowed: Self.errorKeys) else { return nil }
        var error = ErrorDefinition(location: location(of: node))
        error.presentKeys = KeySet(entries.keys, allowed: Self.errorKeys)
        for (key, entry) in entries {
            let value = entry.value
            switch key {
            case "code": error.code = string(value, "code")
            case "title": error.title = string(value, "title")
            case "surface": error.surface = choice(value, "surface", as: ErrorDefinition.Surface.self)
            case "status": error.status = int(value, "status")
            case "smtp": error.smtp = smtpReply(value)
            case "event": error.event = string(value, "event")
            case "family": error.family = string(value, "family")
            case "summary": error.summary = string(value, "summary")
            case "scope": error.scope = string(value, "scope")
            case "endpoints": error.endpoints = strings(value, "endpoints")
            case "retry": error.retry = retryPolicy(value, "retry")
            case "meaning": error.meaning = string(value, "meaning")
            case "causes": error.causes = strings(value, "causes")
            case "details": error.details = string(value, "details")
            case "example": error.example = example(value)
            case "quick_fix": error.quickFix = strings(value, "quick_fix")
            case "recovery": error.recovery = items(value, "recovery") { $0.recoverySnippet($1) }
            case "prevention": error.prevention = strings(value, "prevention")
            case "agent_hint": error.agentHint = string(value, "agent_hint")
            case "headers": error.headers = items(value, "headers") { $0.headerDoc($1) }
            case "related": error.related = strings(value, "related")
            case "since": error.since = string(value, "since")
            case "deprecated": error.deprecated = deprecation(value)
            default: break
            }
        }
        return error
    }

    private mutating func smtpReply(_ node: YAMLNode) -> SMTPReply? {
        guard let entries = mapping(node, "smtp", allowed: ["reply", "enhanced"]) else { return nil }
        var reply = SMTPReply(reply: nil, enhanced: nil, location: location(of: node))
        if let entry = entries["reply"] { reply.reply = int(entry.value, "smtp reply") } else {
            report("required-field", at: node, "smtp is missing required key 'reply' (the three-digit reply code)")
        }
        if let entry = entries["enhanced"] { reply.enhanced = string(entry.value, "smtp enhanced code") } else {
            report("required-field", at: node, "smtp is missing required key 'enhanced' (the RFC 3463 code, e.g. \"5.1.1\")")
        }
        return reply
    }

    private mutating func example(_ node: YAMLNode) -> ExampleResponse? {
        guard let entries = mapping(node, "example", allowed: ["status", "headers", "envelope", "body"]) else { return nil }
        var example = ExampleResponse(location: location(of: node))
        if let entry = entries["status"] { example.status = int(entry.value, "example status") } else {
            report("required-field", at: node, "example is missing required key 'status'")
        }
        if let entry = entries["envelope"] { example.envelope = string(entry.value, "example envelope") }
        if let entry = entries["headers"] {
            for pair in pairs(entry.value, "example headers") {
                guard let value = string(pair.value, "header \(pair.key)") else { continue }
                example.headers.append((Located(pair.key, at: pair.keyLocation), value))
            }
        }
        if let entry = entries["body"] {
            var locations: [String: SourceLocation] = [:]
            let body = json(entry.value, locations: &locations)
            example.body = Located(body, at: location(of: entry.value))
            example.bodyLocations = locations
        } else {
            report("required-field", at: node, "example is missing required key 'body'")
        }
        return example
    }

    private mutating func recoverySnippet(_ node: YAMLNode) -> RecoverySnippet? {
        guard let entries = mapping(node, "recovery entry", allowed: Self.recoveryKeys) else { return nil }
        var snippet = RecoverySnippet(location: location(of: node))
        snippet.presentKeys = KeySet(entries.keys, allowed: Self.recoveryKeys)
        if let entry = entries["language"] { snippet.language = string(entry.value, "language") }
        if let entry = entries["title"] { snippet.title = string(entry.value, "title") }
        if let entry = entries["description"] { snippet.description = string(entry.value, "description") }
        if let entry = entries["code"] { snippet.code = string(entry.value, "code") }
        return snippet
    }

    private mutating func headerDoc(_ node: YAMLNode) -> HeaderDoc? {
        guard let entries = mapping(node, "header", allowed: ["name", "description"]) else { return nil }
        let name = entries["name"].flatMap { string($0.value, "header name") }
        if entries["name"] == nil { report("required-field", at: node, "header is missing required key 'name'") }
        let description = entries["description"].flatMap { string($0.value, "header description") }
        return HeaderDoc(name: name, description: description, location: location(of: node))
    }

    private mutating func deprecation(_ node: YAMLNode) -> Deprecation? {
        guard let entries = mapping(node, "deprecated", allowed: ["since", "replaced_by", "note"]) else { return nil }
        return Deprecation(
            since: entries["since"].flatMap { string($0.value, "deprecated since") },
            replacedBy: entries["replaced_by"].flatMap { string($0.value, "replaced_by") },
            note: entries["note"].flatMap { string($0.value, "deprecation note") },
            location: location(of: node))
    }
}
