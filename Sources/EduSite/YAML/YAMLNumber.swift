/// Resolution of plain scalars to numbers (YAML 1.2 core schema), on bytes, without Foundation.
enum YAMLNumber {
    enum IntegerResult<T> {
        case value(T)
        case notANumber
        case outOfRange
    }

    /// `[-+]?[0-9]+`, `0x[0-9a-fA-F]+`, `0o[0-7]+`.
    static func integer<T: FixedWidthInteger>(_ text: String, as type: T.Type) -> IntegerResult<T> {
        guard let (negative, digits, radix) = integerParts(text) else { return .notANumber }
        guard let magnitude = T(digits, radix: radix) else {
            // The syntax was checked, so only the range is wrong, except for the most negative value.
            if negative, let value = T("-" + digits, radix: radix) { return .value(value) }
            return .outOfRange
        }
        guard negative, magnitude != 0 else { return .value(magnitude) }
        guard T.isSigned else { return .outOfRange }
        return .value(0 - magnitude)
    }

    private static func integerParts(_ text: String) -> (Bool, Substring, Int)? {
        var rest = Substring(text)
        var negative = false
        if let first = rest.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        var radix = 10
        if rest.utf8.count > 2, rest.utf8.first == UInt8(ascii: "0") {
            let marker = rest.utf8[rest.utf8.index(after: rest.utf8.startIndex)]
            if marker == UInt8(ascii: "x") {
                radix = 16
            } else if marker == UInt8(ascii: "o") {
                radix = 8
            }
            if radix != 10 { rest = rest.dropFirst(2) }
        }
        guard !rest.utf8.isEmpty else { return nil }
        for byte in rest.utf8 {
            let ok: Bool
            switch radix {
            case 16: ok = isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
            case 8: ok = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")
            default: ok = isDigit(byte)
            }
            guard ok else { return nil }
        }
        return (negative, rest, radix)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf`, `.nan`, or an integer.
    static func floating(_ text: String) -> Double? {
        var rest = Substring(text)
        var negative = false
        guard let first = rest.utf8.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        if rest == ".inf" || rest == ".Inf" || rest == ".INF" { return negative ? -.infinity : .infinity }
        if !negative, text == ".nan" || text == ".NaN" || text == ".NAN" { return .nan }
        if case .value(let int) = integer(text, as: Int.self) { return Double(int) }
        // Decimal form only: Swift's own parser would also take "inf", "nan" and hex floats.
        var sawDigit = false
        var sawDot = false
        var sawExponent = false
        var previous: UInt8 = 0
        for byte in rest.utf8 {
            if isDigit(byte) {
                sawDigit = true
            } else if byte == UInt8(ascii: "."), !sawDot, !sawExponent {
                sawDot = true
            } else if byte | 0x20 == UInt8(ascii: "e"), sawDigit, !sawExponent {
                sawExponent = true
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"), previous | 0x20 == UInt8(ascii: "e") {
                // exponent sign
            } else {
                return nil
            }
            previous = byte
        }
        guard sawDigit, isDigit(previous) || previous == UInt8(ascii: ".") else { return nil }
        return Double(text)
    }

    /// True for anything `integer` or `floating` accepts: used to describe values in messages.
    static func isNumber(_ text: String) -> Bool {
        floating(text) != nil
    }

    static func equalsIgnoringASCIICase(_ text: String, _ lowercase: StaticString) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == lowercase.utf8CodeUnitCount else { return false }
        return lowercase.withUTF8Buffer { expected in
            var index = 0
            for byte in utf8 {
                let folded = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
                guard folded == expected[index] else { return false }
                index += 1
            }
            return true
        }
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
