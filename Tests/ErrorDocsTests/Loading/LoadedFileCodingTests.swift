@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

/// A rebuild decodes unchanged error files from their binary form instead of parsing them: the
/// form must give back every value and every location, or the build would differ from a clean one.
@Suite struct LoadedFileCodingTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every value reachable from `value`, classes included, with dictionaries in key order.
    static func deepDescription(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        guard !mirror.children.isEmpty || mirror.displayStyle == .collection || mirror.displayStyle == .dictionary else {
            return String(reflecting: value)
        }
        var parts = mirror.children.map { "\($0.label ?? "")=\(deepDescription($0.value))" }
        if mirror.displayStyle == .dictionary { parts.sort() }
        var superclass = mirror.superclassMirror
        while let next = superclass {
            parts += next.children.map { "\($0.label ?? "")=\(deepDescription($0.value))" }
            superclass = next.superclassMirror
        }
        return "\(mirror.subjectType)(\(parts.joined(separator: ", ")))"
    }

    @Test(arguments: ["Content", "Tests/Fixtures/hostile", "Tests/ErrorDocsTests/Fixtures/golden"])
    func everyLoadedValueSurvivesTheRoundTrip(catalog: String) throws {
        let loader = CatalogLoader(directory: Self.repository.appendingPathComponent(catalog).path)
        var checked = 0
        for file in try loader.inputFiles() where file.hasSuffix(".yaml") && !file.hasSuffix("/catalog.yaml") {
            let loaded = try loader.loadErrorFile(file)
            let decoded = try LoadedFileCoding.decode(try LoadedFileCoding.encode(loaded.definitions, loaded.problems), file: file)
            #expect(Self.deepDescription(decoded.0) == Self.deepDescription(loaded.definitions), "\(file)")
            #expect(decoded.1 == loaded.problems, "\(file)")
            // And with each body left for later, then loaded.
            let found = LoadedFileCoding.Findings(settings: "settings", found: Linter.FileFindings())
            let deferred = try LoadedFileCoding.decode(try LoadedFileCoding.encode(loaded.definitions, loaded.problems, findings: found),
                                                       file: file, settings: "settings", deferringBodies: true)
            #expect(deferred.definitions.allSatisfy { $0.hasDeferredBody }, "\(file)")
            #expect(Self.deepDescription(try deferred.definitions.map { try $0.loadingBody() }) == Self.deepDescription(loaded.definitions), "\(file)")
            checked += loaded.definitions.count
        }
        #expect(checked > 0)
    }

    @Test func problemsFoundWhileLoadingSurviveTheRoundTrip() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-coding-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("odd.yaml").path
        try Data("code: odd\nstatus: many\ncolour: blue\ncauses: [\"\", {a: 1}]\n".utf8).write(to: URL(fileURLWithPath: file))
        let loaded = try CatalogLoader(directory: folder.path).loadErrorFile(file)
        #expect(loaded.problems.count >= 2, "\(loaded.problems)")
        let decoded = try LoadedFileCoding.decode(try LoadedFileCoding.encode(loaded.definitions, loaded.problems), file: file)
        #expect(decoded.1 == loaded.problems)
        #expect(Self.deepDescription(decoded.0) == Self.deepDescription(loaded.definitions))
    }

    @Test func theComparisonSeesAValueThatIsNotWritten() throws {
        let file = Self.repository.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml").path
        let loaded = try CatalogLoader(directory: Self.repository.appendingPathComponent("Content").path).loadErrorFile(file)
        var changed = loaded.definitions
        changed[0].causes[0].contentStart = SourceLocation(file: file, line: 99, column: 1)
        #expect(Self.deepDescription(changed) != Self.deepDescription(loaded.definitions))
    }

    @Test func aDamagedFormIsRefusedNotMisread() throws {
        let file = Self.repository.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml").path
        let loaded = try CatalogLoader(directory: Self.repository.appendingPathComponent("Content").path).loadErrorFile(file)
        let bytes = try LoadedFileCoding.encode(loaded.definitions, loaded.problems)
        #expect(throws: LoadedFileCoding.Malformed.self) { try LoadedFileCoding.decode(Array(bytes.dropLast()), file: file) }
        #expect(throws: LoadedFileCoding.Malformed.self) { try LoadedFileCoding.decode(bytes + [0], file: file) }
        #expect(throws: LoadedFileCoding.Malformed.self) { try LoadedFileCoding.decode([0xff, 0xff, 0xff], file: file) }
    }
}

