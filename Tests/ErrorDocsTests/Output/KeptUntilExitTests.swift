@testable import ErrorDocs
import Testing

/// A build for a tool that exits next leaves its memory to the exit: what it keeps is never freed.
@Suite struct KeptUntilExitTests {
    final class Held {}

    @Test func whatIsKeptOutlivesEveryOtherReference() {
        weak var kept: Held?
        weak var notKept: Held?
        do {
            let leftovers = KeptUntilExit()
            let held = Held(), other = Held()
            kept = held
            notKept = other
            leftovers.keep(held)
        }
        #expect(kept != nil)
        #expect(notKept == nil)
    }
}
