import ArgumentParser
import ErrorDocs
import Foundation

extension DiffFormat: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case breaking
    }

    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a catalog and classify every change.",
        discussion: """
            Each side is a catalog folder, a built registry.json, or, with --git REV, the NEW \
            catalog folder as it was at a git revision:

              errdocs diff old/Content Content
              errdocs diff Site-1.3/registry.json Content
              errdocs diff --git v1.3.0 Content

            Changes are breaking (code-removed, status-changed, surface-changed, \
            retryability-changed, family-changed, envelope-removed, envelope-field-removed, \
            envelope-field-type-changed, envelope-format-changed), non-breaking (code-added, \
            code-deprecated, code-retired, tombstone-removed, retry-policy-changed, \
            envelope-added, envelope-field-added) or docs-only (docs-changed); docs/diff.md \
            explains each. With --fail-on breaking the exit status is 1 when there is a \
            breaking change and the catalog's version is not a new major version.
            """
    )

    @Argument(help: ArgumentHelp("OLD then NEW: each a catalog folder or a registry.json; with --git REV, only NEW.", valueName: "OLD NEW"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Compare NEW with its own folder at this git revision.", valueName: "REV"))
    var git: String?

    @Option(name: .long, help: "Output format: text, json or markdown (release notes).")
    var format: DiffFormat = .text

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 on breaking changes without a major version bump.", valueName: "LEVEL"))
    var failOn: FailOn?

    func validate() throws {
        for path in paths { try requireNonEmpty(path, "OLD or NEW") }
        if git == nil && paths.count != 2 {
            throw ValidationError("give OLD and NEW, or --git REV and NEW (default Content)")
        }
        if git != nil && paths.count > 1 {
            throw ValidationError("with --git give only NEW")
        }
    }

    func run() throws {
        let diff: CatalogDiff
        do {
            let new = paths.last ?? "Content"
            let oldData = try git.map { try DiffInput.registry(at: new, gitRevision: $0) } ?? DiffInput.registry(at: paths[0])
            diff = try CatalogDiff(old: oldData, new: try DiffInput.registry(at: new))
        } catch let failure as DiffInput.Failure {
            for diagnostic in failure.diagnostics { printError(diagnostic.description) }
            printError("error: \(failure.description)")
            throw ExitCode(failure.diagnostics.isEmpty ? 2 : 1)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        print(diff.render(format), terminator: "")
        if failOn == .breaking && diff.hasBreakingChanges && !diff.isMajorBump {
            printError("error: breaking changes, but version \(diff.newVersion) is not a major bump from \(diff.oldVersion)")
            throw ExitCode(1)
        }
    }
}
