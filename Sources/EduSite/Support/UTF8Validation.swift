/// Where bytes stop being UTF-8: files saved in another encoding are reported at the first bad byte.
enum UTF8Validation {
    /// The offset (from the slice's start) of the first byte that is not part of valid UTF-8:
    /// bad lead bytes, missing or extra continuation bytes, overlong forms, surrogates, > U+10FFFF.
    static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var i = 0
            while i < count {
                let lead = buffer[i]
                if lead < 0x80 {
                    i += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80
                var high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return i
                }
                guard i + length <= count else { return i }
                let second = buffer[i + 1]
                guard second >= low, second <= high else { return i }
                for k in 2..<max(length, 2) where buffer[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return nil
        }
    }
}
