/// Makes real-world feed text acceptable to a strict XML parser without changing what it says:
/// the declaration is made to say UTF-8 (the text was transcoded already), stray declarations and
/// characters XML forbids are dropped, HTML named entities become numeric references, and a bare `&`
/// becomes `&amp;`, comments and processing instructions go. CDATA sections are left as they are.
enum FeedXMLPreparation {
    static func prepare(_ text: String) -> [UInt8] {
        // Characters XML forbids go first, so that none can hide markup: `<`, NUL, `?` is `<?` once the
        // NUL is gone (found by scripts/fuzz: it let a processing instruction through, see below).
        var input = withoutForbiddenCharacters(Array(text.utf8))
        var start = 0
        while start < input.count, input[start] == 0x20 || input[start] == 0x0A || input[start] == 0x0D || input[start] == 0x09 {
            start += 1
        }
        input.removeFirst(start)
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 64)
        var index = 0
        if input.starts(with: Array("<?xml".utf8)), let end = find(input, "?>", from: 0) {
            let declaration = String(decoding: input[0..<end], as: UTF8.self)
            let version = FeedTextEncoding.attributeValue(named: "version", in: declaration) ?? "1.0"
            out += Array("<?xml version=\"\(version == "1.1" ? "1.1" : "1.0")\" encoding=\"UTF-8\"?>".utf8)
            index = end + 2
        }
        while index < input.count {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "<"):
                if starts(input, at: index, with: "<![CDATA[") {
                    let end = find(input, "]]>", from: index + 9).map { $0 + 3 } ?? input.count
                    out += input[index..<end]
                    index = end
                } else if starts(input, at: index, with: "<!--") {
                    // Comments say nothing to a feed reader, and sloppy ones (`--` inside) are fatal: drop them.
                    index = find(input, "-->", from: index + 4).map { $0 + 3 } ?? input.count
                } else if starts(input, at: index, with: "<?") {
                    // Processing instructions say nothing to a feed reader, and a second declaration is
                    // fatal to the parser: drop them. One without data (`<?x?>`) made FoundationXML call
                    // strlen(NULL) and end the process with signal 11 (found by scripts/fuzz).
                    index = find(input, "?>", from: index).map { $0 + 2 } ?? input.count
                } else {
                    out.append(byte)
                    index += 1
                }
            case UInt8(ascii: "&"):
                index += reference(input, at: index, into: &out)
            default:
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    /// The bytes without C0 controls other than tab, line feed and carriage return, and without U+FFFE
    /// and U+FFFF (not characters).
    private static func withoutForbiddenCharacters(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            switch byte {
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F:
                index += 1
            case 0xEF where index + 2 < input.count && input[index + 1] == 0xBF && (input[index + 2] == 0xBE || input[index + 2] == 0xBF):
                index += 3
            default:
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    /// Whether the document declares entities in a DTD (general or parameter, internal or external).
    static func declaresEntities(_ bytes: [UInt8]) -> Bool {
        find(bytes, "<!ENTITY", from: 0) != nil || find(bytes, "<!entity", from: 0) != nil
    }

    private static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// Copies one `&…` reference to `out`, repaired, and returns how many input bytes it took.
    private static func reference(_ input: [UInt8], at index: Int, into out: inout [UInt8]) -> Int {
        var end = index + 1
        while end < input.count, end - index < 34, isNameByte(input[end]) || input[end] == UInt8(ascii: "#") { end += 1 }
        guard end < input.count, input[end] == UInt8(ascii: ";"), end > index + 1 else {
            out += Array("&amp;".utf8)
            return 1
        }
        let name = String(decoding: input[(index + 1)..<end], as: UTF8.self)
        if xmlEntities.contains(name) {
            out += input[index...end]
        } else if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            if let value, isXMLCharacter(value) {
                out += input[index...end]
            } else if value != nil {
                out += Array("&#xFFFD;".utf8)
            } else {
                out += Array("&amp;".utf8)
                return 1
            }
        } else if let value = HTMLEntities.codePoints[name] {
            out += Array("&#\(value);".utf8)
        } else {
            out += Array("&amp;".utf8)
            return 1
        }
        return end - index + 1
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isXMLCharacter(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
            || (0x10000...0x10FFFF).contains(value)
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return text.withUTF8Buffer { needle in bytes[index..<index + count].elementsEqual(needle) }
    }

    static func find(_ bytes: [UInt8], _ text: StaticString, from start: Int) -> Int? {
        let count = text.utf8CodeUnitCount
        guard count > 0, bytes.count >= count, start <= bytes.count - count else { return nil }
        return text.withUTF8Buffer { needle -> Int? in
            let first = needle[0]
            var index = start
            while index <= bytes.count - count {
                if bytes[index] == first, bytes[index..<index + count].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
    }
}
