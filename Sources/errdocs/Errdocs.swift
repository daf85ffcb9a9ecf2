import ArgumentParser
import CAllocator
import ErrorDocs
import CFileSystem
import Foundation

@main
struct Errdocs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errdocs",
        abstract: "Write each API error once; get a documentation site, Markdown pages and a JSON registry.",
        discussion: """
            A catalog is a folder (Content/ by default) holding catalog.yaml and one YAML file per \
            error (or per group of errors) under errors/. 'errdocs lint' checks it; 'errdocs build' \
            turns it into a static HTML site, the same pages as Markdown, and registry.json for SDKs.

            Typical use:
              errdocs init              create Content/ with a starter catalog
              errdocs lint              check Content/ and report problems as file:line:col
              errdocs build             write the site to Site/
            """,
        version: ErrorDocsVersion.current,
        subcommands: [Build.self, Lint.self, Init.self, Rules.self, Explain.self, Schema.self, Generate.self, Diff.self, OpenAPI.self, Serve.self]
    )

    /// Runs the tool with exit statuses a CI script can rely on: 0 success, 1 content errors,
    /// 2 usage or I/O problems.
    static func main() {
        // A large build frees blocks of megabytes (a summary page of 100,000 errors is 38 MB)
        // among millions of small ones. After the first such free, glibc serves blocks of up to
        // 32 MB from its heaps, where freed ones leave holes: a full build of 100,000 errors had
        // 170-190 MiB free inside the heaps through most of its rendering (mallinfo2). With every
        // block of 128 KiB or more mapped on its own and unmapped when freed, its peak resident
        // set fell from 1,005,240-1,013,736 KB (four runs) to 958,860-970,068 KB (two runs). A
        // full build of 10,000 errors maps and unmaps about 300 more blocks (strace), no time
        // that three alternating pairs of its builds could tell apart.
        errdocs_map_blocks_of_at_least(128 * 1024)
        do {
            var command = try parseAsRoot()
            try command.run()
            checkStandardOutput()
        } catch let exit as ExitCode {
            checkStandardOutput()
            Foundation.exit(exit.rawValue)
        } catch {
            // swift-argument-parser says only "Unexpected argument" for a mistyped command.
            let commands = configuration.subcommands.map { $0._commandName }
            if CommandLine.arguments.count > 1, case let word = CommandLine.arguments[1], !word.hasPrefix("-"),
               !commands.contains(word), let suggestion = Spelling.closest(to: word, in: commands) {
                FileHandle.standardError.write(Data("error: no command is named '\(word)'; did you mean '\(suggestion)'? ('errdocs --help' lists them)\n".utf8))
                Foundation.exit(2)
            }
            let code = exitCode(for: error)
            if code == .success {
                Errdocs.exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

enum ErrorDocsVersion {
    static let current = "0.1.0"
}

/// Where `errdocs` looks for things when the user does not say.
struct CatalogLocation: ParsableArguments {
    @Argument(help: ArgumentHelp("The catalog folder, holding catalog.yaml and errors/.", valueName: "DIR"))
    var directory: String = "Content"

    func validate() throws {
        try requireNonEmpty(directory, "DIR")
    }

    /// The folder beside the catalog, where Templates/ and Site/ live by default.
    var projectFolder: String {
        let parent = URL(fileURLWithPath: directory).standardizedFileURL.deletingLastPathComponent().path
        return Self.relative(parent)
    }

    static func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        if path == here { return "." }
        if path.hasPrefix(here + "/") { return String(path.dropFirst(here.count + 1)) }
        return path
    }

    func sibling(_ name: String) -> String {
        projectFolder == "." ? name : projectFolder + "/" + name
    }
}

/// An empty path names nothing: refused, instead of meaning the current folder to some calls
/// and nothing to others.
func requireNonEmpty(_ path: String?, _ name: String) throws {
    if path?.isEmpty == true { throw ValidationError("\(name) is empty; name a file or folder") }
}

/// Prints to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Writes to standard output through the buffer `print` uses, so output keeps its order and a
/// failed write (a full disk) is reported at exit (``checkStandardOutput()``); FileHandle's
/// write traps on one.
func writeOutput(_ data: Data, flush: Bool = false) {
    data.withUnsafeBytes { bytes in errdocs_write_stdout(bytes.baseAddress, bytes.count) }
    if flush { _ = errdocs_finish_stdout() }
}

/// Flushes standard output; when anything written to it was lost, says so and exits with 2.
func checkStandardOutput() {
    guard errdocs_finish_stdout() != 0 else { return }
    let reason = errno == 0 ? "a write failed" : String(cString: strerror(errno))
    printError("error: cannot write to standard output: \(reason)")
    exit(2)
}
