/// Finds the first byte that is not valid UTF-8, as a 1-based line and column (columns count
/// characters), so a file saved in another encoding is reported where it goes wrong.
enum UTF8Validation {
    static func firstInvalid(in bytes: some Collection<UInt8>) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var pending: UInt8? = nil
        while true {
            guard let lead = pending ?? iterator.next() else { return nil }
            pending = nil
            if lead < 0x80 {
                if lead == 10 {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
            default: return (line, column)
            }
            for _ in 1..<length {
                guard let next = iterator.next() else { return (line, column) }
                guard next & 0xC0 == 0x80 else { return (line, column) }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return (line, column) }
            column += 1
        }
    }
}
