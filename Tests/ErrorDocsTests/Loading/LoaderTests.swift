import ErrorDocs
import ErrorDocsModel
import Foundation
import Testing

// MARK: - Happy paths

@Suite struct LoaderHappyPathTests {
    static let rateLimited = """
        code: rate_limited
        title: Too many requests
        status: 429
        family: rate_limit
        summary: You sent too many requests.
        meaning: Slow down.
        causes:
          - A loop without delay.
        retry:
          policy: retry_after
          max_attempts: 4
          initial_delay: 500ms
          max_delay: 2m
          jitter: false
        example:
          status: 429
          headers:
            Retry-After: "30"
            X-Request-Id: abc
          body:
            error: rate_limited
            message: Slow down.
            retry_after: 30
        quick_fix:
          - Wait.
        headers:
          - {name: Retry-After, description: Seconds to wait.}
        """

    @Test func aFileWithOneErrorLoadsEveryValueWithItsPosition() throws {
        let catalog = try TemporaryCatalog(["errors/rate_limited.yaml": Self.rateLimited])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.settingsParsed)
        let error = try #require(result.catalog.errors.first)
        #expect(result.catalog.errors.count == 1)

        let code = try #require(error.code)
        #expect(code.value == "rate_limited")
        #expect(catalog.relative(code.location) == "errors/rate_limited.yaml:1:7")
        let status = try #require(error.status)
        #expect(status.value == 429)
        #expect(catalog.relative(status.location) == "errors/rate_limited.yaml:3:9")
        #expect(error.family?.value == "rate_limit")
        #expect(error.causes.map(\.value) == ["A loop without delay."])
        #expect(error.quickFix.map(\.value) == ["Wait."])
        #expect(error.effectiveSurface == .response)
    }

    @Test func retryDurationsAreConvertedToMilliseconds() throws {
        let catalog = try TemporaryCatalog(["errors/rate_limited.yaml": Self.rateLimited])
        defer { catalog.remove() }
        let retry = try #require(try catalog.load().catalog.errors.first?.retry)
        #expect(retry.kind.value == .retryAfter)
        #expect(catalog.relative(retry.kind.location) == "errors/rate_limited.yaml:10:11")
        #expect(retry.maxAttempts?.value == 4)
        #expect(retry.initialDelay?.value == 500)
        #expect(retry.maxDelay?.value == 120_000)
        #expect(retry.jitter?.value == false)
    }

    @Test(arguments: [("750ms", 750), ("2s", 2_000), ("5m", 300_000), ("1h", 3_600_000), ("0s", 0)])
    func everyDurationUnitIsAccepted(written: String, milliseconds: Int) throws {
        let file = TemporaryCatalog.error(
            "unavailable", status: 503, family: "server",
            replacing: "quick_fix:", with: "retry: {policy: backoff, initial_delay: \(written)}\nquick_fix:")
        let catalog = try TemporaryCatalog(["errors/x.yaml": file])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.catalog.errors.first?.retry?.initialDelay?.value == milliseconds)
    }

    @Test func exampleHeadersAndBodyLandInTheModelInTheAuthorsOrder() throws {
        let catalog = try TemporaryCatalog(["errors/rate_limited.yaml": Self.rateLimited])
        defer { catalog.remove() }
        let error = try #require(try catalog.load().catalog.errors.first)
        let example = try #require(error.example)
        #expect(example.status?.value == 429)
        #expect(example.headers.map(\.name.value) == ["Retry-After", "X-Request-Id"])
        #expect(example.headers.map(\.value.value) == ["30", "abc"])
        #expect(example.envelope == nil)
        let body = try #require(example.body)
        #expect(body.value == .object([
            .init("error", .string("rate_limited")),
            .init("message", .string("Slow down.")),
            .init("retry_after", .integer(30)),
        ]))
        #expect(catalog.relative(body.location) == "errors/rate_limited.yaml:21:5")
        let retryAfter = try #require(example.bodyLocations["/retry_after"])
        #expect(catalog.relative(retryAfter) == "errors/rate_limited.yaml:23:18")
    }

    @Test func documentedHeadersAreReadAsNameAndDescription() throws {
        let catalog = try TemporaryCatalog(["errors/rate_limited.yaml": Self.rateLimited])
        defer { catalog.remove() }
        let error = try #require(try catalog.load().catalog.errors.first)
        #expect(error.headers.map { $0.name?.value } == ["Retry-After"])
        #expect(error.headers.map { $0.description?.value } == ["Seconds to wait."])
    }

    @Test func bodyScalarsAreTypedByTheYAMLCoreSchema() throws {
        let file = TemporaryCatalog.error(replacing: "    message: Something is wrong.", with: """
                message: Something is wrong.
                retry_after: null
                extra:
                  quoted: "42"
                  number: 1.5
                  flag: true
                  answer: NO
            """)
        // The body no longer matches the schema; this test only looks at the values read.
        let catalog = try TemporaryCatalog(["errors/x.yaml": file])
        defer { catalog.remove() }
        let error = try #require(try catalog.load().catalog.errors.first)
        let body = try #require(error.example?.body?.value)
        #expect(body["retry_after"] == .null)
        #expect(body["extra"] == .object([
            .init("quoted", .string("42")),
            .init("number", .number(1.5)),
            .init("flag", .bool(true)),
            .init("answer", .string("NO")),
        ]))
    }

    @Test func aFileWithAnErrorsListLoadsEveryError() throws {
        let file = """
            errors:
              - code: first_error
                title: First
                status: 400
                family: validation
                summary: First summary.
                meaning: First meaning.
                causes: [A cause.]
                example: {status: 400, body: {error: first_error, message: First.}}
                quick_fix: [Fix it.]
              - code: second_error
                title: Second
                status: 422
                family: validation
                summary: Second summary.
                meaning: Second meaning.
                causes: [A cause.]
                example: {status: 422, body: {error: second_error, message: Second.}}
                quick_fix: [Fix it.]
            """
        let catalog = try TemporaryCatalog(["errors/validation.yaml": file])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.catalog.errors.compactMap { $0.code?.value } == ["first_error", "second_error"])
        #expect(result.catalog.errors.compactMap { $0.code.map { catalog.relative($0.location) } } == [
            "errors/validation.yaml:2:11", "errors/validation.yaml:11:11",
        ])
        #expect(result.catalog.errors.compactMap { $0.status?.value } == [400, 422])
        #expect(try catalog.lint().isEmpty)
    }

    @Test func errorFilesInNestedFoldersAreFoundAndReportedWithTheirPath() throws {
        let catalog = try TemporaryCatalog([
            "errors/top.yaml": TemporaryCatalog.error("top_error"),
            "errors/http/client/deep.yaml": TemporaryCatalog.error("deep_error", extra: "colour: red"),
            "errors/http/notes.txt": "not an error file",
        ])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(Set(result.catalog.errors.compactMap { $0.code?.value }) == ["top_error", "deep_error"])
        #expect(result.catalog.files.map { catalog.relative(ErrorDocsModel.SourceLocation(file: $0, line: 1, column: 1)) } == [
            "catalog.yaml:1:1", "errors/http/client/deep.yaml:1:1", "errors/top.yaml:1:1",
        ])
        #expect(try catalog.lint().positions == ["errors/http/client/deep.yaml:16:1 [unknown-key]", "errors/http/notes.txt:1:1 [ignored-file]"])
    }

    @Test func aGuideTakesItsSlugFromTheFileNameAndItsTitleFromTheFirstLine() throws {
        let catalog = try TemporaryCatalog([
            "guides/retry-strategy.md": "# Retry strategy\n\nUse backoff.\n",
        ])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let guide = try #require(result.catalog.guides.first)
        #expect(guide.slug == "retry-strategy")
        #expect(guide.title == "Retry strategy")
        #expect(guide.body.value == "\nUse backoff.\n")
        #expect(catalog.relative(guide.body.location) == "guides/retry-strategy.md:2:1")
    }

    @Test func settingsAreLoadedFromCatalogYAML() throws {
        let catalog = try TemporaryCatalog([:])
        defer { catalog.remove() }
        let settings = try catalog.load().catalog.settings
        #expect(settings.name?.value == "Test API")
        #expect(settings.version?.value == "1.0.0")
        #expect(settings.languages.map(\.value) == ["python", "javascript"])
        #expect(settings.envelopes.map(\.name.value) == ["standard"])
        #expect(settings.defaultEnvelope?.codeField?.value == "error")
        #expect(settings.families.map(\.id.value) == ["validation", "rate_limit", "server"])
        let rateLimit = try #require(settings.family("rate_limit"))
        #expect(rateLimit.statuses.map(\.value) == [429])
        #expect(rateLimit.retry?.maxDelay?.value == 60_000)
    }
}

