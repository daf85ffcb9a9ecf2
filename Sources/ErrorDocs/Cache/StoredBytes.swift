import Foundation

/// Bytes that stay where they are for as long as anything reads them: a file mapped into
/// memory, or a copy of an array. Entries of the cache of loaded files are decoded where they
/// lie in the mapped file, and an error's body, left encoded, keeps its bytes there: read one
/// by one, the 10,000 entries of a 10,000-error catalog took a one-edit rebuild 10,000 reads
/// and 26 MB of new memory.
final class StoredBytes: @unchecked Sendable {
    /// Never written: shared by every thread that decodes from it.
    let bytes: UnsafeRawBufferPointer
    private let mapped: Bool

    init(_ array: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: array.count, alignment: 1)
        array.withUnsafeBytes { copy.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(copy)
        mapped = false
    }

    /// The first `size` bytes of the open file, mapped read-only; nil when they cannot be.
    ///
    /// A file errdocs replaces is always replaced by renaming a new one into place, which
    /// leaves the mapped one as it is. (Cut short by another program while mapped, reading past
    /// its new end would stop the process: a signal, not a wrong page.)
    init?(mapping file: Int32, size: Int) {
        guard size > 0, let start = mmap(nil, size, PROT_READ, MAP_PRIVATE, file, 0), start != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: start, count: size)
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            bytes.deallocate()
        }
    }
}
