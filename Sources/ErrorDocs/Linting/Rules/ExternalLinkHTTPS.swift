import ErrorDocsModel
import Foundation

/// Links that leave the site are absolute `https://` URLs with a host.
///
/// A reader following an `http://` link can be redirected or tampered with on the way, a
/// protocol-relative `//host/path` link breaks when the site is opened from `file://`, so does a
/// root-relative `/pricing` link (which also misses when `base_url` has a path), and
/// schemes such as `ftp:` or `javascript:` either do not open in a browser or are emptied by
/// the renderer's safe mode. `mailto:` links are accepted. A destination is external when it has
/// a URL scheme or starts with `/`; the same Markdown fields as `internal-link` are checked, and
/// each problem is reported where the link starts. (Pages of this site are linked relative to
/// its root, `errors/rate_limited`: see `internal-link`.)
///
/// Fails:
///
/// ```yaml
/// details: |
///   See the [status page](http://status.example.com), the
///   [archive](ftp://files.example.com/errors.txt) or [pricing](/pricing).
/// ```
///
/// Passes:
///
/// ```yaml
/// details: |
///   See the [status page](https://status.example.com), [pricing](https://example.com/pricing)
///   or write to [support](mailto:support@example.com).
/// ```
public enum ExternalLinkHTTPS: LinkRule, ErrorFileRule {
    public static let id = "external-link-https"
    public static let summary = "External links in Markdown are absolute https:// URLs."
    public static let defaultSeverity = Diagnostic.Severity.error

    public static func check(_ catalog: Catalog, _ findings: inout [LintFinding]) {
        check(MarkdownFields.links(in: catalog), in: catalog, &findings)
    }

    static func check(_ links: some Sequence<MarkdownFields.Link>, in catalog: Catalog, _ findings: inout [LintFinding]) {
        for link in links where MarkdownFields.isExternal(link.destination) {
            if let problem = problem(link.destination) {
                findings.append(LintFinding(at: link.location, "\(link.kind) '\(link.destination)' in \(link.field) \(problem)"))
            }
        }
    }

    /// Why an external destination is not acceptable, or nil when it is.
    static func problem(_ destination: String) -> String? {
        guard let scheme = MarkdownFields.scheme(of: destination) else {
            if destination.hasPrefix("//") { return "is protocol-relative; write it as an absolute https:// URL" }
            return "is root-relative, so it breaks from file:// and when base_url has a path; write a page of this site "
                + "relative to the site root (\(PageReference(String(destination.dropFirst())) != nil ? "'\(destination.dropFirst())'" : "errors/<code>")) "
                + "and any other page as an absolute https:// URL"
        }
        switch scheme {
        case "mailto":
            return nil
        case "https":
            guard let url = URL(string: destination), let host = url.host, !host.isEmpty else {
                return "must be an absolute https:// URL with a host"
            }
            return nil
        case "http":
            return "uses http; write it as an https:// URL"
        default:
            return "uses the '\(scheme):' scheme; external links must be https:// URLs (or mailto:)"
        }
    }
}