// MARK: - Encodings and line endings

@Suite struct LoaderEncodingTests {
    @Test func anInvalidByteIsReportedAtItsLineAndColumn() throws {
        // Line 3 is `summary: café \xFF`: 14 characters (é is one), so the bad byte is column 15.
        let text = Array("code: bad_bytes\ntitle: Bad bytes\nsummary: café ".utf8) + [0xFF] + Array("\n".utf8)
        let diagnostics = try lint([:], bytes: text, at: "errors/x.yaml")
        #expect(diagnostics.positions == ["errors/x.yaml:3:15 [invalid-utf8]"])
        #expect(diagnostics.first?.severity == .error)
        #expect(diagnostics.first?.message.contains("0xFF") == true)
    }

    @Test(arguments: [
        [0xC0, 0xAF],  // overlong encoding of '/'
        [0xED, 0xA0, 0x80],  // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xE2, 0x82],  // truncated at the end of the file
        [0x80],  // lone continuation byte
    ] as [[UInt8]])
    func malformedSequencesAreInvalidUTF8(bad: [UInt8]) throws {
        let diagnostics = try lint([:], bytes: Array("code: x\ntitle: ".utf8) + bad, at: "errors/x.yaml")
        #expect(diagnostics.positions == ["errors/x.yaml:2:8 [invalid-utf8]"])
    }

