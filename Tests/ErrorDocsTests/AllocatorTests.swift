import CAllocator
import Testing

/// errdocs maps large blocks on their own (see `Errdocs.main`): the setting must reach glibc,
/// not be compiled out (a C file that checks `__GLIBC__` before including any C library header
/// never sees it defined).
@Suite struct AllocatorTests {
    @Test func largeBlocksAreMappedOnTheirOwnOnGlibc() {
        #if os(Linux) && canImport(Glibc)
        #expect(errdocs_map_blocks_of_at_least(128 * 1024) == 1)
        #else
        #expect(errdocs_map_blocks_of_at_least(128 * 1024) == 0)
        #endif
    }
}
