import Foundation

extension Array where Element == UInt8 {
    /// The number in decimal digits, as `"\(number)"` writes it, without making that text.
    mutating func appendDecimal(_ number: Int) {
        if number < 0 { append(UInt8(ascii: "-")) }
        appendDecimal(UInt64(number.magnitude))
    }

    mutating func appendDecimal(_ number: UInt64) {
        var rest = number, digits = 1
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        rest = number
        for position in (count - digits..<count).reversed() {
            self[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }
}
