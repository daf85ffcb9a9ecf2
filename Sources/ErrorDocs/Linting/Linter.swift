import ErrorDocsModel

/// Runs every enabled rule over a catalog and applies the catalog's `lint:` configuration.
public struct Linter: Sendable {
    public init() {}

    public func lint(_ catalog: Catalog) -> [Diagnostic] {
        lint(catalog, known: [:]).diagnostics
    }

    /// What the ``ErrorFileRule``s found in one error file (as diagnostics, the configuration
    /// applied), the file's internal links, which `internal-link` checks against the whole
    /// catalog on every run, and its links to a fragment of their own error's page (`#causes`),
    /// which the build checks against the page (`link-fragment`).
    struct FileFindings: Sendable, Equatable {
        var diagnostics: [Diagnostic] = []
        var internalLinks: [MarkdownFields.Link] = []
        var samePageLinks: [MarkdownFields.Link] = []
        /// The key of what the rules that compare errors read of the file
        /// (``ComparedFacts/key(ofFile:errors:links:)``), when they were asked to be kept.
        var comparedFacts = ""
    }

    /// What the rules that compare errors found (the configuration applied), under the key of
    /// what they read (``ComparedFacts``).
    struct ComparedFindings: Sendable {
        var key: String
        var diagnostics: [Diagnostic] = []
        /// True when taken from an earlier run instead of found by this one.
        var reused = false
    }

