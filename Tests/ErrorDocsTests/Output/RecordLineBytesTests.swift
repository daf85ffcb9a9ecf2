import Testing
@testable import ErrorDocs

/// The build record's numbers are written as digits in place; they must read back as the
/// numbers written, exactly as interpolation would print them.
@Suite struct RecordLineBytesTests {
    @Test(arguments: [0, 7, 9, 10, 99, 100, 1_234_567_890, 1_764_780_000, -1, -10, -1_234, Int.max, Int.min])
    func signedNumbersAreWrittenAsInterpolationWritesThem(number: Int) {
        var bytes = Array("x ".utf8)
        bytes.appendDecimal(number)
        #expect(String(decoding: bytes, as: UTF8.self) == "x \(number)")
    }

    @Test(arguments: [0, 5, 10, 18_446_744_073_709_551_615, 10_000_000_000_000_000_000] as [UInt64])
    func unsignedNumbersAreWrittenAsInterpolationWritesThem(number: UInt64) {
        var bytes: [UInt8] = []
        bytes.appendDecimal(number)
        #expect(String(decoding: bytes, as: UTF8.self) == "\(number)")
    }
}
