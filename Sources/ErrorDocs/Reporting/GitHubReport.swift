import ErrorDocsModel

/// GitHub Actions workflow commands, one per diagnostic:
/// `::error file=errors/x.yaml,line=5,col=17,title=retry-policy-matches-status::message`.
/// Notes follow the message on their own lines.
/// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
enum GitHubReport {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { diagnostic in
            var message = diagnostic.message
            for note in diagnostic.notes {
                message += "\n\(note.location): note: \(note.message)"
            }
            let properties = [
                "file": diagnostic.location.file, "line": String(diagnostic.location.line),
                "col": String(diagnostic.location.column), "title": diagnostic.ruleID,
            ]
            let list = ["file", "line", "col", "title"].map { "\($0)=\(escapeProperty(properties[$0]!))" }
            return "::\(diagnostic.severity.rawValue) \(list.joined(separator: ","))::\(escapeData(message))\n"
        }.joined()
    }

    /// The escaping the runner undoes in a command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// The escaping the runner undoes in a property value, where `:` and `,` are separators.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
