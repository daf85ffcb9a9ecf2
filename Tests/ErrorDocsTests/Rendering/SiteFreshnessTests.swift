import ErrorDocs
import Foundation
import Testing

/// The committed `Site/` is exactly what the current code, `Content/` and `Templates/` build.
@Suite struct SiteFreshnessTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func committedSiteEqualsAFreshBuild() throws {
        var output = MemoryOutput()
        let report = try Pipeline.build(
            Self.repository.appendingPathComponent("Content").path,
            templates: Self.repository.appendingPathComponent("Templates").path, into: &output)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")

        let site = Self.repository.appendingPathComponent("Site")
        var onDisk: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: site, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(site.standardizedFileURL.path.count + 1))
            if path == FolderOutput.markerName { continue }
            onDisk[path] = try Data(contentsOf: url)
        }
        let fresh = output.files.mapValues(\.contents)
        let stale = fresh.keys.filter { onDisk[$0] != fresh[$0] }.sorted()
        let extra = onDisk.keys.filter { fresh[$0] == nil }.sorted()
        #expect(stale.isEmpty && extra.isEmpty, "Site/ is out of date; run 'make site'. Changed or missing: \(stale.prefix(10)); extra: \(extra.prefix(10))")
    }
}
