// A libFuzzer target: arbitrary bytes as ONE error file (errors/fuzz.yaml) of an otherwise valid
// catalog, through load → lint → render (into memory). See docs/fuzzing.md.
//
// Two builds of the same file:
// - the fuzz build (scripts/fuzz.sh) passes `-sanitize=fuzzer` and `-D ERRDOCS_LIBFUZZER`; `main`
//   hands over to libFuzzer's driver (LLVMFuzzerRunDriver), which calls
//   `LLVMFuzzerTestOneInput` for every input;
// - the normal build (`swift build`) has no libFuzzer: `errdocs-fuzz FILE...` runs each file
//   once through the same function, to replay a crash without the sanitizers.
//
// This is the target's only file and it is not named main.swift, so SwiftPM compiles it with
// -parse-as-library. SwiftPM links executables on Linux with `--defsym main=errdocs_fuzz_main`,
// so the module must define its own `@main` even in the fuzz build (libFuzzer's `main` would be
// left unused); that `@main` is what calls LLVMFuzzerRunDriver.

import ErrorDocs
import ErrorDocsModel
import Foundation

/// The catalog folder the inputs are written into: a valid catalog.yaml, written once, and
/// `errors/fuzz.yaml`, rewritten for every input.
final class FuzzCatalog: Sendable {
    /// Fuzz/catalog.yaml, read from the repository root (scripts/fuzz.sh runs from there).
    static let catalogPath = "Fuzz/catalog.yaml"

    let directory: String
    let errorFile: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        var template = Array("\(base)/errdocs-fuzz-\(getpid())-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("errdocs-fuzz: cannot create a temporary folder in \(base)") }
        directory = String(cString: made)
        errorFile = directory + "/errors/fuzz.yaml"
        do {
            try FileManager.default.createDirectory(atPath: directory + "/errors", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Self.catalogPath, toPath: directory + "/catalog.yaml")
        } catch {
            fatalError("errdocs-fuzz: cannot write the catalog into \(directory): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: fuzzCatalog.directory) }
    }

    /// One input: any result is fine except a crash, a hang, a throw or a broken invariant.
    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let file = fopen(errorFile, "wb") else { fatalError("errdocs-fuzz: cannot open \(errorFile)") }
        if bytes.count > 0 { precondition(fwrite(bytes.baseAddress, 1, bytes.count, file) == bytes.count, "short write") }
        fclose(file)

        var output = MemoryOutput()
        let report: Pipeline.BuildReport
        do {
            report = try Pipeline.build(directory, templates: nil, into: &output)
        } catch {
            // The loader throws only when it cannot read the folder; content must never throw.
            fatalError("errdocs-fuzz: content made the pipeline throw instead of reporting a diagnostic: \(error)")
        }
        let errors = report.diagnostics.filter { $0.severity == .error }
        if errors.isEmpty {
            precondition(!report.written.isEmpty && !output.files.isEmpty, "lint-clean catalog rendered no site")
            precondition(output.files["index.html"] != nil, "site has no index.html")
            checkInert(output.files.values.sorted { $0.path < $1.path }, input: bytes)
        } else {
            precondition(report.written.isEmpty && output.files.isEmpty, "a catalog with errors was rendered")
        }
        for diagnostic in report.diagnostics {
            precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1,
                         "diagnostic without a position: \(diagnostic)")
        }
    }

    /// Markup in the input must come out escaped: the theme never writes an `<xss` tag nor a
    /// `javascript:` link, so either in a page means the input reached the HTML as markup.
    /// Checked only when the input mentions them, to keep the common path fast.
    private func checkInert(_ files: [SiteFile], input: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: input, as: UTF8.self).lowercased()
        guard text.contains("xss") || text.contains("javascript") else { return }
        for file in files where file.path.hasSuffix(".html") {
            let page = String(decoding: file.contents, as: UTF8.self).lowercased()
            for needle in ["<xss", "href=\"javascript:", "src=\"javascript:", "href='javascript:"] {
                precondition(!page.contains(needle), "\(file.path): input reached the page as markup (\(needle))")
            }
        }
    }
}

let fuzzCatalog = FuzzCatalog()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzCatalog.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

#if ERRDOCS_LIBFUZZER
/// libFuzzer's entry point when something other than its own `main` starts the process.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data, size) })
    }
}
#else
/// Without libFuzzer: runs each file named on the command line once (a crash replays as a crash).
@main
enum ReplayMain {
    static func main() {
        let paths = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        guard !paths.isEmpty else {
            FileHandle.standardError.write(Data("usage: errdocs-fuzz FILE... (replays inputs; build with scripts/fuzz.sh to fuzz)\n".utf8))
            exit(2)
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("errdocs-fuzz: cannot read \(path)\n".utf8))
                exit(1)
            }
            // One spare byte, so the pointer is valid even for an empty file.
            let bytes = [UInt8](data) + [0]
            bytes.withUnsafeBufferPointer { _ = fuzz($0.baseAddress!, data.count) }
            print("ok \(path) (\(data.count) bytes)")
        }
    }
}
#endif