    @Test func aByteOrderMarkIsAcceptedAndNotCountedAsAColumn() throws {
        let catalog = try TemporaryCatalog([:])
        defer { catalog.remove() }
        try catalog.write([0xEF, 0xBB, 0xBF] + Array(TemporaryCatalog.error().utf8), to: "errors/x.yaml")
        #expect(try catalog.lint().isEmpty)
        let code = try #require(try catalog.load().catalog.errors.first?.code)
        #expect(code.value == "bad_request")
        #expect(catalog.relative(code.location) == "errors/x.yaml:1:7")
    }

    @Test func anInvalidByteAfterAByteOrderMarkIsCountedFromTheFirstCharacter() throws {
        let diagnostics = try lint([:], bytes: [0xEF, 0xBB, 0xBF] + Array("code: ".utf8) + [0xFF], at: "errors/x.yaml")
        #expect(diagnostics.positions == ["errors/x.yaml:1:7 [invalid-utf8]"])
    }

    @Test func crlfLineEndingsAreAcceptedAndDoNotLeakIntoValues() throws {
        let file = TemporaryCatalog.error(replacing: "meaning: The body is not what the endpoint expects.", with: """
            meaning: |
              First line.
              Second line.
            """).replacingOccurrences(of: "\n", with: "\r\n")
        let catalog = try TemporaryCatalog([
            "catalog.yaml": TemporaryCatalog.settings.replacingOccurrences(of: "\n", with: "\r\n"),
            "errors/x.yaml": file,
        ])
        defer { catalog.remove() }
        #expect(try catalog.lint().isEmpty)
        let error = try #require(try catalog.load().catalog.errors.first)
        #expect(error.title?.value == "Bad request bad_request")
        #expect(error.meaning?.value == "First line.\nSecond line.\n")
        #expect(error.status.map { catalog.relative($0.location) } == "errors/x.yaml:3:9")
        #expect(error.quickFix.map { catalog.relative($0.location) } == ["errors/x.yaml:17:5"])
    }

    @Test func aGuideWithCRLFLineEndingsKeepsOnlyTheFirstLineAsTitle() throws {
        let catalog = try TemporaryCatalog(["guides/retries.md": "# Retries\r\n\r\nUse backoff.\r\n"])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let guide = try #require(result.catalog.guides.first)
        let diagnostics = try catalog.lint()
        #expect(guide.title == "Retries")
        #expect(diagnostics.isEmpty, "the body is not mistaken for empty: \(diagnostics)")
    }
}

// MARK: - YAML problems