    /// Lints `catalog`, taking what the error-file rules found in the files of `known` from
    /// there instead of running them on those files again, and what the rules that compare
    /// errors found from `earlier`, by the key of what they read, when it has it.
    ///
    /// - Returns: every diagnostic, what was found in each of the other error files, with
    ///   `earlier`, what the rules that compare errors found, and the links to a `#fragment`,
    ///   internal or of the page they are on (for the build to check against the pages' ids;
    ///   none when the link rules are disabled).
    func lint(_ catalog: Catalog, known: [String: FileFindings], earlier: ((_ key: String) -> [Diagnostic]?)? = nil)
        -> (diagnostics: [Diagnostic], files: [String: FileFindings], compared: ComparedFindings?, fragmentLinks: [MarkdownFields.Link]) {
        let configuration = catalog.settings.lint
        var diagnostics = configurationProblems(configuration)
        let disabled = configuration.disabledIDs, severities = configuration.severityByID

        // The error-file rules see only the errors of files not known.
        let fresh = known.isEmpty ? catalog.errors : catalog.errors.filter { known[$0.location.file] == nil }
        var freshCatalog = catalog
        freshCatalog.errors = fresh
        var files: [String: FileFindings] = [:]
        var fileOrder: [String] = []
        for error in catalog.errors where fileOrder.last != error.location.file {
            fileOrder.append(error.location.file)
        }
        for error in fresh { files[error.location.file] = FileFindings() }

        // Rules only read the catalog, so they run side by side.
        let enabled = RuleRegistry.rules.filter { !disabled.contains($0.id) }
        var freshLinks: [MarkdownFields.Link] = [], settingsLinks: [MarkdownFields.Link] = []
        var freshHTML: [MarkdownFields.RawHTML] = []
        // One parse of each Markdown field finds both. The rules over the whole catalog need
        // only the internal links of error files.
        let wantsLinks = enabled.contains { $0 is any LinkRule.Type }, wantsHTML = enabled.contains { $0 is any RawHTMLRule.Type }
        if wantsLinks || wantsHTML {
            let settings = MarkdownFields.contents(ofSettings: catalog)
            if wantsLinks { settingsLinks = settings.links }
            freshLinks = settingsLinks
            if wantsHTML { freshHTML = settings.rawHTML }
            for (error, found) in zip(fresh, MarkdownFields.contents(of: fresh)) {
                if wantsHTML { freshHTML += found.rawHTML }
                guard wantsLinks else { continue }
                // The rules over one file check only external links (`external-link-https`); the
                // internal ones go with the file, for the rules over the whole catalog. Kept
                // once, not twice: at 100,000 errors they are most of a million links.
                freshLinks += found.links.filter { MarkdownFields.isExternal($0.destination) }
                files[error.location.file]?.internalLinks += found.links.filter { MarkdownFields.isInternal($0.destination) }
                files[error.location.file]?.samePageLinks += found.links.filter { $0.page != nil }
            }
        }
        var compared: ComparedFindings?
        if let earlier {
            // What those rules read of each new file; the others' is kept with their findings.
            var start = fresh.startIndex
            while start < fresh.endIndex {
                let file = fresh[start].location.file
                let end = fresh[start...].firstIndex { $0.location.file != file } ?? fresh.endIndex
                let facts = ComparedFacts.key(ofFile: file, errors: fresh[start..<end], links: files[file]?.internalLinks ?? [])
                files[file]?.comparedFacts = facts
                start = end
            }
            let key = ComparedFacts.key(of: catalog, settingsLinks: settingsLinks,
                                        files: fileOrder.map { (known[$0] ?? files[$0])?.comparedFacts ?? "" })
            compared = earlier(key).map { ComparedFindings(key: key, diagnostics: $0, reused: true) } ?? ComparedFindings(key: key)
        }
        let running = compared?.reused == true ? enabled.filter { $0 is any ErrorFileRule.Type } : enabled
        // Each file's in file order, walked where they are kept (a gathered copy of a million
        // links at 100,000 errors raised the lint's peak), only for rules that run.
        let wantsAllLinks = running.contains { !($0 is any ErrorFileRule.Type) && $0 is any LinkRule.Type }
        let linksOfFiles = wantsAllLinks ? fileOrder.map { (known[$0] ?? files[$0])?.internalLinks ?? [] } : []
        let allLinks = ([settingsLinks] + linksOfFiles).joined()
        let findings = ConcurrentMap.map(running.map(RuleBox.init)) { [freshLinks, freshHTML, allLinks, freshCatalog] (box: RuleBox) -> [LintFinding] in
            let perFile = box.rule is any ErrorFileRule.Type
            var found: [LintFinding] = []
            if let rule = box.rule as? any LinkRule.Type {
                if perFile {
                    rule.check(freshLinks, in: freshCatalog, &found)
                } else {
                    rule.check(allLinks, in: catalog, &found)
                }
            } else if let rule = box.rule as? any RawHTMLRule.Type {
                rule.check(freshHTML, &found)
            } else {
                box.rule.check(perFile ? freshCatalog : catalog, &found)
            }
            return found
        }
        for (rule, found) in zip(running, findings) {
            let perFile = rule is any ErrorFileRule.Type
            for finding in found {
                let severity = severities[rule.id] ?? finding.severity ?? rule.defaultSeverity
                let diagnostic = Diagnostic(rule.id, severity, at: finding.location, finding.message, notes: finding.notes)
                if perFile, files[finding.location.file] != nil {
                    files[finding.location.file]?.diagnostics.append(diagnostic)
                } else {
                    // An error-file rule reports an error in its own file; anywhere else it
                    // may only report what the settings and guides alone decide.
                    assert(!perFile || !fileOrder.contains(finding.location.file),
                           "\(rule.id) reported in \(finding.location.file), an error file it was not run on")
                    diagnostics.append(diagnostic)
                    if !perFile { compared?.diagnostics.append(diagnostic) }
                }
            }
        }
        if let compared, compared.reused { diagnostics += compared.diagnostics }
        var fragmentLinks = settingsLinks.filter {
            $0.page != nil || MarkdownFields.isInternal($0.destination) && $0.destination.utf8.contains(UInt8(ascii: "#"))
        }
        for file in fileOrder {
            let findings = known[file] ?? files[file]
            diagnostics += findings?.diagnostics ?? []
            for link in findings?.internalLinks ?? [] where link.destination.utf8.contains(UInt8(ascii: "#")) {
                fragmentLinks.append(link)
            }
            fragmentLinks += findings?.samePageLinks ?? []
        }
        return (diagnostics, files, compared, fragmentLinks)
    }

    private func configurationProblems(_ configuration: LintConfiguration) -> [Diagnostic] {
        let ids = RuleRegistry.rules.map { $0.id } + RuleRegistry.checks.map(\.id).filter(RuleRegistry.isConfigurable)
        let named = configuration.disabled + configuration.severities.map(\.rule)
        return named.filter { !RuleRegistry.isConfigurable($0.value) }.map {
            if let check = RuleRegistry.check($0.value), let why = RuleRegistry.whyNotConfigurable($0.value) {
                return Diagnostic("lint-configuration", .error, at: $0.location,
                                  "'\($0.value)' is a \(check.kind) check that reports an error, which cannot be disabled "
                                      + "or given another severity: \(why)")
            }
            let suggestion = Spelling.closest(to: $0.value, in: ids).map { "; did you mean '\($0)'?" } ?? ""
            return Diagnostic("lint-configuration", .error, at: $0.location,
                              "no lint rule is named '\($0.value)'\(suggestion) (run 'errdocs rules' to list them)")
        }
    }
}

/// A rule type, carried across threads (metatypes of Sendable types are safe to share).
private struct RuleBox: @unchecked Sendable {
    let rule: any LintRule.Type
}
