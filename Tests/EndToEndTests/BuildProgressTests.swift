import Foundation
import Testing

/// On a terminal `errdocs build` shows a progress bar; through a pipe only the summary.
@Suite struct BuildProgressTests {
    @Test func aTerminalGetsAProgressBarAndAPipeDoesNot() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // util-linux `script` runs the build on a pseudo-terminal.
        let terminal = try Tool.run(["-qec", "\(Tool.binary.path) build Content", "/dev/null"], in: scratch,
                                    environment: ["TERM": "xterm"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(terminal.status == 0, "\(terminal.stdout)")
        let final = try #require(terminal.stdout.range(of: #"Rendering \[#{24}\] +(\d+)/\1 pages +\d+\.\d s"#, options: .regularExpression),
                                 "\(terminal.stdout)")
        #expect(terminal.stdout[final.upperBound...].contains("wrote "), "the summary follows the bar")
        let piped = try Tool.run(["build", "Content", "--output", "Piped"], in: scratch)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("Rendering") && !piped.stdout.contains("Rendering"))
        #expect(piped.stdout.hasPrefix("wrote "))
    }
}