@Suite struct LoaderYAMLProblemTests {
    @Test func malformedYAMLIsReportedWhereTheParserStopped() throws {
        let diagnostics = try lint(["errors/x.yaml": "code: broken\ntitle: a: b\n"])
        #expect(diagnostics.positions == ["errors/x.yaml:2:9 [yaml-syntax]"])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func anUnclosedFlowListIsASyntaxError() throws {
        let diagnostics = try lint(["errors/x.yaml": "code: broken\ncauses: [one, two\nfamily: validation\n"])
        #expect(diagnostics.map(\.ruleID) == ["yaml-syntax"])
        #expect(diagnostics.first?.location.file == "errors/x.yaml")
    }

    @Test func tabIndentationIsASyntaxErrorAtTheTab() throws {
        let diagnostics = try lint(["errors/x.yaml": "code: tabbed\nexample:\n\tstatus: 400\n"])
        #expect(diagnostics.positions == ["errors/x.yaml:3:1 [yaml-syntax]"])
        #expect(diagnostics.first?.message.contains("this is a tab, and YAML indents with spaces only") == true, "\(diagnostics)")
    }

    /// A line of a `|` block indented less than the block ends it, and libyaml complains on
    /// the next key's line about a missing ':'. The message points at the stray line instead.
    @Test func aDedentedLineOfABlockIsReportedWhereItIs() throws {
        let file = TemporaryCatalog.error(extra: "recovery:\n  - language: python\n    code: |\n      import time\n    send()\n      time.sleep(1)\nprevention:\n  - Throttle.")
        let diagnostics = try lint(["errors/x.yaml": file])
        #expect(diagnostics.positions == ["errors/x.yaml:20:5 [yaml-syntax]"])
        #expect(diagnostics.first?.message == "invalid YAML: 'send()' is read as a key, but no ':' follows it; if it belongs to the "
                + "text above (a '|' or '>' block), indent it as much as the block's other lines, and if it is a key, add ': ' after it")
    }

    /// The file is still read: its code is known, so errors relating to it are not reported too.
    @Test func aDuplicateKeyDoesNotHideTheErrorsCode() throws {
        let diagnostics = try lint([
            "errors/x.yaml": TemporaryCatalog.error("first_error", extra: "title: Again"),
            "errors/y.yaml": TemporaryCatalog.error("second_error", extra: "related: [first_error]"),
        ])
        #expect(diagnostics.positions == ["errors/x.yaml:16:1 [duplicate-key]"])
    }

    @Test func aDuplicateKeyIsReportedAtTheSecondKeyWithANoteAtTheFirst() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "title: Again")])
        #expect(diagnostics.positions == ["errors/x.yaml:16:1 [duplicate-key]"])
        let duplicate = try #require(diagnostics.first)
        #expect(duplicate.message.contains("'title'"))
        #expect(duplicate.notes.map { "\($0.location)" } == ["errors/x.yaml:2:1"])
    }

    @Test func aDuplicateKeyInAFlowMappingIsReportedAtTheSecondKey() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "retry: {policy: never, policy: after_fix}")])
        #expect(diagnostics.positions == ["errors/x.yaml:16:24 [duplicate-key]"])
        #expect(diagnostics.first?.notes.map { "\($0.location)" } == ["errors/x.yaml:16:9"])
    }

    @Test func theSameKeyInTwoListItemsIsNotADuplicate() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: """
            headers:
              - name: Retry-After
                description: Seconds.
              - name: X-Request-Id
                description: Request id.
            """)])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func anchorsAndAliasesAreRefused() throws {
        let file = "code: aliased\ntitle: &t Title\nsummary: *t\n"
        let diagnostics = try lint(["errors/x.yaml": file])
        #expect(diagnostics.positions == ["errors/x.yaml:2:8 [yaml-alias]", "errors/x.yaml:3:10 [yaml-alias]"])
    }

    @Test func aBillionLaughsFileIsRefusedQuickly() throws {
        var lines = [#"a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"#]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        let elapsed = try clock.measure {
            diagnostics = try lint(["errors/bomb.yaml": lines.joined(separator: "\n")])
        }
        #expect(elapsed < .seconds(10))
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.ruleID == "yaml-alias" })
        #expect(diagnostics.first.map { "\($0.location)" } == "errors/bomb.yaml:1:4")
        // One anchor per line plus nine aliases on each of the eight lines after the first.
        #expect(diagnostics.count == 9 + 8 * 9)
    }

    @Test func nestingDeeperThan64LevelsIsRefusedAtTheLevelThatCrossesTheLimit() throws {
        // The top-level mapping is level 1, so the 64th '[' (column 70) is level 65.
        let deep = "code: " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n"
        let diagnostics = try lint(["errors/x.yaml": deep])
        #expect(diagnostics.positions == ["errors/x.yaml:1:70 [yaml-too-deep]"])
    }

    @Test func aControlCharacterIsReportedWhereItIs() throws {
        let diagnostics = try lint(["errors/x.yaml": "code: x\ntitle: a\u{1}b\n"])
        #expect(diagnostics.positions == ["errors/x.yaml:2:9 [yaml-syntax]"])
        #expect(diagnostics.first?.message == "invalid YAML: control characters are not allowed")
    }

    @Test func nestingOf64LevelsIsAccepted() throws {
        let deep = "code: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "\n"
        let diagnostics = try lint(["errors/x.yaml": deep])
        #expect(diagnostics.with(rule: "yaml-too-deep").isEmpty)
        #expect(diagnostics.with(rule: "wrong-type").positions == ["errors/x.yaml:1:7 [wrong-type]"])
    }

    @Test func severalDocumentsInOneFileAreASyntaxError() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error() + "\n---\n" + TemporaryCatalog.error("other")])
        #expect(diagnostics.map(\.ruleID) == ["yaml-syntax"])
    }
}

