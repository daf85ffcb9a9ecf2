import ErrorDocsModel
import Foundation

/// Each entry under `removed:` has a reason, is not still defined, and points at a current replacement.
///
/// Removed errors keep a tombstone page at their old `doc_url`, so links in old logs, SDKs and
/// support answers still lead somewhere useful. The page says why the error went away and what
/// to handle instead, so `reason` is required; a code that is still defined as an error cannot
/// also be removed; and `replaced_by`, when given, must name an error that exists and is not
/// deprecated. Codes listed twice are reported at the second entry.
///
/// Fails:
///
/// ```yaml
/// # catalog.yaml
/// removed:
///   - code: sender_blocked        # no reason
///     replaced_by: no_such_error  # not defined
/// ```
///
/// Passes:
///
/// ```yaml
/// # catalog.yaml
/// removed:
///   - code: sender_blocked
///     since: "1.3.0"
///     reason: Split into `domain_not_verified` and `sender_not_allowed`.
///     replaced_by: domain_not_verified
/// ```
public enum RemovedErrors: LintRule {
    public static let id = "removed-errors"
    public static let summary = "Each removed error has a reason, is not still defined, and names a current replacement."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        var active: [String: ErrorDefinition] = [:]
        for error in catalog.errors {
            if let code = error.code?.value, active[code] == nil { active[code] = error }
        }
        var seen: [String: SourceLocation] = [:]
        for removed in catalog.settings.removed {
            let code = removed.code.value
            if let first = seen[code] {
                findings.append(LintFinding(at: removed.code.location, "'\(code)' is listed as removed twice",
                                            notes: [Diagnostic.Note("first listed here", at: first)]))
                continue
            }
            seen[code] = removed.code.location
            if let definition = active[code], let location = definition.code?.location {
                findings.append(LintFinding(at: removed.code.location, "'\(code)' is listed as removed but is still defined",
                                            notes: [Diagnostic.Note("defined here", at: location)]))
            }
            if (removed.reason?.value ?? "").trimmingWhitespace().isEmpty {
                findings.append(LintFinding(at: removed.reason?.location ?? removed.code.location,
                                            "removed error '\(code)' needs a 'reason' for its tombstone page"))
            }
            if let replacement = removed.replacedBy {
                if let target = active[replacement.value] {
                    if target.deprecated != nil {
                        findings.append(LintFinding(at: replacement.location, "'\(replacement.value)' is deprecated; name the error that replaces it instead"))
                    }
                } else if catalog.unreadableFiles.isEmpty {
                    findings.append(LintFinding(at: replacement.location, "replaced_by '\(replacement.value)' is not an error of this catalog"))
                }
            }
        }
    }
}
