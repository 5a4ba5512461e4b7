/// `{{name}}`'s escaping, on UTF-8 bytes: `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;`
/// `&#39;`, exactly as swift-mustache 2.1.1's `String.htmlEscape()` did. That function compared whole
/// `Character`s, so one of the five followed by a combining mark (`<\u{338}`, a single character) or
/// preceded by a prepended concatenation mark was left alone; the bytes next to a non-ASCII byte are
/// checked the same way, everything else is a table lookup.
enum HTMLEscape {
    static func append(_ text: String, to output: inout [UInt8]) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, to: &output) }
        if done == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { append($0, to: &output) }
        }
    }

    static func escaped(_ text: String) -> String {
        var output: [UInt8] = []
        append(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The five bytes to escape are all below 64: one bit each, so that every other byte (letters,
    /// spaces, UTF-8 sequences) is passed over with one test.
    private static let specialBytes: UInt64 =
        1 << UInt64(UInt8(ascii: "&")) | 1 << UInt64(UInt8(ascii: "<")) | 1 << UInt64(UInt8(ascii: ">"))
        | 1 << UInt64(UInt8(ascii: "\"")) | 1 << UInt64(UInt8(ascii: "'"))

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let special = specialBytes
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte >= 64 || (special >> UInt64(byte)) & 1 == 0 {
                index += 1
                continue
            }
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                index += 1
                continue
            }
            let nearNonASCII = (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < count && bytes[index + 1] >= 0x80)
            if nearNonASCII && !isWholeCharacter(bytes, at: index) {
                index += 1
                continue
            }
            if runStart < index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            index += 1
            runStart = index
        }
        if runStart < count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        }
    }

    /// Whether the ASCII byte at `index` is a `Character` of its own: grapheme breaks around an ASCII
    /// character depend only on the scalars right before and after it (a prepend mark before, an extending
    /// or spacing mark or a joiner after), so Swift decides on those three scalars.
    private static func isWholeCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var start = index
        if index > 0 {
            start = index - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var end = index + 1
        if end < bytes.count {
            end += 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        let target = index - start
        var offset = 0
        for character in window {
            let length = character.utf8.count
            if target < offset + length { return offset == target && length == 1 }
            offset += length
        }
        return false
    }
}
