import Foundation
import Testing

/// Builds killed at random points (SIGINT and SIGKILL) never leave Site/ different from a
/// complete build: the old one, or the new one when the kill came after the swap. A build that
/// changes only a few files replaces them one by one (each in one step); a kill among those steps
/// leaves each file the old or the new one, as the README says, and the next build completes it.
@Suite struct InterruptedBuildTests {
    @Test func killedBuildsLeaveACompleteSite() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("Site")
        let first = try Tool.run(["build", "Content"], in: scratch)
        try #require(first.status == 0, "\(first.stderr)")
        let old = try Tool.tree(site)

        // The next build differs, so a half-swapped site would show.
        let file = scratch.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed ").write(to: file, atomically: true, encoding: .utf8)
        let started = Date()
        let probe = try Tool.run(["build", "Content", "--output", "Probe"], in: scratch)
        try #require(probe.status == 0, "\(probe.stderr)")
        let buildTime = Date().timeIntervalSince(started)
        let new = try Tool.tree(scratch.appendingPathComponent("Probe"))
        try FileManager.default.removeItem(at: scratch.appendingPathComponent("Probe"))
        #expect(new != old)

        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for attempt in 0..<24 {
            let process = Process()
            process.executableURL = Tool.binary
            process.arguments = ["build", "Content"]
            process.currentDirectoryURL = scratch
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let delay = Double.random(in: 0...(buildTime * 1.2), using: &generator)
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, attempt.isMultiple(of: 2) ? SIGKILL : SIGINT)
            process.waitUntilExit()
            let now = try Tool.tree(site)
            let eachFileOldOrNew = now.allSatisfy { path, data in data == old[path] || data == new[path] }
                && Set(old.keys).union(new.keys).isSuperset(of: now.keys)
                && Set(old.keys).intersection(new.keys).isSubset(of: now.keys)
            let state = now == old ? "old" : now == new ? "new" : eachFileOldOrNew ? "mixed" : "broken"
            outcomes[state, default: 0] += 1
            #expect(state != "broken", "attempt \(attempt): killed after \(delay) s, Site/ is neither build (\(now.count) files)")
            if state == "mixed" {
                let completed = try Tool.run(["build", "Content"], in: scratch)
                #expect(completed.status == 0)
                #expect(try Tool.tree(site) == new, "attempt \(attempt): the next build completes a site killed midway")
            }
            if state == "new" || state == "mixed" {
                // Start again from the old site so that later kills still hit a real swap.
                try FileManager.default.removeItem(at: site)
                try Self.write(old, to: site)
            }
        }
        print("interrupted builds: \(outcomes) (build time \(String(format: "%.2f", buildTime)) s)")
        // Leftover staging folders of killed builds are removed by the next build, and whatever
        // build record a kill left, the next (incremental) build equals a clean one. The
        // previous site stays as the spare the next build starts from.
        let again = try Tool.run(["build", "Content"], in: scratch)
        #expect(again.status == 0)
        #expect(try Tool.tree(site) == new)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
            .filter { $0.hasPrefix(".Site.") && ![".Site.errdocs-cache", ".Site.errdocs-spare", ".Site.errdocs-loaded", ".Site.errdocs-loaded.recent"].contains($0) }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// What a killed build leaves beside Site/ (a staging folder, an old site, a half-written
    /// build record) is removed by the next build once its process is gone, and kept while
    /// that build still runs.
    @Test func theNextBuildRemovesWhatKilledBuildsLeft() throws {
        let scratch = try Tool.scratch(copyingContent: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let alive = ProcessInfo.processInfo.processIdentifier
        let left = [".Site.staging-\(dead)", ".Site.old-\(dead)", ".Site.errdocs-cache.tmp-\(dead)", ".Site.errdocs-loaded.tmp-\(dead)",
                    ".Site.errdocs-loaded.recent.tmp-\(dead)"]
        let running = [".Site.staging-\(alive)", ".Site.errdocs-cache.tmp-\(alive)", ".Site.errdocs-loaded.tmp-\(alive)"]
        for name in left + running {
            let url = scratch.appendingPathComponent(name)
            if name.contains("cache") || name.contains("loaded") {
                try "errdocs build record 2\ninputs".write(to: url, atomically: false, encoding: .utf8)
            } else {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            }
        }
        let build = try Tool.run(["build", "Content"], in: scratch)
        #expect(build.status == 0, "\(build.stderr)")
        let hidden = Set(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".Site") })
        #expect(hidden == Set(running + [".Site.errdocs-cache", ".Site.errdocs-loaded"]), "\(hidden.sorted())")
    }

    static func write(_ tree: [String: Data], to folder: URL) throws {
        for (path, data) in tree {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }
}
