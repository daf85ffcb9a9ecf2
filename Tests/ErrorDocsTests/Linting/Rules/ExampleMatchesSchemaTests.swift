import ErrorDocsModel
import Testing

@Suite struct ExampleMatchesSchemaTests {
    static let rule = "example-matches-schema"

    /// The test catalog with more properties in the `standard` schema, one per keyword. The
    /// schema mapping itself still starts at catalog.yaml:13:7.
    static let settings = TemporaryCatalog.settings(replacing: "        retry_after: {type: [integer, \"null\"]}", with: """
                retry_after: {type: [integer, "null"]}
                kind: {enum: [client, server]}
                version: {const: 1}
                fields: {type: array, items: {type: string}}
                "a/b": {type: string}
                "x~y": {type: string}
                count: {type: integer, minimum: 1, maximum: 10}
                note: {type: string, minLength: 2, maxLength: 5}
        """)

    /// The standard error file with `lines` added to the body after `message` (line 13), so the
    /// first added line is line 14.
    static func error(bodyLines lines: String) -> String {
        TemporaryCatalog.error(replacing: "    message: Something is wrong.", with: "    message: Something is wrong.\n" + lines)
    }

    func found(_ file: String) throws -> [Diagnostic] {
        try lint(["catalog.yaml": Self.settings, "errors/x.yaml": file]).with(rule: Self.rule)
    }

    @Test func aValueOfTheWrongTypeIsReportedAtTheValueWithANoteAtTheSchema() throws {
        let found = try found(TemporaryCatalog.error(replacing: "    message: Something is wrong.", with: "    message: 42"))
        #expect(found.positions == ["errors/x.yaml:13:14 [\(Self.rule)]"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "example body at /message does not match envelope 'standard': expected string, found an integer")
        #expect(found.first?.notes.map { "\($0.location)" } == ["catalog.yaml:13:7"])
    }

    @Test func aMissingRequiredPropertyIsReportedAtTheBody() throws {
        let found = try found(TemporaryCatalog.error(replacing: "    message: Something is wrong.\n", with: ""))
        #expect(found.positions == ["errors/x.yaml:12:5 [\(Self.rule)]"])
        #expect(found.first?.message == "example body does not match envelope 'standard': missing required property 'message'")
    }

    @Test func aPropertyTheSchemaDoesNotAllowIsReportedAtItsValue() throws {
        let found = try found(Self.error(bodyLines: "    extra: 1"))
        #expect(found.positions == ["errors/x.yaml:14:12 [\(Self.rule)]"])
        #expect(found.first?.message.hasSuffix("property 'extra' is not allowed by the schema") == true)
    }

    @Test func aValueOutsideTheEnumIsReported() throws {
        let found = try found(Self.error(bodyLines: "    kind: other"))
        #expect(found.positions == ["errors/x.yaml:14:11 [\(Self.rule)]"])
        #expect(found.first?.message.contains("must be one of") == true)
    }

    @Test func aValueOtherThanTheConstIsReported() throws {
        let found = try found(Self.error(bodyLines: "    version: 2"))
        #expect(found.positions == ["errors/x.yaml:14:14 [\(Self.rule)]"])
        #expect(found.first?.message.hasSuffix("must be 1, found 2") == true)
    }

    @Test func aListItemOfTheWrongTypeIsReportedAtTheItem() throws {
        let found = try found(Self.error(bodyLines: "    fields: [name, 3]"))
        #expect(found.positions == ["errors/x.yaml:14:20 [\(Self.rule)]"])
        #expect(found.first?.message.contains("at /fields/1") == true)
    }

    @Test func aListItemInABlockListIsReportedOnItsOwnLine() throws {
        let found = try found(Self.error(bodyLines: "    fields:\n      - name\n      - 3"))
        #expect(found.positions == ["errors/x.yaml:16:9 [\(Self.rule)]"])
    }

    @Test func aValueNotMatchingThePatternIsReported() throws {
        let found = try found(TemporaryCatalog.error(replacing: "    error: bad_request", with: "    error: BAD"))
        #expect(found.positions == ["errors/x.yaml:12:12 [\(Self.rule)]"])
        #expect(found.first?.message.contains("'BAD' does not match pattern ^[a-z_.]+$") == true)
    }

    @Test func numberAndLengthLimitsAreReported() throws {
        let found = try found(Self.error(bodyLines: "    count: 0\n    note: x"))
        #expect(found.positions == ["errors/x.yaml:14:12 [\(Self.rule)]", "errors/x.yaml:15:11 [\(Self.rule)]"])
    }

    @Test(arguments: [("\"a/b\"", "/a~1b"), ("\"x~y\"", "/x~0y")])
    func keysWithSlashOrTildeAreFoundAtTheirOwnLine(key: String, pointer: String) throws {
        let found = try found(Self.error(bodyLines: "    \(key): 1"))
        #expect(found.positions == ["errors/x.yaml:14:12 [\(Self.rule)]"])
        #expect(found.first?.message.contains("at \(pointer) ") == true)
    }

    @Test func aBodyThatIsNotAnObjectIsReportedAtTheBody() throws {
        let file = TemporaryCatalog.error(
            replacing: "  body:\n    error: bad_request\n    message: Something is wrong.", with: "  body: [bad_request]")
        let found = try found(file)
        #expect(found.positions == ["errors/x.yaml:11:9 [\(Self.rule)]"])
        #expect(found.first?.message.hasSuffix("expected object, found an array") == true)
    }

    @Test func aBodyUsingEveryKeywordCorrectlyPasses() throws {
        let file = Self.error(bodyLines: """
                retry_after: null
                kind: client
                version: 1
                fields: [name, email]
                "a/b": text
                "x~y": text
                count: 10
                note: short
            """)
        let diagnostics = try lint(["catalog.yaml": Self.settings, "errors/x.yaml": file])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }
}
