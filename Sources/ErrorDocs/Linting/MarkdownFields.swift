import ErrorDocsModel

/// Every Markdown value of a catalog, with where it was written, for the rules that look inside
/// Markdown (`internal-link`, `external-link-https`, `raw-html`).
enum MarkdownFields {
    /// `page` is where a link to a fragment of the page it is on (`#causes`) points: the error's
    /// page for an error's fields, the guide's for a guide; nil for the catalog's other fields,
    /// whose same-page links are not checked.
    typealias Field = (name: String, text: Located<String>, page: PageReference.Page?)

    /// Each Markdown field of the catalog settings, the envelopes, the families and the guides,
    /// named as a message can show it.
    static func fields(of catalog: Catalog) -> [Field] {
        var fields: [Field] = []
        func add(_ name: String, _ value: Located<String>?, page: PageReference.Page? = nil) {
            if let value { fields.append((name, value, page)) }
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
            add("guide '\(guide.slug)'", guide.body, page: .guide(guide.slug))
        }
        return fields
    }

    /// Each Markdown field of an error, named as a message can show it.
    static func fields(of error: ErrorDefinition) -> [Field] {
        var fields: [Field] = []
        let page = error.code.map { PageReference.Page.error($0.value) }
        func add(_ name: @autoclosure () -> String, _ value: Located<String>?) {
            if let value { fields.append((name(), value, page)) }
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
        /// For a link to a fragment of the page it is on (`#causes`), that page: its field's
        /// (``Field``). Nil for any other link.
        var page: PageReference.Page? {
            get { ownPage?.page }
            set { ownPage = newValue.map(OwnPage.init) }
        }
        // Boxed: a large catalog has a million links, few of them to their own page, and the
        // page inline made each link 24 bytes larger (the lint of 100,000 errors peaked 30 MB higher).
        private var ownPage: OwnPage?

        init(field: String, destination: String, isImage: Bool, location: SourceLocation, page: PageReference.Page? = nil) {
            self.field = field
            self.destination = destination
            self.isImage = isImage
            self.location = location
            self.page = page
        }

        /// "link" or "image", for messages.
        var kind: String { isImage ? "image" : "link" }

        private final class OwnPage: Sendable, Equatable {
            let page: PageReference.Page
            init(_ page: PageReference.Page) { self.page = page }
            static func == (a: OwnPage, b: OwnPage) -> Bool { a.page == b.page }
        }
    }

    /// One piece of raw HTML found in a Markdown field (see ``CommonMark/RawHTML``), at its
    /// position in the file.
    struct RawHTML: Sendable, Equatable {
        var field: String
        var html: String
        var isBlock: Bool
        var location: SourceLocation
    }

    /// The links and the raw HTML of some Markdown fields, each in field order.
    struct Contents: Sendable {
        var links: [Link] = []
        var rawHTML: [RawHTML] = []
    }

    /// Every link and image destination in every Markdown field (the catalog's, then each
    /// error's in load order), at its file position.
    static func links(in catalog: Catalog) -> [Link] {
        contents(of: catalog).links
    }

    /// Every piece of raw HTML in every Markdown field, in the same order as ``links(in:)``.
    static func rawHTML(in catalog: Catalog) -> [RawHTML] {
        contents(of: catalog).rawHTML
    }

    private static func contents(of catalog: Catalog) -> Contents {
        var all = contents(ofSettings: catalog)
        for found in catalog.errors.map(contents(of:)) {
            all.links += found.links
            all.rawHTML += found.rawHTML
        }
        return all
    }

    /// The links and raw HTML of the catalog's own fields: settings, envelopes, families and guides.
    static func contents(ofSettings catalog: Catalog) -> Contents {
        contents(fields(of: catalog))
    }

    /// The links and raw HTML of an error, from one parse of each field.
    static func contents(of error: ErrorDefinition) -> Contents {
        contents(fields(of: error))
    }

    private static func contents(_ fields: [Field]) -> Contents {
        var all = Contents()
        for field in fields {
            let found = CommonMark.contents(of: field.text.value)
            for link in found.links {
                all.links.append(Link(field: field.name, destination: link.destination, isImage: link.isImage,
                                      location: field.text.position(ofLine: link.line, column: link.column),
                                      page: link.destination.hasPrefix("#") ? field.page : nil))
            }
            for html in found.rawHTML {
                all.rawHTML.append(RawHTML(field: field.name, html: html.html, isBlock: html.isBlock,
                                           location: field.text.position(ofLine: html.line, column: html.column)))
            }
        }
        return all
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
