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

        // The error-file rules see only the errors of files not known: each file's findings
        // are found on its own (in batches of whole files, on every core), then what those
        // rules find outside the error files, once, with the settings and guides alone.
        let fresh = known.isEmpty ? catalog.errors : catalog.errors.filter { known[$0.location.file] == nil }
        var files: [String: FileFindings] = [:]
        let facts = earlier != nil
        for found in ConcurrentMap.map(Self.wholeFiles(fresh), { lintFiles(Array(fresh[$0]), in: catalog, facts: facts) }) {
            files.merge(found) { first, _ in first }
        }
        var fileOrder: [String] = []
        for error in catalog.errors where fileOrder.last != error.location.file {
            fileOrder.append(error.location.file)
        }
        var settingsCatalog = catalog
        settingsCatalog.errors = []

        // Rules only read the catalog, so they run side by side.
        let enabled = RuleRegistry.rules.filter { !disabled.contains($0.id) }
        var settingsLinks: [MarkdownFields.Link] = [], settingsHTML: [MarkdownFields.RawHTML] = []
        let wantsLinks = enabled.contains { $0 is any LinkRule.Type }, wantsHTML = enabled.contains { $0 is any RawHTMLRule.Type }
        if wantsLinks || wantsHTML {
            let settings = MarkdownFields.contents(ofSettings: catalog)
            if wantsLinks { settingsLinks = settings.links }
            if wantsHTML { settingsHTML = settings.rawHTML }
        }
        var compared: ComparedFindings?
        if let earlier {
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
        let findings = ConcurrentMap.map(running.map(RuleBox.init)) { [settingsLinks, settingsHTML, allLinks, settingsCatalog] (box: RuleBox) -> [LintFinding] in
            let perFile = box.rule is any ErrorFileRule.Type
            var found: [LintFinding] = []
            if let rule = box.rule as? any LinkRule.Type {
                if perFile {
                    rule.check(settingsLinks, in: settingsCatalog, &found)
                } else {
                    rule.check(allLinks, in: catalog, &found)
                }
            } else if let rule = box.rule as? any RawHTMLRule.Type {
                rule.check(settingsHTML, &found)
            } else {
                box.rule.check(perFile ? settingsCatalog : catalog, &found)
            }
            return found
        }
        for (rule, found) in zip(running, findings) {
            let perFile = rule is any ErrorFileRule.Type
            for finding in found {
                let severity = severities[rule.id] ?? finding.severity ?? rule.defaultSeverity
                // An error-file rule given no errors may only report what the settings and
                // guides alone decide.
                assert(!perFile || !fileOrder.contains(finding.location.file),
                       "\(rule.id) reported in \(finding.location.file), an error file it was not run on")
                let diagnostic = Diagnostic(rule.id, severity, at: finding.location, finding.message, notes: finding.notes)
                diagnostics.append(diagnostic)
                if !perFile { compared?.diagnostics.append(diagnostic) }
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

    /// What the error-file rules find in each file of `errors`, which holds whole files (every
    /// error of each file it has), with the settings of `catalog`: their findings in those files,
    /// the files' internal and same-page links, and, with `facts`, the key of what the rules
    /// that compare errors read of each (``FileFindings/comparedFacts``). What those rules
    /// report outside error files is left to ``lint(_:known:earlier:)``. A build lints files a
    /// few at a time as they are loaded (``CatalogLoader/lintingParsedFiles``).
    func lintFiles(_ errors: [ErrorDefinition], in catalog: Catalog, facts: Bool) -> [String: FileFindings] {
        let configuration = catalog.settings.lint
        let disabled = configuration.disabledIDs, severities = configuration.severityByID
        var files: [String: FileFindings] = [:]
        for error in errors { files[error.location.file] = FileFindings() }
        var fileCatalog = catalog
        fileCatalog.errors = errors
        // What these rules find in the list of removed errors is in catalog.yaml, and none reads
        // it to check an error: a list that grows with the catalog, walked again on each run.
        fileCatalog.settings.removed = []

        let enabled = RuleRegistry.rules.filter { !disabled.contains($0.id) }
        var externalLinks: [MarkdownFields.Link] = [], html: [MarkdownFields.RawHTML] = []
        // One parse of each Markdown field finds both. The rules over the whole catalog need
        // only the internal links of error files.
        let wantsLinks = enabled.contains { $0 is any LinkRule.Type }, wantsHTML = enabled.contains { $0 is any RawHTMLRule.Type }
        if wantsLinks || wantsHTML {
            for (error, found) in zip(errors, errors.map(MarkdownFields.contents(of:))) {
                if wantsHTML { html += found.rawHTML }
                guard wantsLinks else { continue }
                // The rules over one file check only external links (`external-link-https`); the
                // internal ones go with the file, for the rules over the whole catalog. Kept
                // once, not twice: at 100,000 errors they are most of a million links.
                externalLinks += found.links.filter { MarkdownFields.isExternal($0.destination) }
                files[error.location.file]?.internalLinks += found.links.filter { MarkdownFields.isInternal($0.destination) }
                files[error.location.file]?.samePageLinks += found.links.filter { $0.page != nil }
            }
        }
        if facts {
            var start = errors.startIndex
            while start < errors.endIndex {
                let file = errors[start].location.file
                let end = errors[start...].firstIndex { $0.location.file != file } ?? errors.endIndex
                let key = ComparedFacts.key(ofFile: file, errors: errors[start..<end], links: files[file]?.internalLinks ?? [])
                files[file]?.comparedFacts = key
                start = end
            }
        }
        for rule in enabled where rule is any ErrorFileRule.Type {
            var found: [LintFinding] = []
            if let rule = rule as? any LinkRule.Type {
                rule.check(externalLinks, in: fileCatalog, &found)
            } else if let rule = rule as? any RawHTMLRule.Type {
                rule.check(html, &found)
            } else {
                rule.check(fileCatalog, &found)
            }
            // Findings elsewhere depend on the settings alone: the lint of the catalog has them.
            for finding in found where files[finding.location.file] != nil {
                let severity = severities[rule.id] ?? finding.severity ?? rule.defaultSeverity
                files[finding.location.file]?.diagnostics.append(
                    Diagnostic(rule.id, severity, at: finding.location, finding.message, notes: finding.notes))
            }
        }
        return files
    }

    /// `errors` cut into consecutive ranges of about 64 errors that never split a file's.
    static func wholeFiles(_ errors: [ErrorDefinition]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = errors.startIndex
        while start < errors.endIndex {
            var end = min(start + 64, errors.endIndex)
            let file = errors[end - 1].location.file
            while end < errors.endIndex, errors[end].location.file == file { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
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
