@testable import ErrorDocs
import Testing

@Suite struct SpellingTests {
    @Test func editsAreCountedWithSwapsAsOne() {
        #expect(Spelling.editDistance("build", "build") == 0)
        #expect(Spelling.editDistance("buidl", "build") == 1)
        #expect(Spelling.editDistance("sumary", "summary") == 1)
        #expect(Spelling.editDistance("", "abc") == 3)
        #expect(Spelling.editDistance("kitten", "sitting") == 3)
    }

    @Test func onlyALikelyTypoIsSuggested() {
        #expect(Spelling.closest(to: "sumamry", in: ["summary", "scope"]) == "summary")
        #expect(Spelling.closest(to: "colour", in: ["summary", "scope"]) == nil)
    }
}
