@testable import ErrorDocs
import ErrorDocsModel
import Testing

private func object(_ members: (String, JSONValue)...) -> JSONValue {
    .object(members.map { JSONValue.Member($0.0, $0.1) })
}

private func validate(_ value: JSONValue, against schema: JSONValue) -> [JSONSchemaValidator.Violation] {
    JSONSchemaValidator(schema: schema).validate(value)
}

private func violation(_ pointer: String, _ message: String) -> JSONSchemaValidator.Violation {
    .init(pointer: pointer, message: message)
}

@Suite struct JSONSchemaValidatorTests {
    // MARK: type

    @Test func aValueOfAnotherTypeIsAViolationAtTheRoot() {
        #expect(validate(.integer(1), against: object(("type", .string("string")))) == [
            violation("", "expected string, found an integer"),
        ])
    }

    @Test func aListOfTypesAcceptsAnyOfThem() {
        let schema = object(("type", .array([.string("integer"), .string("null")])))
        #expect(validate(.null, against: schema).isEmpty)
        #expect(validate(.integer(3), against: schema).isEmpty)
        #expect(validate(.string("3"), against: schema) == [violation("", "expected integer or null, found a string")])
    }

    @Test func anIntegerIsANumberButAFractionIsNotAnInteger() {
        let integer = object(("type", .string("integer")))
        let number = object(("type", .string("number")))
        #expect(validate(.integer(3), against: number).isEmpty)
        #expect(validate(.number(3.0), against: integer).isEmpty)
        #expect(validate(.number(3.5), against: integer) == [violation("", "expected integer, found a number")])
        #expect(validate(.string("3"), against: number) == [violation("", "expected number, found a string")])
    }

    @Test func booleansAndNullHaveTheirOwnTypes() {
        #expect(validate(.bool(true), against: object(("type", .string("boolean")))).isEmpty)
        #expect(validate(.integer(1), against: object(("type", .string("boolean")))).count == 1)
        #expect(validate(.bool(false), against: object(("type", .string("null")))) == [
            violation("", "expected null, found a boolean"),
        ])
    }

    // MARK: objects

    @Test func aMissingRequiredPropertyIsReportedAtTheObject() {
        let schema = object(("type", .string("object")), ("required", .array([.string("error"), .string("message")])))
        #expect(validate(object(("error", .string("x"))), against: schema) == [
            violation("", "missing required property 'message'"),
        ])
    }

    @Test func propertiesAreValidatedAtTheirOwnPointer() {
        let schema = object(("properties", object(("inner", object(("properties", object(("list", object(("items", object(("type", .string("string")))))))))))))
        let value = object(("inner", object(("list", .array([.string("ok"), .integer(2)])))))
        #expect(validate(value, against: schema) == [violation("/inner/list/1", "expected string, found an integer")])
    }

    @Test func additionalPropertiesFalseRejectsUndeclaredKeysAtTheirPointer() {
        let schema = object(("properties", object(("a", .bool(true)))), ("additionalProperties", .bool(false)))
        #expect(validate(object(("a", .integer(1)), ("b", .integer(2))), against: schema) == [
            violation("/b", "property 'b' is not allowed by the schema"),
        ])
    }

    @Test func additionalPropertiesAsASchemaValidatesUndeclaredValues() {
        let schema = object(("additionalProperties", object(("type", .string("integer")))))
        #expect(validate(object(("a", .integer(1)), ("b", .string("x"))), against: schema) == [
            violation("/b", "expected integer, found a string"),
        ])
    }

    @Test func undeclaredPropertiesAreAllowedByDefault() {
        let schema = object(("properties", object(("a", object(("type", .string("integer")))))))
        #expect(validate(object(("b", .string("x"))), against: schema).isEmpty)
    }

    // MARK: arrays

    @Test func everyItemIsCheckedAtItsIndex() {
        let schema = object(("items", object(("type", .string("integer")))))
        #expect(validate(.array([.integer(1), .string("two"), .null]), against: schema) == [
            violation("/1", "expected integer, found a string"),
            violation("/2", "expected integer, found null"),
        ])
    }

    @Test func minItemsAndMaxItemsBoundTheLength() {
        let schema = object(("minItems", .integer(1)), ("maxItems", .integer(2)))
        #expect(validate(.array([]), against: schema) == [violation("", "has fewer than 1 items")])
        #expect(validate(.array([.null, .null, .null]), against: schema) == [violation("", "has more than 2 items")])
        #expect(validate(.array([.null, .null]), against: schema).isEmpty)
    }

    // MARK: values

    @Test func enumAcceptsOnlyTheListedValues() {
        let schema = object(("enum", .array([.string("a"), .integer(1)])))
        #expect(validate(.string("a"), against: schema).isEmpty)
        #expect(validate(.number(1.0), against: schema).isEmpty)
        let problems = validate(.string("b"), against: schema)
        #expect(problems.map(\.pointer) == [""])
        #expect(problems.first?.message.hasPrefix("must be one of") == true)
        #expect(validate(.bool(true), against: schema).count == 1)
    }

    @Test func constComparesObjectsIgnoringMemberOrder() {
        let schema = object(("const", object(("a", .integer(1)), ("b", .integer(2)))))
        #expect(validate(object(("b", .integer(2)), ("a", .integer(1))), against: schema).isEmpty)
        #expect(validate(object(("a", .integer(1))), against: schema).count == 1)
        #expect(validate(.integer(1), against: object(("const", .integer(2)))) == [violation("", "must be 2, found 1")])
    }

    @Test func patternSearchesAnywhereUnlessAnchored() {
        #expect(validate(.string("abc123"), against: object(("pattern", .string("[0-9]+")))).isEmpty)
        #expect(validate(.string("abc"), against: object(("pattern", .string("^[0-9]+$")))) == [
            violation("", "'abc' does not match pattern ^[0-9]+$"),
        ])
    }

    @Test func anInvalidPatternIsReportedInsteadOfIgnored() {
        #expect(validate(.string("x"), against: object(("pattern", .string("(")))) == [
            violation("", "schema pattern ( is not a valid regular expression"),
        ])
    }

    @Test func lengthsCountCharactersNotBytes() {
        let schema = object(("minLength", .integer(2)), ("maxLength", .integer(3)))
        #expect(validate(.string("éé"), against: schema).isEmpty)
        #expect(validate(.string("é"), against: schema) == [violation("", "is shorter than 2 characters")])
        #expect(validate(.string("éééé"), against: schema) == [violation("", "is longer than 3 characters")])
    }

    @Test func minimumAndMaximumAreInclusive() {
        let schema = object(("minimum", .integer(1)), ("maximum", .number(2.5)))
        #expect(validate(.integer(1), against: schema).isEmpty)
        #expect(validate(.number(2.5), against: schema).isEmpty)
        #expect(validate(.integer(0), against: schema) == [violation("", "is less than 1")])
        #expect(validate(.integer(3), against: schema) == [violation("", "is greater than 2.5")])
    }

    // MARK: combinators

    @Test func anyOfPassesWhenAtLeastOneAlternativeMatches() {
        let schema = object(("anyOf", .array([object(("type", .string("string"))), object(("minimum", .integer(0)))])))
        #expect(validate(.string("x"), against: schema).isEmpty)
        #expect(validate(.integer(5), against: schema).isEmpty)
        #expect(validate(.integer(-1), against: schema) == [violation("", "matches none of the 2 alternatives of anyOf")])
    }

    @Test func oneOfNeedsExactlyOneMatchingAlternative() {
        let schema = object(("oneOf", .array([object(("type", .string("integer"))), object(("minimum", .integer(10)))])))
        #expect(validate(.integer(5), against: schema).isEmpty)
        #expect(validate(.integer(50), against: schema) == [violation("", "must match exactly one alternative of oneOf, matches 2")])
        #expect(validate(.string("x"), against: object(("oneOf", .array([object(("type", .string("integer")))])))) == [
            violation("", "must match exactly one alternative of oneOf, matches 0"),
        ])
    }

    @Test func booleanSchemasAllowEverythingOrNothing() {
        #expect(validate(.string("x"), against: .bool(true)).isEmpty)
        #expect(validate(.string("x"), against: .bool(false)) == [violation("", "no value is allowed here")])
        let schema = object(("properties", object(("never", .bool(false)))))
        #expect(validate(object(("never", .null)), against: schema) == [violation("/never", "no value is allowed here")])
    }

    @Test func annotationsAreIgnored() {
        let schema = object(
            ("title", .string("T")), ("description", .string("D")), ("format", .string("email")),
            ("examples", .array([.string("a@b.c")])))
        #expect(validate(.string("not an email"), against: schema).isEmpty)
    }

    // MARK: JSON Pointer

    @Test func slashAndTildeInKeysAreEscapedInPointers() {
        let schema = object(("additionalProperties", object(("type", .string("integer")))))
        let value = object(("a/b", .string("x")), ("m~n", .string("x")), ("~1", .string("x")), ("plain", .integer(1)))
        #expect(validate(value, against: schema).map(\.pointer) == ["/a~1b", "/m~0n", "/~01"])
    }

    @Test func escapedPointersNestBelowEscapedParents() {
        let schema = object(("properties", object(("x/y", object(("properties", object(("p~q", object(("type", .string("string")))))))))))
        let value = object(("x/y", object(("p~q", .integer(1)))))
        #expect(validate(value, against: schema).map(\.pointer) == ["/x~1y/p~0q"])
    }
}
