import ErrorDocsModel

/// Every lint rule, and every check the loader makes, by id.
public enum RuleRegistry {
    public static let rules: [any LintRule.Type] = [
        RequiredField.self,
        CodeFormat.self,
        DuplicateCode.self,
        UnknownFamily.self,
        StatusRange.self,
        StatusOutsideFamily.self,
        SurfaceKeys.self,
        RetryPolicyMatchesStatus.self,
        UnknownEnvelope.self,
        ExampleMatchesSchema.self,
        ExampleStatusMatches.self,
        ExampleNamesCode.self,
        UnresolvedReference.self,
        SMTPEnhancedCode.self,
        EmptyMarkdown.self,
        SummaryLength.self,
        TitleLength.self,
        VersionFormat.self,
        EnvelopeName.self,
        FamilyIdFormat.self,
        CatalogURLs.self,
        InternalLink.self,
        ExternalLinkHTTPS.self,
        RawHTML.self,
        RecoveryLanguage.self,
        RetryAfterHeader.self,
        DuplicateTitle.self,
        DeprecatedReplacement.self,
        ExampleDocURL.self,
        CodeCollision.self,
        EmptyFamily.self,
        FamilyStatuses.self,
        RemovedErrors.self,
    ]

    /// Checks made while reading files, before any rule runs. Those that report an error cannot
    /// be configured (``whyNotConfigurable(_:)``); those that warn can, like rules.
    public static let loaderChecks: [(id: String, severity: Diagnostic.Severity, summary: String)] = [
        ("invalid-utf8", .error, "Catalog files must be valid UTF-8."),
        ("file-too-large", .error, "A catalog file must not exceed 8 MiB."),
        ("yaml-syntax", .error, "A catalog file must be well-formed YAML."),
        ("yaml-alias", .error, "YAML anchors and aliases are not accepted."),
        ("yaml-too-deep", .error, "Values must not be nested more than 64 levels deep."),
        ("duplicate-key", .error, "A mapping must not repeat a key."),
        ("unknown-key", .error, "Only the keys of the catalog format are accepted."),
        ("wrong-type", .error, "Each value must have the type the catalog format gives it."),
        ("invalid-value", .error, "Enumerated values and durations must be one of the accepted forms."),
        ("control-character", .error, "Text must not contain control characters other than tabs and line breaks."),
        ("empty-file", .warning, "An error file should define at least one error."),
        ("guide-format", .error, "A guide must have a valid file name and start with a '# Title' line."),
        ("ignored-file", .warning, "Files under errors/ must end in '.yaml' or '.yml' (Markdown notes aside), and files under guides/ be '.md' files directly in it (a README.md aside); any other is reported and ignored."),
        ("lint-configuration", .error, "The lint section of catalog.yaml must name existing rules, or checks that warn."),
        ("snippet-syntax", .error, "With --check-snippets, each recovery snippet parses with its language's toolchain."),
    ]

    /// Checks of the theme's templates, made when `build` or `serve` loads them (see ``Theme``).
    public static let templateChecks: [(id: String, severity: Diagnostic.Severity, summary: String)] = [
        ("template-syntax", .error, "A template must be valid Mustache."),
        ("template-missing-partial", .error, "A partial or parent a template names must exist."),
        ("template-unknown-name", .error, "A template must use only names some page has."),
        ("template-unescaped", .error, "Only values errdocs made safe may be inserted without escaping, and escaping cannot be turned off."),
        ("template-unknown-override", .warning, "A template named after one error (error.<code>.mustache) must name a code the catalog defines."),
    ]

    /// Checks of the built pages, made by `build` and `serve` once every page is rendered.
    public static let siteChecks: [(id: String, severity: Diagnostic.Severity, summary: String)] = [
        ("link-fragment", .warning, "A link to a #fragment of another page, or of its own, names an id that page has."),
    ]

    /// Every check that is not a lint rule: loader, template and site checks.
    public static var checks: [(id: String, severity: Diagnostic.Severity, summary: String)] {
        loaderChecks + templateChecks + siteChecks
    }

    /// A loader, template or site check by id, with which of the three it is (`loader`,
    /// `template`, `site`).
    public static func check(_ id: String) -> (id: String, severity: Diagnostic.Severity, summary: String, kind: String)? {
        if let check = loaderChecks.first(where: { $0.id == id }) { return (check.id, check.severity, check.summary, "loader") }
        if let check = templateChecks.first(where: { $0.id == id }) { return (check.id, check.severity, check.summary, "template") }
        if let check = siteChecks.first(where: { $0.id == id }) { return (check.id, check.severity, check.summary, "site") }
        return nil
    }

    public static func rule(_ id: String) -> (any LintRule.Type)? { rules.first { $0.id == id } }

    /// Whether `lint:` in catalog.yaml may disable `id` or give it another severity: any lint
    /// rule, and any loader, template or site check that warns.
    public static func isConfigurable(_ id: String) -> Bool {
        rule(id) != nil || check(id)?.severity == .warning
    }

    /// Why `lint:` may not disable the check `id` or give it another severity; nil when it may,
    /// or when `id` names no check.
    public static func whyNotConfigurable(_ id: String) -> String? {
        guard let check = check(id), check.severity == .error else { return nil }
        switch (check.kind, id) {
        case (_, "lint-configuration"): return "it reports mistakes in the lint section itself"
        case (_, "snippet-syntax"): return "it runs only when 'errdocs lint --check-snippets' asks for it"
        case ("template", _): return "a theme that fails it cannot render the pages"
        default: return "a file that fails it has no model to lint"
        }
    }

    public static var allIDs: Set<String> { Set(rules.map { $0.id } + loaderChecks.map(\.id)) }
}
