import Foundation

/// A language's syntax checker: a command that parses a file without running it, and how to
/// find the failing line in what it prints.
struct Toolchain: Sendable {
    /// The program looked up on `PATH`, e.g. `node`.
    var program: String
    /// Arguments before the file's path.
    var arguments: [String]
    /// File extension the program expects.
    var fileExtension: String
    /// Regular expression whose first group is the failing line number in the output, where the
    /// snippet's temporary path has been replaced by `snippet`.
    var linePattern: String

    /// The checker for each language name used in `recovery[].language`.
    static func forLanguage(_ language: String) -> Toolchain? {
        switch language.lowercased() {
        case "python", "python3", "py":
            // compile() parses without writing __pycache__ next to the file.
            return Toolchain(
                program: "python3",
                arguments: ["-c", "import sys; compile(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1], 'exec')"],
                fileExtension: "py", linePattern: #"File "snippet", line (\d+)"#)
        case "javascript", "js", "node":
            return Toolchain(program: "node", arguments: ["--check"], fileExtension: "js", linePattern: #"snippet:(\d+)"#)
        case "swift":
            return Toolchain(program: "swiftc", arguments: ["-parse"], fileExtension: "swift", linePattern: #"snippet:(\d+):"#)
        case "shell", "bash", "sh", "curl":
            return Toolchain(program: "bash", arguments: ["-n"], fileExtension: "sh", linePattern: #"line (\d+)"#)
        case "go", "golang":
            return Toolchain(program: "gofmt", arguments: ["-e", "-l"], fileExtension: "go", linePattern: #"snippet:(\d+):"#)
        default:
            return nil
        }
    }

    /// The program's full path, or nil when it is not installed.
    var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(program)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
