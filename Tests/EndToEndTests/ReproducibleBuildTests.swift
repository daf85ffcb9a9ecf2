import Foundation
import Testing

/// The same catalog gives the same bytes whatever the time zone, locale, working directory or
/// clock; no output names the machine's paths.
@Suite struct ReproducibleBuildTests {
    @Test func buildsAgreeAcrossTimeZonesLocalesAndFolders() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let nested = scratch.appendingPathComponent("somewhere/else")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let first = try Tool.run(["build", "Content", "--output", "one"], in: scratch,
                                 environment: ["TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
        let second = try Tool.run(["build", "../../Content", "--output", scratch.appendingPathComponent("two").path], in: nested,
                                  environment: ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "tr_TR.UTF-8", "SOURCE_DATE_EPOCH": "0"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let one = try Tool.tree(scratch.appendingPathComponent("one"))
        let two = try Tool.tree(scratch.appendingPathComponent("two"))
        #expect(one.count > 100)
        #expect(one == two, "differing files: \(Set(one.keys).union(two.keys).filter { one[$0] != two[$0] }.sorted().prefix(5))")
        let committed = try Tool.tree(Tool.repository.appendingPathComponent("Site"))
        #expect(one == committed, "equals the committed Site/")
        for (path, data) in one {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(scratch.path) && !text.contains(Tool.repository.path) && !text.contains("/tmp/"),
                    "\(path) names a path of this machine")
        }
    }
}
