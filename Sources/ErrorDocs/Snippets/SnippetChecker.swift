import ErrorDocsModel
import Foundation

/// Hands each recovery snippet to the real toolchain of its language (`errdocs lint
/// --check-snippets`) and reports syntax errors at the snippet's line in the YAML file.
/// Languages whose toolchain is not installed are reported as skipped, never as passed.
public struct SnippetChecker: Sendable {
    public static let ruleID = "snippet-syntax"

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// Snippets checked, by language.
        public var checked: [String: Int]
        /// Snippets not checked, by language, with why.
        public var skipped: [String: (count: Int, reason: String)]
    }

    public init() {}

    public func check(_ catalog: Catalog) throws -> Result {
        let snippets = catalog.errors.flatMap(\.recovery).compactMap { snippet -> (String, Located<String>)? in
            guard let language = snippet.language?.value, let code = snippet.code else { return nil }
            return (language, code)
        }
        var checked: [String: Int] = [:]
        var skipped: [String: (count: Int, reason: String)] = [:]
        var jobs: [(language: String, code: Located<String>, toolchain: Toolchain, executable: URL)] = []
        for (language, code) in snippets {
            guard let toolchain = Toolchain.forLanguage(language) else {
                skipped[language, default: (0, "no syntax checker is known for '\(language)'")].count += 1
                continue
            }
            guard let executable = toolchain.executable else {
                skipped[language, default: (0, "\(toolchain.program) is not installed")].count += 1
                continue
            }
            checked[language, default: 0] += 1
            jobs.append((language, code, toolchain, executable))
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-snippets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let outcomes = ConcurrentMap.map(Array(jobs.enumerated())) { index, job in
            let file = folder.appendingPathComponent("snippet\(index).\(job.toolchain.fileExtension)")
            return Self.run(job.toolchain, executable: job.executable, code: job.code, file: file, language: job.language)
        }
        return Result(diagnostics: outcomes.compactMap { $0 }, checked: checked, skipped: skipped)
    }

    private static func run(_ toolchain: Toolchain, executable: URL, code: Located<String>, file: URL, language: String) -> Diagnostic? {
        do {
            try Data(code.value.utf8).write(to: file)
            let process = Process()
            process.executableURL = executable
            process.arguments = toolchain.arguments + [file.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus != 0 else { return nil }
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: file.path, with: "snippet")
            let line = firstLine(in: text, pattern: toolchain.linePattern) ?? 1
            // The toolchain's own words, without the traceback around them.
            let message = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("Traceback") && !$0.hasPrefix("File \"<string>\"") && !$0.hasPrefix("^") && !$0.hasPrefix("at ") && !$0.hasPrefix("Node.js") }
                .prefix(4).joined(separator: " | ")
            return Diagnostic(
                ruleID, .error, at: code.position(ofLine: line, column: 1),
                "\(language) snippet does not parse (\(toolchain.program)): \(message)")
        } catch {
            return Diagnostic(ruleID, .error, at: code.location, "could not run \(toolchain.program): \(error)")
        }
    }

    private static func firstLine(in text: String, pattern: String) -> Int? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return Int(text[range])
    }
}
