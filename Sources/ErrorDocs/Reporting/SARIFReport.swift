import ErrorDocsModel
import Foundation

/// `errdocs lint --format sarif`: a SARIF 2.1.0 log with one run. The driver lists every rule
/// with its id, summary, default level and a link to its documentation; each result points at
/// its rule by id and index. https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
struct SARIFReport: Encodable {
    static let rulesDocumentation = "https://github.com/errdocs/errdocs/blob/main/docs/rules.md"

    struct Text: Encodable { var text: String }

    struct Rule: Encodable {
        struct Configuration: Encodable { var level: String }
        var id: String
        var name: String
        var shortDescription: Text
        var helpUri: String
        var defaultConfiguration: Configuration
    }

    struct Location: Encodable {
        struct Physical: Encodable {
            struct Artifact: Encodable { var uri: String }
            struct Region: Encodable { var startLine: Int; var startColumn: Int }
            var artifactLocation: Artifact
            var region: Region
        }
        var physicalLocation: Physical
        var message: Text?

        init(_ location: SourceLocation, message: String? = nil) {
            let uri = location.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? location.file
            physicalLocation = Physical(artifactLocation: .init(uri: uri), region: .init(startLine: location.line, startColumn: location.column))
            self.message = message.map(Text.init)
        }
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Text
        var locations: [Location]
        var relatedLocations: [Location]?
    }

    /// Whether the analysis ran to the end, and why not when it did not.
    struct Invocation: Encodable {
        struct Notification: Encodable {
            var level = "error"
            var message: Text
        }
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]?
    }

    struct Run: Encodable {
        struct Tool: Encodable {
            struct Driver: Encodable {
                var name: String
                var version: String
                var informationUri: String
                var rules: [Rule]
            }
            var driver: Driver
        }
        var tool: Tool
        var invocations: [Invocation]
        var columnKind: String
        var results: [Result]
    }

    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    /// A log for a run that could not lint at all (no such folder, unreadable file): no
    /// results, and the reason as the invocation's notification, so that a dashboard shows why
    /// instead of failing on an empty file.
    init(failure: String, toolVersion: String) {
        self.init([], toolVersion: toolVersion)
        runs[0].invocations = [Invocation(executionSuccessful: false, toolExecutionNotifications: [.init(message: Text(text: failure))])]
    }

    init(_ diagnostics: [Diagnostic], toolVersion: String) {
        var rules = RuleRegistry.rules.map { ($0.id, $0.summary, $0.defaultSeverity) }
        rules += RuleRegistry.checks.map { ($0.id, $0.summary, $0.severity) }
        rules.sort { $0.0 < $1.0 }
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.0, $0) })
        let driver = Run.Tool.Driver(
            name: "errdocs", version: toolVersion, informationUri: "https://github.com/errdocs/errdocs",
            rules: rules.map { id, summary, severity in
                Rule(id: id, name: id, shortDescription: Text(text: summary), helpUri: "\(Self.rulesDocumentation)#\(id)",
                     defaultConfiguration: .init(level: severity.rawValue))
            })
        let results = diagnostics.map { diagnostic in
            Result(
                ruleId: diagnostic.ruleID, ruleIndex: index[diagnostic.ruleID], level: diagnostic.severity.rawValue,
                message: Text(text: diagnostic.message), locations: [Location(diagnostic.location)],
                relatedLocations: diagnostic.notes.isEmpty ? nil : diagnostic.notes.map { Location($0.location, message: $0.message) })
        }
        // Columns count Unicode scalars, SARIF's "unicodeCodePoints".
        runs = [Run(tool: .init(driver: driver), invocations: [Invocation(executionSuccessful: true)],
                    columnKind: "unicodeCodePoints", results: results)]
    }

    /// The log, ending with a newline.
    func encoded() -> String {
        // Plain structs of strings and integers always encode.
        String(decoding: try! sortedJSON(self), as: UTF8.self)
    }
}