// MARK: - Values of the wrong shape

@Suite struct LoaderValueProblemTests {
    @Test func aMisspeltKeyIsUnknownWithASuggestion() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "sumary: A typo.")])
        #expect(diagnostics.positions == ["errors/x.yaml:16:1 [unknown-key]"])
        let problem = try #require(diagnostics.first)
        #expect(problem.severity == .error)
        #expect(problem.message.contains("did you mean 'summary'?"))
    }

    @Test func anUnrelatedKeyIsUnknownWithoutASuggestion() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "colour: red")])
        #expect(diagnostics.positions == ["errors/x.yaml:16:1 [unknown-key]"])
        #expect(diagnostics.first?.message.contains("did you mean") == false)
    }

    @Test func unknownKeysInNestedMappingsAreReportedAtTheKey() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(
            replacing: "  status: 400\n  body:", with: "  status: 400\n  statsu: 400\n  body:")])
        #expect(diagnostics.positions == ["errors/x.yaml:11:3 [unknown-key]"])
        #expect(diagnostics.first?.message.contains("did you mean 'status'?") == true)
    }

    @Test func anUnknownKeyInCatalogYAMLIsReported() throws {
        let diagnostics = try lint(["catalog.yaml": TemporaryCatalog.settings(replacing: "base_url:", with: "baseurl:")])
        #expect(diagnostics.with(rule: "unknown-key").positions == ["catalog.yaml:3:1 [unknown-key]"])
        #expect(diagnostics.with(rule: "unknown-key").first?.message.contains("did you mean 'base_url'?") == true)
    }

    @Test func aListWhereTextBelongsIsTheWrongType() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(
            replacing: "title: Bad request bad_request", with: "title: [Bad, request]")])
        #expect(diagnostics.positions == ["errors/x.yaml:2:8 [wrong-type]"])
        #expect(diagnostics.first?.message.contains("found a list") == true)
    }

    /// A terminal escape or a bell in a title would reach every page, the registry and the SDKs.
    @Test(arguments: [(#""\e[31mred""#, "001B"), (#""ring \a""#, "0007"), (#""next \N line""#, "0085")])
    func controlCharactersInTextAreErrors(title: String, codePoint: String) throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(
            replacing: "title: Bad request bad_request", with: "title: \(title)")])
        #expect(diagnostics.positions == ["errors/x.yaml:2:8 [control-character]"])
        #expect(diagnostics.first?.message.contains("U+\(codePoint)") == true, "\(diagnostics)")
    }

    @Test func tabsAndLineBreaksInTextAreFine() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(
            replacing: "title: Bad request bad_request", with: #"title: "Bad\trequest\r\nbad_request""#)])
        #expect(diagnostics.with(rule: "control-character").isEmpty)
    }

    @Test func textWhereAWholeNumberBelongsIsTheWrongType() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(
            replacing: "status: 400\nfamily", with: "status: four hundred\nfamily")])
        #expect(diagnostics.positions == ["errors/x.yaml:3:9 [wrong-type]"])
    }

    @Test func aQuotedStatusIsTextNotANumber() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(
            replacing: "status: 400\nfamily", with: "status: \"400\"\nfamily")])
        #expect(diagnostics.positions == ["errors/x.yaml:3:9 [wrong-type]"])
        #expect(diagnostics.first?.message.contains("the text '400'") == true)
    }

    @Test func yesIsNotABoolean() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "retry: {policy: after_fix, jitter: yes}")])
        #expect(diagnostics.positions == ["errors/x.yaml:16:36 [wrong-type]"])
    }

    @Test func aMappingWhereAListBelongsIsTheWrongType() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(
            replacing: "causes:\n  - A field is missing.", with: "causes:\n  first: A field is missing.")])
        #expect(diagnostics.with(rule: "wrong-type").positions == ["errors/x.yaml:8:3 [wrong-type]"])
    }

    @Test func aListForTheWholeErrorFileIsTheWrongType() throws {
        let diagnostics = try lint(["errors/x.yaml": "- code: a\n- code: b\n"])
        #expect(diagnostics.positions == ["errors/x.yaml:1:1 [wrong-type]"])
    }

    @Test func anUnknownSurfaceIsAnInvalidValue() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "surface: web")])
        #expect(diagnostics.positions == ["errors/x.yaml:16:10 [invalid-value]"])
        #expect(diagnostics.first?.message.contains("response, event, smtp") == true)
    }

    @Test func anUnknownRetryPolicyIsAnInvalidValue() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "retry: {policy: sometimes}")])
        #expect(diagnostics.positions == ["errors/x.yaml:16:17 [invalid-value]"])
    }

    @Test(arguments: ["5d", "2 s", "1.5s", "-1s", "s", "30"])
    func aMalformedDurationIsAnInvalidValue(written: String) throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "retry:\n  policy: after_fix\n  max_delay: \(written)")])
        #expect(diagnostics.positions == ["errors/x.yaml:18:14 [invalid-value]"])
    }

    @Test func aRetryPolicyWithoutPolicyIsReported() throws {
        let diagnostics = try lint(["errors/x.yaml": TemporaryCatalog.error(extra: "retry: {max_attempts: 3}")])
        #expect(diagnostics.positions == ["errors/x.yaml:16:8 [required-field]"])
    }
}

