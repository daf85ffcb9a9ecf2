import ErrorDocsModel

/// Every Markdown value of a catalog, with where it was written, for the rules that look inside
/// Markdown (`internal-link`, `external-link-https`).
enum MarkdownFields {
    typealias Field = (name: String, text: Located<String>)

    /// Each Markdown field of the catalog settings, the envelopes, the families and the guides,
    /// named as a message can show it.
    static func fields(of catalog: Catalog) -> [Field] {
        var fields: [Field] = []
        func add(_ name: String, _ value: Located<String>?) {
            if let value { fields.append((name, value)) }
        }
        let settings = catalog.settings
        add("catalog description", settings.description)
        for envelope in settings.envelopes {
            add("envelope '\(envelope.name.value)' description", envelope.description)
        }
        for removed in settings.removed {
            add("removed '\(removed.code.value)' reason", removed.reason)
        }
        for family in settings.families {
            add("family '\(family.id.value)' description", family.description)
            add("family '\(family.id.value)' handling", family.handling)
        }
        for guide in catalog.guides {
            add("guide '\(guide.slug)'", guide.body)
        }
        return fields
    }

    /// Each Markdown field of an error, named as a message can show it.
    static func fields(of error: ErrorDefinition) -> [Field] {
        var fields: [Field] = []
        func add(_ name: @autoclosure () -> String, _ value: Located<String>?) {
            if let value { fields.append((name(), value)) }
        }
        let owner = error.code.map { "'\($0.value)' " } ?? ""
        add("\(owner)meaning", error.meaning)
        for cause in error.causes { add("\(owner)causes item", cause) }
        add("\(owner)details", error.details)
        for step in error.quickFix { add("\(owner)quick_fix step", step) }
        for item in error.prevention { add("\(owner)prevention item", item) }
        for snippet in error.recovery { add("\(owner)recovery description", snippet.description) }
        add("\(owner)deprecated note", error.deprecated?.note)
        for header in error.headers {
            add("\(owner)header '\(header.name?.value ?? "")' description", header.description)
        }
        return fields
    }

    /// One link or image found in a Markdown field, at its position in the file.
    struct Link: Sendable, Equatable {
        var field: String
        var destination: String
        var isImage: Bool
        var location: SourceLocation

        /// "link" or "image", for messages.
        var kind: String { isImage ? "image" : "link" }
    }

    /// Every link and image destination in every Markdown field (the catalog's, then each
    /// error's in load order), at its file position.
    static func links(in catalog: Catalog) -> [Link] {
        links(ofSettings: catalog) + links(of: catalog.errors).flatMap { $0 }
    }

    /// The links of the catalog's own fields: settings, envelopes, families and guides.
    static func links(ofSettings catalog: Catalog) -> [Link] {
        fields(of: catalog).flatMap(links)
    }

    /// The links of each error. Errors are parsed on every core, each listing its fields only
    /// while it is parsed: a large catalog has hundreds of thousands.
    static func links(of errors: [ErrorDefinition]) -> [[Link]] {
        ConcurrentMap.map(errors) { fields(of: $0).flatMap(links) }
    }

    private static func links(_ field: Field) -> [Link] {
        CommonMark.links(in: field.text.value).map { link in
            Link(field: field.name, destination: link.destination, isImage: link.isImage,
                 location: field.text.position(ofLine: link.line, column: link.column))
        }
    }

    /// The URL scheme of a destination (`https`, `mailto`, lowercased), or nil when it has none:
    /// RFC 3986's `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"` before any `/`, `?` or `#`.
    static func scheme(of destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let candidate = destination[..<colon]
        guard let first = candidate.unicodeScalars.first, isASCIILetter(first),
              candidate.unicodeScalars.allSatisfy({ isASCIILetter($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return candidate.lowercased()
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Whether a destination may leave the site: it has a scheme, or is protocol-relative
    /// (`//host`) or root-relative (`/path`, which names the host, not the site).
    static func isExternal(_ destination: String) -> Bool {
        scheme(of: destination) != nil || destination.hasPrefix("/")
    }

    /// Whether a destination is a link inside the site written relative to its root
    /// (`errors/rate_limited`): no scheme, and not starting with `/` or `#`.
    static func isInternal(_ destination: String) -> Bool {
        !isExternal(destination) && !destination.hasPrefix("#")
    }
}