/// A rebuild decodes in full only the errors whose own page or registry entry it makes: the
/// others keep their body (``ErrorDefinition/Body``) as bytes until asked for it.
@Suite struct DeferredBodyTests {
    let file = LoadedFileCodingTests.repository.appendingPathComponent("Content/errors/rate_quota/rate_limited.yaml").path

    func loaded() throws -> CatalogLoader.LoadedFile {
        try CatalogLoader(directory: LoadedFileCodingTests.repository.appendingPathComponent("Content").path).loadErrorFile(file)
    }

    func encoded(_ loaded: CatalogLoader.LoadedFile) throws -> [UInt8] {
        try LoadedFileCoding.encode(loaded.definitions, loaded.problems,
                                    findings: .init(settings: "settings", found: Linter.FileFindings()))
    }

    @Test func aDeferredBodyLoadsAsItWasWritten() throws {
        let loaded = try loaded()
        let decoded = try LoadedFileCoding.decode(try encoded(loaded), file: file, settings: "settings", deferringBodies: true)
        #expect(decoded.findings != nil)
        #expect(!decoded.definitions.isEmpty)
        #expect(decoded.definitions.allSatisfy { $0.hasDeferredBody })
        #expect(decoded.definitions.map { $0.code?.value } == loaded.definitions.map { $0.code?.value })
        let bodies = try decoded.definitions.map { try $0.loadingBody() }
        #expect(!bodies.contains { $0.hasDeferredBody })
        #expect(LoadedFileCodingTests.deepDescription(bodies) == LoadedFileCodingTests.deepDescription(loaded.definitions))
        #expect(decoded.definitions.allSatisfy { $0.hasDeferredBody }, "loading a body makes a copy: the decoded definitions are unchanged")
    }

    /// The error-file rules read the bodies, and they run again on every file when catalog.yaml
    /// changed: those files load in full.
    @Test func bodiesLoadWhenTheFindingsWereMadeWithAnotherCatalogYAML() throws {
        let decoded = try LoadedFileCoding.decode(try encoded(try loaded()), file: file, settings: "edited", deferringBodies: true)
        #expect(decoded.findings == nil)
        #expect(!decoded.definitions.isEmpty)
        #expect(!decoded.definitions.contains { $0.hasDeferredBody })
    }

    @Test func aDamagedBodyIsRefusedWhenItLoads() throws {
        let loaded = try loaded()
        let meaning = try #require(loaded.definitions.first?.meaning?.value)
        let damaged = try Self.damaging(meaning, in: try encoded(loaded))
        let decoded = try LoadedFileCoding.decode(damaged, file: file, settings: "settings", deferringBodies: true)
        #expect(throws: LoadedFileCoding.Malformed.self) { try decoded.definitions[0].loadingBody() }
        #expect(throws: LoadedFileCoding.Malformed.self) {
            try LoadedFileCoding.decode(damaged, file: file, settings: "settings", deferringBodies: false)
        }
    }

    /// `bytes` with the length of `text` (two bytes) made negative, which no reader accepts.
    static func damaging(_ text: String, in bytes: [UInt8]) throws -> [UInt8] {
        let needle = Array(text.utf8.prefix(40))
        let start = try #require((2..<bytes.count - needle.count).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) })
        try #require(bytes[start - 2] >= 0x80 && bytes[start - 1] < 0x80, "a text of 64 to 8191 bytes: its length takes two")
        var damaged = bytes
        damaged[start - 2] = 0xff
        damaged[start - 1] = 0x7f
        return damaged
    }
}