// MARK: - Files

@Suite struct LoaderFileProblemTests {
    @Test func anEmptyErrorFileIsAWarning() throws {
        let diagnostics = try lint(["errors/empty.yaml": ""])
        #expect(diagnostics.positions == ["errors/empty.yaml:1:1 [empty-file]"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func anErrorFileWithOnlyCommentsIsAWarning() throws {
        let diagnostics = try lint(["errors/empty.yaml": "# to do\n# later\n"])
        #expect(diagnostics.positions == ["errors/empty.yaml:1:1 [empty-file]"])
    }

    @Test(arguments: ["Retry_Strategy.md", "-leading.md", "UPPER.md"])
    func aGuideWithABadFileNameIsReported(name: String) throws {
        let diagnostics = try lint(["guides/\(name)": "# Title\n\nBody.\n"])
        #expect(diagnostics.positions == ["guides/\(name):1:1 [guide-format]"])
    }

    @Test(arguments: ["Intro\n\nBody.\n", "#Title\n\nBody.\n", "## Title\n\nBody.\n", "#   \n\nBody.\n", "\n# Title\n"])
    func aGuideWithoutATitleLineIsReported(text: String) throws {
        let diagnostics = try lint(["guides/intro.md": text])
        #expect(diagnostics.positions == ["guides/intro.md:1:1 [guide-format]"])
    }

    @Test func aGuideWithInvalidUTF8IsReported() throws {
        let diagnostics = try lint([:], bytes: Array("# Title\n\nBad ".utf8) + [0xFE], at: "guides/intro.md")
        #expect(diagnostics.positions == ["guides/intro.md:3:5 [invalid-utf8]"])
    }

    @Test func anErrorsListWithNoErrorsIsAWarning() throws {
        let diagnostics = try lint(["errors/empty.yaml": "errors: []\n"])
        #expect(diagnostics.positions == ["errors/empty.yaml:1:9 [empty-file]"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func aFileOver8MiBIsRefusedBeforeParsing() throws {
        let diagnostics = try lint([:], bytes: Array(repeating: 0x20, count: 8 * 1024 * 1024 + 1), at: "errors/huge.yaml")
        #expect(diagnostics.positions == ["errors/huge.yaml:1:1 [file-too-large]"])
    }

