import ErrorDocsModel
import Foundation

/// What loading one error file gave (its definitions and the problems found), in a compact
/// binary form, so that a rebuild decodes the files that did not change instead of parsing their
/// YAML again: decoding is several times faster than parsing.
///
/// The problems come first, then the content hash of the catalog.yaml the error-file rules ran
/// with (empty when they did not run) and what they found (``FileFindingsCoding``): a reader
/// knows whether the findings are kept before it reads the definitions. Then every value of the
/// model, with where it was written; the file's path is not (it names the cache entry, and each
/// location is made from it again). Each definition is its always-loaded fields, then its body
/// (``ErrorDefinition/Body``) after the body's length, so that a reader can leave the body for
/// later. A form that does not decode to the end, exactly, is refused: when it is read, or, for
/// a body left for later, when the body is decoded.
enum LoadedFileCoding {
    struct Malformed: Error, CustomStringConvertible {
        var description: String { "an entry of the cache of loaded files does not decode" }
    }

    /// What the error-file rules found in a file, with the hash of the catalog.yaml they were
    /// found with (it decides which rules run, and how severe each is).
    struct Findings {
        var settings: String
        var found: Linter.FileFindings
    }

    /// Throws when the problems or the findings cannot be encoded: the file is then parsed and
    /// linted again next time, never kept without them.
    ///
    /// - Parameter findings: kept in the same entry: as an entry of their own, reading them
    ///   took a one-edit rebuild of 10,000 errors 10,000 more reads and names (about 20 ms).
    static func encode(_ definitions: [ErrorDefinition], _ problems: [Diagnostic], findings: Findings? = nil) throws -> [UInt8] {
        var writer = Writer()
        try writer.diagnostics(problems)
        // An empty hash stands for no findings (no content hash is empty).
        precondition(findings.map { !$0.settings.isEmpty } ?? true, "findings are kept with catalog.yaml's hash")
        writer.string(findings?.settings ?? "")
        if let findings { try FileFindingsCoding.write(findings.found, to: &writer) }
        writer.array(definitions) { $0.definition($1) }
        return writer.bytes
    }

    /// The definitions and problems, and the findings when they were found with the
    /// catalog.yaml whose hash is `settings`.
    ///
    /// - Parameter deferringBodies: true leaves each definition's body (``ErrorDefinition/Body``)
    ///   to be decoded when it is needed, when the findings are returned: the rules that check
    ///   one file read it, but they do not run again on a file whose findings are kept. Decoding
    ///   every body took most of the 70-80 ms of loading a one-edit rebuild of 10,000 errors,
    ///   which renders the pages of one.
    static func decode(_ bytes: [UInt8], file: String, settings: String = "", deferringBodies: Bool = false)
        throws -> (definitions: [ErrorDefinition], problems: [Diagnostic], findings: Linter.FileFindings?) {
        try decode(StoredBytes(bytes), 0..<bytes.count, file: file, settings: settings, deferringBodies: deferringBodies)
    }

    /// Decodes the entry at `range` of `store`, where it is; a deferred body keeps `store`.
    static func decode(_ store: StoredBytes, _ range: Range<Int>, file: String, settings: String = "", deferringBodies: Bool = false)
        throws -> (definitions: [ErrorDefinition], problems: [Diagnostic], findings: Linter.FileFindings?) {
        precondition(range.upperBound <= store.bytes.count, "an entry within the stored bytes")
        var reader = Reader(store: store, file: SourceLocation(file: file, line: 1, column: 1), offset: range.lowerBound, end: range.upperBound)
        let problems = try reader.diagnostics()
        let foundWith = try reader.string()
        // Findings for another catalog.yaml are read too, so that a damaged entry is refused.
        let findings = foundWith.isEmpty ? nil : try FileFindingsCoding.read(from: &reader)
        let kept = foundWith == settings ? findings : nil
        let definitions = try reader.array { try $0.definition(deferringBody: deferringBodies && kept != nil) }
        guard reader.offset == range.upperBound else { throw Malformed() }
        return (definitions, problems, kept)
    }

