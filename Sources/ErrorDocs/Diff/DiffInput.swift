import ErrorDocsModel
import Foundation

/// One side of `errdocs diff`, as the `registry.json` it stands for: a catalog folder (linted
/// and turned into a registry), a built `registry.json`, or a catalog folder at a git revision.
public enum DiffInput {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        /// Set when the catalog itself has errors, so the caller can show them.
        public var diagnostics: [Diagnostic] = []
    }

    public static func registry(at path: String) throws -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Failure(description: "\(path): no such catalog folder or registry.json")
        }
        guard isFolder.boolValue else {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "\(path): cannot be read")
            }
            let format: String
            do {
                format = try RegistrySnapshot(json: data).formatVersion
            } catch let error as DecodingError {
                throw Failure(description: "\(path): not a registry.json that errdocs build wrote: \(Self.describe(error))")
            }
            // Readers check the format's major version (docs/registry.md).
            let major = { (version: String) in version.prefix { $0 != "." } }
            let known = major(Registry.formatVersion)
            guard major(format) == known else {
                throw Failure(description: "\(path): registry format \(format) is not one this errdocs reads (\(known).x); compare with the errdocs that wrote it")
            }
            return data
        }
        let report = try Pipeline.lint(path)
        guard !report.diagnostics.hasErrors else {
            throw Failure(description: "\(path): the catalog has errors; fix them (errdocs lint) before comparing",
                          diagnostics: report.diagnostics.filter { $0.severity == .error })
        }
        return try Registry(report.catalog).encoded()
    }

    /// What is wrong with a file read as a registry, in words (not Foundation's debug text).
    private static func describe(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "the top level" : path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch error {
        case .keyNotFound(let key, let context): return "'\(key.stringValue)' is missing at \(place(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(place(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "it is not JSON" : "\(place(context.codingPath)) is not valid"
        @unknown default: return "it cannot be read as one"
        }
    }

    /// The catalog folder `path` as it was at `revision` of the git repository it is in.
    public static func registry(at path: String, gitRevision revision: String) throws -> Data {
        let folder = URL(fileURLWithPath: path).standardizedFileURL
        let top = try git(["rev-parse", "--show-toplevel"], in: folder)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let prefix = try git(["rev-parse", "--show-prefix"], in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive = scratch.appendingPathComponent("catalog.tar")
        _ = try git(["archive", "--format=tar", "--output=\(archive.path)", revision, "--", prefix.isEmpty ? "." : prefix],
                    in: URL(fileURLWithPath: top))
        try run("/usr/bin/env", ["tar", "-xf", archive.path, "-C", scratch.path], in: scratch)
        return try registry(at: scratch.appendingPathComponent(prefix).path)
    }

    private static func git(_ arguments: [String], in folder: URL) throws -> String {
        try run("/usr/bin/env", ["git"] + arguments, in: folder)
    }

    @discardableResult
    private static func run(_ executable: String, _ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "\(arguments.prefix(2).joined(separator: " ")) failed: \(message)")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