    @Test func onlyGuidesDirectlyInTheGuidesFolderAreLoaded() throws {
        // The format is `guides/*.md`, and a guide's slug is its file name, so a nested
        // `guides/drafts/intro.md` would take the page `guides/intro/` of `guides/intro.md`.
        let catalog = try TemporaryCatalog([
            "guides/intro.md": "# Intro\n\nPublished.\n",
            "guides/drafts/intro.md": "# Draft intro\n\nNot ready.\n",
        ])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.catalog.guides.map(\.title) == ["Intro"])
        let warnings = result.diagnostics.map { "\(catalog.relative($0.location)) [\($0.ruleID)] \($0.severity)" }
        // Reported as ignored, so lint: can silence it like any other file left out.
        #expect(warnings == ["guides/drafts/intro.md:1:1 [ignored-file] warning"])
    }

    @Test func filesInTheErrorsFolderThatAreNotYAMLAreReportedAsIgnored() throws {
        // `dup.YAML`'s error used to go missing without a word.
        let catalog = try TemporaryCatalog([
            "errors/ok.yaml": TemporaryCatalog.error(),
            "errors/dup.YAML": TemporaryCatalog.error("dup"),
            "errors/sub/old.YML": TemporaryCatalog.error("old"),
            "errors/x.json": "{}",
            "errors/README.md": "# Errors\n",
            "errors/.DS_Store": "",
            "errors/.ok.yaml.swp": "",
        ])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.catalog.errors.compactMap(\.code?.value) == ["bad_request"])
        let warnings = catalog.described(result.diagnostics)
        let lowerCase = "an error file's name must end in '.yaml' or '.yml' in lower case; this file is ignored"
        let other = "only '.yaml' and '.yml' files are read from the errors/ folder; this file is ignored"
        // A README.md for the catalog's maintainers is a normal thing to keep there: not reported.
        #expect(warnings == [
            "errors/dup.YAML:1:1 [ignored-file] warning: \(lowerCase)",
            "errors/sub/old.YML:1:1 [ignored-file] warning: \(lowerCase)",
            "errors/x.json:1:1 [ignored-file] warning: \(other)",
        ])
    }

    @Test func filesInTheGuidesFolderThatAreNotMarkdownAreReportedAsIgnored() throws {
        // A guide can link only to pages, and the build copies nothing from guides/: an image
        // there is as unused as a .txt guide, which used to go missing without a word.
        let catalog = try TemporaryCatalog([
            "guides/intro.md": "# Intro\n\nPublished.\n",
            "guides/retries.txt": "# Retries\n",
            "guides/Setup.MD": "# Setup\n",
            "guides/diagram.png": "",
            "guides/images/flow.svg": "<svg/>",
            "guides/.DS_Store": "",
        ])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.catalog.guides.map(\.slug) == ["intro"])
        let warnings = catalog.described(result.diagnostics)
        let lowerCase = "a guide's file name must end in '.md' in lower case; this file is ignored"
        let other = "only '.md' files are read from the guides/ folder; this file is ignored"
        #expect(warnings == [
            "guides/Setup.MD:1:1 [ignored-file] warning: \(lowerCase)",
            "guides/diagram.png:1:1 [ignored-file] warning: \(other)",
            "guides/images/flow.svg:1:1 [ignored-file] warning: \(other)",
            "guides/retries.txt:1:1 [ignored-file] warning: \(other)",
        ])
    }

    /// A README.md in guides/ (or a folder of it) describes the folder to the catalog's
    /// maintainers, as under errors/: it is neither a page nor a problem. It failed
    /// guide-format, or with a '# Title' became a page called readme.
    @Test func aReadmeInTheGuidesFolderIsANoteNotAGuide() throws {
        let catalog = try TemporaryCatalog([
            "guides/intro.md": "# Intro\n\nPublished.\n",
            "guides/README.md": "Guides live here; each needs a '# Title' line.\n",
            "guides/drafts/Readme.MD": "# Drafts\n",
        ])
        defer { catalog.remove() }
        let result = try catalog.load()
        #expect(result.catalog.guides.map(\.slug) == ["intro"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func aBuildIsNotUpToDateOnceAnIgnoredGuideFileComesAndKeepsReportingIt() throws {
        let catalog = try TemporaryCatalog(["errors/ok.yaml": TemporaryCatalog.error(), "guides/intro.md": "# Intro\n\nHello.\n"])
        defer { catalog.remove() }
        var output = MemoryOutput()
        #expect(try Pipeline.build(catalog.root.path, templates: nil, into: &output).succeeded)
        try catalog.write(Array("# Retries\n".utf8), to: "guides/retries.txt")
        let second = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(!second.upToDate, "a new ignored file changes the build's key")
        #expect(second.diagnostics.with(rule: "ignored-file").map(\.location.file) == [catalog.root.path + "/guides/retries.txt"])
        let third = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(third.upToDate && third.diagnostics.map(\.ruleID).contains("ignored-file"), "an up-to-date build reports it again")
    }

    @Test func aBuildIsNotUpToDateOnceAnIgnoredErrorFileComesAndKeepsReportingIt() throws {
        let catalog = try TemporaryCatalog(["errors/ok.yaml": TemporaryCatalog.error()])
        defer { catalog.remove() }
        var output = MemoryOutput()
        let first = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(first.succeeded && first.diagnostics.filter { $0.ruleID == "ignored-file" }.isEmpty, "\(first.diagnostics)")

        try catalog.write(Array("code: dup\n".utf8), to: "errors/dup.YAML")
        let second = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(!second.upToDate, "a new ignored file changes the build's key")
        #expect(second.diagnostics.map(\.ruleID).contains("ignored-file"), "\(second.diagnostics)")
        let third = try Pipeline.build(catalog.root.path, templates: nil, into: &output)
        #expect(third.upToDate)
        #expect(third.diagnostics.map(\.ruleID).contains("ignored-file"), "an up-to-date build reports it again")
    }

    @Test func aMissingFolderThrows() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("errdocs-missing-\(UUID().uuidString)").path
        #expect(throws: CatalogLoadError.self) { try CatalogLoader(directory: missing).load() }
    }

    @Test func aFolderWithoutCatalogYAMLThrows() throws {
        let catalog = try TemporaryCatalog(["errors/x.yaml": TemporaryCatalog.error()])
        defer { catalog.remove() }
        try FileManager.default.removeItem(at: catalog.root.appendingPathComponent("catalog.yaml"))
        let error = #expect(throws: CatalogLoadError.self) { try catalog.load() }
        #expect(error?.description.contains("catalog.yaml") == true)
    }

    @Test func aFileInsteadOfAFolderThrows() throws {
        let catalog = try TemporaryCatalog([:])
        defer { catalog.remove() }
        let file = catalog.root.appendingPathComponent("catalog.yaml").path
        #expect(throws: CatalogLoadError.self) { try CatalogLoader(directory: file).load() }
    }

    @Test func aBrokenCatalogYAMLStopsTheRulesButStillReportsErrorFiles() throws {
        let diagnostics = try lint([
            "catalog.yaml": "name: [broken\n",
            "errors/x.yaml": TemporaryCatalog.error(extra: "colour: red"),
        ])
        #expect(diagnostics.map(\.ruleID) == ["yaml-syntax", "unknown-key"])
        #expect(diagnostics.last.map { "\($0.location)" } == "errors/x.yaml:16:1")
    }

    @Test func problemsInSeveralFilesAreAllReportedInOneRun() throws {
        let catalog = try TemporaryCatalog([
            "catalog.yaml": TemporaryCatalog.settings + "\ncolour: blue",
            "errors/a.yaml": TemporaryCatalog.error("a_error", extra: "colour: red"),
            "errors/b.yaml": "code: b_error\ntitle: a: b\n",
            "errors/d.yaml": TemporaryCatalog.error("d_error", family: "nope"),
            "errors/e.yaml": "",
            "guides/Bad Name.md": "# Title\n",
        ])
        defer { catalog.remove() }
        try catalog.write(Array("code: c_error\n\t".utf8) + [0xC3], to: "errors/c.yaml")
        #expect(try catalog.lint().positions == [
            "catalog.yaml:40:1 [unknown-key]",
            "errors/a.yaml:16:1 [unknown-key]",
            "errors/b.yaml:2:9 [yaml-syntax]",
            "errors/c.yaml:2:2 [invalid-utf8]",
            "errors/d.yaml:4:9 [unknown-family]",
            "errors/e.yaml:1:1 [empty-file]",
            "guides/Bad Name.md:1:1 [guide-format]",
        ])
    }
}