    // MARK: Writing

    struct Writer {
        var bytes: [UInt8] = []

        mutating func int(_ value: Int) {
            // Zigzag, then seven bits a byte.
            var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7f) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func string(_ value: String) {
            var value = value
            value.withUTF8 { utf8 in
                int(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func array<Element>(_ elements: [Element], _ each: (inout Writer, Element) -> Void) {
            int(elements.count)
            for element in elements { each(&self, element) }
        }

        mutating func optional<Value>(_ value: Value?, _ write: (inout Writer, Value) -> Void) {
            guard let value else { return int(0) }
            int(1)
            write(&self, value)
        }

        /// As JSON (a list with notes and files of their own), or empty for none: most have none.
        mutating func diagnostics(_ list: [Diagnostic]) throws {
            string(list.isEmpty ? "" : String(decoding: try JSONEncoder().encode(list), as: UTF8.self))
        }

        mutating func location(_ location: SourceLocation) {
            int(location.line)
            int(location.column)
        }

        mutating func located<Value>(_ value: Located<Value>?, _ write: (inout Writer, Value) -> Void) {
            optional(value) { writer, located in
                write(&writer, located.value)
                writer.location(located.location)
                writer.location(located.contentStart)
            }
        }

        mutating func text(_ value: Located<String>?) { located(value) { $0.string($1) } }
        mutating func number(_ value: Located<Int>?) { located(value) { $0.int($1) } }
        mutating func texts(_ values: [Located<String>]) { array(values) { $0.text($1) } }

        mutating func keys(_ keys: KeySet, _ allowed: [String]) {
            int(allowed.indices.reduce(0) { keys.contains(allowed[$1]) ? $0 | 1 << $1 : $0 })
        }

        mutating func definition(_ error: ErrorDefinition) {
            location(error.location)
            keys(error.presentKeys, NodeReader.errorKeys)
            text(error.code)
            text(error.title)
            located(error.surface) { $0.string($1.rawValue) }
            number(error.status)
            optional(error.smtp) { writer, smtp in
                writer.number(smtp.reply)
                writer.text(smtp.enhanced)
                writer.location(smtp.location)
            }
            for value in [error.event, error.family, error.summary] { text(value) }
            optional(error.retry) { writer, retry in
                writer.located(retry.kind) { $0.string($1.rawValue) }
                for value in [retry.maxAttempts, retry.initialDelay, retry.maxDelay] { writer.number(value) }
                writer.located(retry.jitter) { $0.int($1 ? 1 : 0) }
                writer.location(retry.location)
            }
            texts(error.quickFix)
            texts(error.related)
            text(error.since)
            optional(error.deprecated) { writer, deprecation in
                for value in [deprecation.since, deprecation.replacedBy, deprecation.note] { writer.text(value) }
                writer.location(deprecation.location)
            }
            // The body after its length, so that a reader can step over it.
            var body = Writer()
            body.body(error.body)
            int(body.bytes.count)
            bytes += body.bytes
        }

        mutating func body(_ body: ErrorDefinition.Body) {
            text(body.scope)
            texts(body.endpoints)
            text(body.meaning)
            texts(body.causes)
            text(body.details)
            optional(body.example) { writer, example in
                writer.number(example.status)
                writer.array(example.headers) { writer, header in
                    writer.text(header.name)
                    writer.text(header.value)
                }
                writer.text(example.envelope)
                writer.located(example.body) { $0.json($1) }
                writer.array(example.bodyLocations.sorted(by: { $0.key < $1.key })) { writer, entry in
                    writer.string(entry.key)
                    writer.location(entry.value)
                }
                writer.location(example.location)
            }
            array(body.recovery) { writer, snippet in
                for value in [snippet.language, snippet.title, snippet.description, snippet.code] { writer.text(value) }
                writer.location(snippet.location)
                writer.keys(snippet.presentKeys, NodeReader.recoveryKeys)
            }
            texts(body.prevention)
            text(body.agentHint)
            array(body.headers) { writer, header in
                writer.text(header.name)
                writer.text(header.description)
                writer.location(header.location)
            }
        }

        mutating func json(_ value: JSONValue) {
            switch value {
            case .null: int(0)
            case .bool(let flag): int(flag ? 2 : 1)
            case .integer(let number):
                int(3)
                int(number)
            case .number(let number):
                int(4)
                int(Int(bitPattern: UInt(number.bitPattern)))
            case .string(let text):
                int(5)
                string(text)
            case .array(let items):
                int(6)
                array(items) { $0.json($1) }
            case .object(let members):
                int(7)
                array(members) { writer, member in
                    writer.string(member.key)
                    writer.json(member.value)
                }
            }
        }
    }

    // MARK: Reading

    struct Reader {
        let store: StoredBytes
        /// A location in the file, whose path every location read shares.
        let file: SourceLocation
        var offset = 0
        /// Where the bytes to read end.
        let end: Int

        var bytes: UnsafeRawBufferPointer { store.bytes }

        init(bytes: [UInt8], file: SourceLocation) {
            self.init(store: StoredBytes(bytes), file: file)
        }

        /// Reads `store`'s bytes from `offset` to `end` (its end when nil).
        init(store: StoredBytes, file: SourceLocation, offset: Int = 0, end: Int? = nil) {
            self.store = store
            self.file = file
            self.offset = offset
            self.end = end ?? store.bytes.count
        }

        mutating func int() throws -> Int {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard offset < end, shift < 64 else { throw Malformed() }
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
        }

        mutating func string() throws -> String {
            let count = try int()
            guard count >= 0, count <= end - offset else { throw Malformed() }
            defer { offset += count }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
        }

        mutating func array<Element>(_ each: (inout Reader) throws -> Element) throws -> [Element] {
            let count = try int()
            // Every element takes at least a byte.
            guard count >= 0, count <= end - offset else { throw Malformed() }
            var elements: [Element] = []
            elements.reserveCapacity(count)
            for _ in 0..<count { elements.append(try each(&self)) }
            return elements
        }

        mutating func optional<Value>(_ read: (inout Reader) throws -> Value) throws -> Value? {
            switch try int() {
            case 0: return nil
            case 1: return try read(&self)
            default: throw Malformed()
            }
        }

        mutating func diagnostics() throws -> [Diagnostic] {
            let json = try string()
            return json.isEmpty ? [] : try JSONDecoder().decode([Diagnostic].self, from: Data(json.utf8))
        }

        mutating func location() throws -> SourceLocation {
            SourceLocation(sameFileAs: file, line: try int(), column: try int())
        }

        mutating func located<Value>(_ read: (inout Reader) throws -> Value) throws -> Located<Value>? {
            try optional { reader in
                let value = try read(&reader)
                return Located(value, at: try reader.location(), contentStart: try reader.location())
            }
        }

        mutating func text() throws -> Located<String>? { try located { try $0.string() } }
        mutating func number() throws -> Located<Int>? { try located { try $0.int() } }
        mutating func texts() throws -> [Located<String>] { try array { try required($0.text()) } }

        mutating func choice<Choice: RawRepresentable<String>>(_: Choice.Type) throws -> Located<Choice>? {
            try located { reader in try required(Choice(rawValue: try reader.string())) }
        }


        mutating func keys(_ allowed: [String]) throws -> KeySet {
            KeySet(allowed: allowed, bits: UInt64(bitPattern: Int64(try int())))
        }

        /// - Parameter deferringBody: true leaves the body to be decoded when it is needed
        ///   (``ErrorDefinition/loadingBody()``), from these bytes.
        mutating func definition(deferringBody: Bool = false) throws -> ErrorDefinition {
            var error = ErrorDefinition(location: try location())
            error.presentKeys = try keys(NodeReader.errorKeys)
            error.code = try text()
            error.title = try text()
            error.surface = try choice(ErrorDefinition.Surface.self)
            error.status = try number()
            error.smtp = try optional { reader in
                SMTPReply(reply: try reader.number(), enhanced: try reader.text(), location: try reader.location())
            }
            error.event = try text()
            error.family = try text()
            error.summary = try text()
            error.retry = try optional { reader in
                RetryPolicy(kind: try required(reader.choice(RetryPolicy.Kind.self)), maxAttempts: try reader.number(),
                            initialDelay: try reader.number(), maxDelay: try reader.number(),
                            jitter: try reader.located { try $0.int() != 0 }, location: try reader.location())
            }
            error.quickFix = try texts()
            error.related = try texts()
            error.since = try text()
            error.deprecated = try optional { reader in
                Deprecation(since: try reader.text(), replacedBy: try reader.text(), note: try reader.text(),
                            location: try reader.location())
            }
            let length = try int()
            guard length >= 0, length <= end - offset else { throw Malformed() }
            let body = Reader(store: store, file: file, offset: offset, end: offset + length)
            offset += length
            if deferringBody {
                error.deferBody { try body.body() }
            } else {
                error.body = try body.body()
            }
            return error
        }

        /// The body that fills this reader's bytes up to `end`, exactly.
        func body() throws -> ErrorDefinition.Body {
            var reader = self
            var body = ErrorDefinition.Body()
            body.scope = try reader.text()
            body.endpoints = try reader.texts()
            body.meaning = try reader.text()
            body.causes = try reader.texts()
            body.details = try reader.text()
            body.example = try reader.optional { reader in
                let status = try reader.number()
                let headers = try reader.array { reader -> (name: Located<String>, value: Located<String>) in
                    guard let name = try reader.text(), let value = try reader.text() else { throw Malformed() }
                    return (name, value)
                }
                let envelope = try reader.text()
                let body = try reader.located { try $0.json() }
                let locations = try reader.array { reader in (try reader.string(), try reader.location()) }
                var example = ExampleResponse(location: try reader.location())
                example.status = status
                example.headers = headers
                example.envelope = envelope
                example.body = body
                example.bodyLocations = Dictionary(locations, uniquingKeysWith: { first, _ in first })
                return example
            }
            body.recovery = try reader.array { reader in
                let language = try reader.text(), title = try reader.text(), description = try reader.text(), code = try reader.text()
                var snippet = RecoverySnippet(location: try reader.location())
                snippet.language = language
                snippet.title = title
                snippet.description = description
                snippet.code = code
                snippet.presentKeys = try reader.keys(NodeReader.recoveryKeys)
                return snippet
            }
            body.prevention = try reader.texts()
            body.agentHint = try reader.text()
            body.headers = try reader.array { reader in
                HeaderDoc(name: try reader.text(), description: try reader.text(), location: try reader.location())
            }
            guard reader.offset == reader.end else { throw Malformed() }
            return body
        }

        mutating func json() throws -> JSONValue {
            switch try int() {
            case 0: return .null
            case 1: return .bool(false)
            case 2: return .bool(true)
            case 3: return .integer(try int())
            case 4: return .number(Double(bitPattern: UInt64(UInt(bitPattern: try int()))))
            case 5: return .string(try string())
            case 6: return .array(try array { try $0.json() })
            case 7: return .object(try array { reader in JSONValue.Member(try reader.string(), try reader.json()) })
            default: throw Malformed()
            }
        }
    }
}

/// The value, or a malformed form when there is none.
private func required<Value>(_ value: Value?) throws -> Value {
    guard let value else { throw LoadedFileCoding.Malformed() }
    return value
}
