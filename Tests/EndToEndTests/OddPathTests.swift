import Foundation
import Testing

/// Paths users get wrong: short, empty, a file where a folder belongs, something that is not a
/// regular file, and a standard output that cannot be written. Each gets a plain message and
/// exit status 2, never a trap or Foundation's error text.
@Suite struct OddPathTests {
    @Test(arguments: [["lint", "a"], ["build", "N"], ["generate", "go", "N"], ["openapi", "N"]])
    func aOneCharacterCatalogPathIsNamedNotACrash(arguments: [String]) throws {
        let scratch = try Tool.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(arguments, in: scratch)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr == "error: \(arguments.last!): no such folder; pass the folder that holds catalog.yaml\n", "\(run.stderr)")
    }

    @Test(arguments: [["build", "--output", ""], ["openapi", "--output", ""], ["generate", "go", "--output", ""], ["init", ""]])
    func anEmptyPathIsRefused(arguments: [String]) throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(arguments, in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.contains("is empty; name a file or folder"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["Content"])
    }

    @Test(arguments: [
        (["generate", "go", "--output", "afile/sub"], "afile/sub: "),
        (["openapi", "--output", "afile/x.json"], "is a file, not a folder"),
        (["build", "--output", "afile/site"], "is a file, not a folder"),
        (["init", "afile/cat"], "afile is a file, not a folder"),
    ])
    func aFileWhereAFolderBelongsIsNamed(arguments: [String], message: String) throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try Data().write(to: scratch.appendingPathComponent("afile"))
        let run = try Tool.run(arguments, in: scratch)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message) && run.stderr.contains("afile is a file, not a folder"), "\(run.stderr)")
        #expect(!run.stderr.contains("NSCocoaErrorDomain"), "\(run.stderr)")
    }

    /// A pipe, a device or a socket at --output is left alone; a symbolic link is written through.
    @Test func openapiWritesOnlyRegularFiles() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        #expect(mkfifo(scratch.appendingPathComponent("pipe").path, 0o644) == 0)
        let pipe = try Tool.run(["openapi", "--output", "pipe"], in: scratch)
        #expect(pipe.status == 2)
        #expect(pipe.stderr.contains("refusing to write pipe: it is not a regular file"), "\(pipe.stderr)")
        let type = try FileManager.default.attributesOfItem(atPath: scratch.appendingPathComponent("pipe").path)[.type] as? FileAttributeType
        #expect(type != nil && type != .typeRegular, "the pipe is still a pipe")

        try "{}".write(to: scratch.appendingPathComponent("real.json"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: scratch.appendingPathComponent("link.json").path, withDestinationPath: "real.json")
        let link = try Tool.run(["openapi", "--output", "link.json"], in: scratch)
        #expect(link.status == 0, "\(link.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch.appendingPathComponent("link.json").path) == "real.json")
        #expect(try String(contentsOf: scratch.appendingPathComponent("real.json"), encoding: .utf8).contains("\"openapi\""))
    }

    @Test(arguments: ["lint Content", "rules", "openapi Content", "diff Content Content"])
    func aFullStandardOutputIsAnErrorNotATrap(command: String) throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try Tool.run(["-c", "'\(Tool.binary.path)' \(command) > /dev/full"], in: scratch, executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.hasSuffix("error: cannot write to standard output: No space left on device\n")
            || run.stderr.hasSuffix("error: cannot write to standard output: a write failed\n"), "\(run.stderr)")
    }

    /// Catalog files that cannot be read are named, not left out without a word.
    @Test func aBrokenLinkOrAFileNamedErrorsIsAnError() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let link = scratch.appendingPathComponent("Content/errors/dead.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/nonexistent/x.yaml")
        let dead = try Tool.run(["lint", "Content"], in: scratch)
        #expect(dead.status == 2)
        #expect(dead.stderr == "error: Content/errors/dead.yaml: a symbolic link to a file that does not exist (/nonexistent/x.yaml)\n", "\(dead.stderr)")

        try FileManager.default.removeItem(at: scratch.appendingPathComponent("Content/errors"))
        try Data("x\n".utf8).write(to: scratch.appendingPathComponent("Content/errors"))
        let file = try Tool.run(["lint", "Content"], in: scratch)
        #expect(file.status == 2)
        #expect(file.stderr == "error: Content/errors: is a file; the catalog's errors must be a folder\n", "\(file.stderr)")
    }
}
