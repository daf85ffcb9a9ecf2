import ErrorDocsModel
import Foundation

/// Lint findings (``Linter/FileFindings``) in the binary form of ``LoadedFileCoding``: the
/// diagnostics as JSON (most files have none), then each internal link, then each link to a
/// fragment of its own page with the code of the error whose page that is (an error file's
/// fields are shown on its errors' pages), then the key of what the rules that compare errors
/// read of the file. What the error-file
/// rules found in a file is written before the file's definitions in its loaded-files entry
/// (``write(_:to:)``); what the rules that compare errors found is an entry of its own
/// (``encode(_:)``). A form that does not decode to the end, exactly, is refused.
enum FileFindingsCoding {
    /// Throws when the diagnostics cannot be encoded: the rules then run again next time, and
    /// nothing is kept as if nothing was found.
    static func encode(_ found: Linter.FileFindings) throws -> [UInt8] {
        var writer = LoadedFileCoding.Writer()
        try write(found, to: &writer)
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], file: String) throws -> Linter.FileFindings {
        try decode(StoredBytes(bytes), 0..<bytes.count, file: file)
    }

    /// Decodes the entry at `range` of `store`, where it is.
    static func decode(_ store: StoredBytes, _ range: Range<Int>, file: String) throws -> Linter.FileFindings {
        precondition(range.upperBound <= store.bytes.count, "an entry within the stored bytes")
        var reader = LoadedFileCoding.Reader(store: store, file: SourceLocation(file: file, line: 1, column: 1),
                                             offset: range.lowerBound, end: range.upperBound)
        let found = try read(from: &reader)
        guard reader.offset == range.upperBound else { throw LoadedFileCoding.Malformed() }
        return found
    }

    /// Writes the findings where the writer is (in a loaded file's cache entry, before its definitions).
    static func write(_ found: Linter.FileFindings, to writer: inout LoadedFileCoding.Writer) throws {
        try writer.diagnostics(found.diagnostics)
        writer.array(found.internalLinks) { writer, link in write(link, to: &writer) }
        writer.array(found.samePageLinks) { writer, link in
            write(link, to: &writer)
            guard case .error(let code)? = link.page else { preconditionFailure("a same-page link of an error file is on an error's page") }
            writer.string(code)
        }
        writer.string(found.comparedFacts)
    }

    private static func write(_ link: MarkdownFields.Link, to writer: inout LoadedFileCoding.Writer) {
        writer.string(link.field)
        writer.string(link.destination)
        writer.int(link.isImage ? 1 : 0)
        writer.location(link.location)
    }

    static func read(from reader: inout LoadedFileCoding.Reader) throws -> Linter.FileFindings {
        let diagnostics = try reader.diagnostics()
        let links = try reader.array { reader in try readLink(from: &reader) }
        let samePageLinks = try reader.array { reader in
            var link = try readLink(from: &reader)
            link.page = .error(try reader.string())
            return link
        }
        return Linter.FileFindings(diagnostics: diagnostics, internalLinks: links, samePageLinks: samePageLinks,
                                   comparedFacts: try reader.string())
    }

    private static func readLink(from reader: inout LoadedFileCoding.Reader) throws -> MarkdownFields.Link {
        let field = try reader.string(), destination = try reader.string(), image = try reader.int()
        guard image == 0 || image == 1 else { throw LoadedFileCoding.Malformed() }
        return MarkdownFields.Link(field: field, destination: destination, isImage: image == 1, location: try reader.location())
    }
}
