@testable import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

/// `errdocs lint` leaves each error's body encoded once its file is linted (a catalog of
/// 100,000 errors held them all): it must report what a lint holding every body reports, and
/// give each body back whole when asked. (Every rule test compares the diagnostics too, through
/// `TemporaryCatalog.lint`.)
@Suite struct LintLeavingBodiesEncodedTests {
    @Test(arguments: ["Content", "Tests/Fixtures/hostile", "Tests/ErrorDocsTests/Fixtures/golden"])
    func reportsTheSameAndGivesEachBodyBack(catalog: String) throws {
        let path = LoadedFileCodingTests.repository.appendingPathComponent(catalog).path
        let whole = try Pipeline.lint(path)
        let encoded = try Pipeline.lint(path, keepingBodies: false)
        #expect(encoded.diagnostics == whole.diagnostics)
        #expect(!whole.catalog.errors.contains { $0.hasDeferredBody })
        #expect(!encoded.catalog.errors.isEmpty)
        #expect(encoded.catalog.errors.allSatisfy { $0.hasDeferredBody })
        #expect(LoadedFileCodingTests.deepDescription(try encoded.catalog.errors.map { try $0.loadingBody() })
                == LoadedFileCodingTests.deepDescription(whole.catalog.errors))
    }
}
