import Foundation

/// Everything an error page shows. Fields ending in `HTML` hold cmark's (safe) output and are
/// the only ones a template may insert unescaped (`{{{…}}}`); the Markdown twins use the
/// source fields next to them.
struct ErrorView: Sendable, Encodable {
    struct FamilyLink: Sendable, Encodable {
        var id: String
        var title: String
        var link: String
    }

    struct Retry: Sendable, Encodable {
        var policy: String
        var label: String
        var answer: String
        var how: String
        var retryable: Bool
        var maxAttempts: Int?
        var initialDelay: String?
        var maxDelay: String?
        var jitter: Bool
    }

    struct Text: Sendable, Encodable {
        var markdown: String
        var html: String
        /// The Markdown on one line with `|` escaped, for a Markdown table cell (``cell(_:)``).
        var cell: String

        init(markdown: String, html: String) {
            self.markdown = markdown.trimmingNewlines()
            self.html = html
            self.cell = Self.cell(self.markdown)
        }

        /// The lines joined as a GFM table cell (which holds inline text only): a line break
        /// becomes a space, a blank line `<br><br>`, and a line that starts a list item `<br>`,
        /// so paragraphs and steps stay apart; indentation is dropped and each `|` escaped. In one
        /// pass, as every text of every page gets one.
        private static func cell(_ markdown: String) -> String {
            var cell = ""
            cell.reserveCapacity(markdown.utf8.count)
            let scalars = markdown.unicodeScalars
            var index = scalars.startIndex
            var breaks = 0, lineStart = true, previous: Unicode.Scalar = " "
            while index < scalars.endIndex {
                let scalar = scalars[index]
                defer { previous = scalar; index = scalars.index(after: index) }
                if String.isNewline(scalar) {
                    if !(scalar == "\n" && previous == "\r") { breaks += 1 }
                    lineStart = true
                    continue
                }
                if lineStart {
                    if scalar == " " || scalar == "\t" { continue }
                    if !cell.isEmpty && breaks > 0 {
                        cell += breaks > 1 ? "<br><br>" : startsListItem(scalars[index...]) ? "<br>" : " "
                    }
                    breaks = 0
                    lineStart = false
                }
                if scalar == "|" { cell.unicodeScalars.append("\\") }
                cell.unicodeScalars.append(scalar)
            }
            return cell
        }

        /// Whether a line starts with a list item's marker: `-`, `*` or `+`, or up to nine
        /// digits and `.` or `)`, then a space.
        private static func startsListItem(_ line: Substring.UnicodeScalarView) -> Bool {
            guard let first = line.first else { return false }
            if first == "-" || first == "*" || first == "+" { return line.dropFirst().first == " " }
            let digits = line.prefix { ("0"..."9").contains($0) }.count
            guard (1...9).contains(digits) else { return false }
            let rest = line.dropFirst(digits)
            return (rest.first == "." || rest.first == ")") && rest.dropFirst().first == " "
        }

        /// The text with every line after the first starting with `prefix` (a blank line with
        /// it less its trailing spaces), so that a Markdown twin keeps it all inside the list
        /// item or block quote it starts in: `- {{{markdown}}}` with a second paragraph or a
        /// code block. The cell is left as it is.
        func continued(with prefix: String) -> Text {
            guard markdown.utf8.contains(UInt8(ascii: "\n")) else { return self }
            let blank = prefix.trimmingCharacters(in: .whitespaces)
            var text = self
            text.markdown = markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { number, line in
                number == 0 ? String(line) : (line.allSatisfy(\.isWhitespace) ? blank : prefix + line)
            }.joined(separator: "\n")
            return text
        }
    }

    struct Example: Sendable, Encodable {
        var status: Int
        var statusText: String
        var envelopeTitle: String
        var headers: [Header]
        var hasHeaders: Bool
        var body: String
        /// Backticks that open and close the example in Markdown (``markdownFence(for:)``).
        var fence: String
    }

    struct Header: Sendable, Encodable {
        var name: String
        var value: String
    }

    struct HeaderDoc: Sendable, Encodable {
        var name: String
        /// The name as a code span for a Markdown table cell (``markdownCodeSpan(_:inTableCell:)``).
        var nameCell: String
        var description: Text?
    }

    struct Recovery: Sendable, Encodable {
        var id: String
        /// `id` for the twin's `<a id>` (``htmlID(_:)``), so that a link to the snippet's panel
        /// on the HTML page (`#recovery-python`) finds it in the twin too.
        var anchor: String
        var language: String
        var languageLabel: String
        var title: String
        var description: Text?
        var code: String
        /// Backticks that open and close the snippet in Markdown (``markdownFence(for:)``).
        var fence: String
        var first: Bool
    }

    struct Related: Sendable, Encodable {
        var code: String
        var title: String
        var summary: String
        var link: String
    }

    struct Deprecation: Sendable, Encodable {
        var since: String?
        var note: Text?
        var replacement: Related?
    }

    var page: PageView
    var code: String
    var title: String
    var summary: String
    var surface: String
    /// `HTTP 503 Service Unavailable`, `SMTP 550 5.1.1`, `Event dropped`.
    var surfaceLabel: String
    var status: Int?
    var statusText: String?
    var smtpReply: Int?
    var smtpEnhanced: String?
    var event: String?
    var family: FamilyLink
    var retry: Retry
    var scope: String?
    var endpoints: [String]
    var hasEndpoints: Bool
    /// The endpoints as Markdown code spans, a space apart (``markdownCodeSpan(_:inTableCell:)``):
    /// `{{.}}` between backticks would keep its escaping backslashes in the code.
    var endpointsMarkdown: String
    var docURL: String
    /// `docURL` as a Markdown link (``markdownURL(_:)``).
    var docURLMarkdown: String
    var meaning: Text
    var causes: [Text]
    var details: Text?
    var example: Example?
    var quickFix: [Text]
    var recovery: [Recovery]
    var hasRecovery: Bool
    var prevention: [Text]
    var hasPrevention: Bool
    var agentHint: String?
    var headers: [HeaderDoc]
    var hasHeaders: Bool
    var related: [Related]
    var hasRelated: Bool
    var since: String?
    var deprecated: Deprecation?
    var hasLifecycle: Bool
}
