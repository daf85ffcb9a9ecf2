import Foundation
import PackagePlugin

/// Compiles two folders into the `ErrorDocs` module, so each is written once and still ships
/// inside the binary:
///
/// - `Templates/`, the default theme (as files people can read and copy);
/// - `Sources/ErrorDocs/Linting/Rules/`, whose doc comments are the rules' documentation
///   (`errdocs explain`, `errdocs rules`).
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "embed-files").url
        let folders: [(folder: URL, type: String)] = [
            (context.package.directoryURL.appending(path: "Templates"), "EmbeddedTheme"),
            (context.package.directoryURL.appending(path: "Sources/ErrorDocs/Linting/Rules"), "EmbeddedRuleSources"),
        ]
        return folders.map { folder, type in
            let output = context.pluginWorkDirectoryURL.appending(path: "\(type).swift")
            var inputs: [URL] = []
            if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
                for case let url as URL in walker where !url.hasDirectoryPath {
                    inputs.append(url)
                }
            }
            return .buildCommand(
                displayName: "Embedding \(folder.lastPathComponent) as \(type)",
                executable: tool,
                arguments: [folder.path, output.path, type],
                inputFiles: inputs,
                outputFiles: [output])
        }
    }
}
