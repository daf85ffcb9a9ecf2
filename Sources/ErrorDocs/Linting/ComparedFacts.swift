import ErrorDocsModel

/// The key of what the rules that compare errors (the ``LintRule``s that are not
/// ``ErrorFileRule``s) read of the error files and guides: each error's file, code, title,
/// surface, family, deprecation and replacement and related codes, each with where it is; the internal
/// links; the guides' slugs. (They read catalog.yaml too, whose hash a cache entry is named
/// with, and which rules are enabled follows from it.)
///
/// A rebuild after an edit that leaves all of these as they were, and where they were (most
/// edits of an error's text), takes what those rules found from the last build instead of
/// running them again: at 10,000 errors they took 30-47 ms of a 0.45 s one-edit rebuild.
///
/// A rule that compares errors and reads anything else must add it here: `ComparedFindingsTests`
/// names the rules this key is made for and fails when another one appears.
enum ComparedFacts {
    /// - Parameters:
    ///   - settingsLinks: the links of catalog.yaml and the guides.
    ///   - files: the key of each error file (``key(ofFile:errors:links:)``), in load order.
    static func key(of catalog: Catalog, settingsLinks: [MarkdownFields.Link], files: [String]) -> String {
        var key = ContentHash()
        // catalog.yaml's bytes name the cache entry; its path, as the catalog folder was
        // spelt, is where some of these rules report.
        key.add("settings")
        key.add(catalog.settings.location.file)
        for link in settingsLinks { add(settingsLink: link, to: &key) }
        key.add("files")
        files.forEach { key.add($0) }
        key.add("guides")
        catalog.guides.forEach { key.add($0.slug) }
        // Files without errors have no key of their own; an unreadable one silences lookups.
        key.add("unreadable")
        catalog.unreadableFiles.forEach { key.add($0) }
        return key.key
    }

    /// What those rules read of one error file: its path, its errors' facts and its internal
    /// links. Made when the file is linted and kept with its findings, so that a rebuild hashes
    /// 10,000 keys instead of 10,000 errors and their 40,000 links (20-27 ms of a one-edit
    /// rebuild, and gathering the links 10-16 ms more).
    static func key(ofFile file: String, errors: ArraySlice<ErrorDefinition>, links: [MarkdownFields.Link]) -> String {
        var hash = ContentHash()
        hash.add(file)
        for error in errors { add(error, to: &hash) }
        hash.add("links")
        for link in links { add(link, to: &hash) }
        hash.add("end")
        return hash.key
    }

    /// A link of catalog.yaml or a guide: with its file.
    private static func add(settingsLink link: MarkdownFields.Link, to hash: inout ContentHash) {
        hash.add(link.location.file)
        add(link, to: &hash)
    }

    /// A link of an error file, whose path is hashed before its links.
    private static func add(_ link: MarkdownFields.Link, to hash: inout ContentHash) {
        hash.add(link.field)
        hash.add(link.destination)
        hash.add(link.isImage ? "image" : "link")
        add(line: link.location, to: &hash)
    }

    private static func add(_ error: ErrorDefinition, to hash: inout ContentHash) {
        hash.add(error.location.file)
        add(error.code, to: &hash)
        add(error.title, to: &hash)
        hash.add(error.effectiveSurface.rawValue)
        hash.add(error.family?.value)
        if let deprecation = error.deprecated {
            hash.add("deprecated")
            add(line: deprecation.location, to: &hash)
            add(deprecation.replacedBy, to: &hash)
        } else {
            hash.add("current")
        }
        hash.add("related")
        for code in error.related { add(code, to: &hash) }
        hash.add("end")
    }

    /// A value of an error, which is in the error's file: its line and column.
    private static func add(_ value: Located<String>?, to hash: inout ContentHash) {
        hash.add(value?.value)
        if let value { add(line: value.location, to: &hash) }
    }

    private static func add(line location: SourceLocation, to hash: inout ContentHash) {
        hash.add(location.line)
        hash.add(location.column)
    }

}
