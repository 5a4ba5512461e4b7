import Foundation

/// Turns the bytes of an upstream document into text, whatever it claims to be.
///
/// Order of trust: a byte-order mark, then the XML declaration (or an HTML `<meta charset>`), then the
/// HTTP charset, each checked against the bytes: a declaration of UTF-8 over bytes that are not UTF-8 is
/// a lie (old Vietnamese sites serve windows-1258 or windows-1252 under any label), and a Latin-1 label
/// over bytes that are valid multi-byte UTF-8 is a lie the other way round.
enum FeedTextEncoding {
    struct Decoded {
        var text: String
        /// The encoding actually used, lowercased IANA name.
        var encoding: String
    }

    static func decode(_ bytes: [UInt8], declared: String?, httpCharset: String?) -> Decoded {
        if let bom = decodeByteOrderMark(bytes) { return bom }
        if let wide = decodeUnmarkedUTF16(bytes) { return wide }
        for label in [declared, httpCharset].compactMap({ $0.map(normalizedLabel) }) {
            if let decoded = decode(bytes, label: label) { return decoded }
        }
        if let text = validUTF8(bytes) { return Decoded(text: text, encoding: "utf-8") }
        return decodeEightBit(bytes)
    }

    /// The `encoding="…"` of an XML declaration at the start of ASCII-compatible bytes.
    static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09 {
            start += 1
        }
        guard bytes[start...].starts(with: Array("<?xml".utf8)) else { return nil }
        let end = bytes[start...].prefix(512).firstIndex(of: UInt8(ascii: ">")) ?? min(bytes.count, start + 512)
        let declaration = String(decoding: bytes[start..<end], as: UTF8.self)
        return attributeValue(named: "encoding", in: declaration)
    }

    /// The charset of an HTML page's `<meta charset>` or `<meta http-equiv content="…; charset=…">`.
    static func htmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        var value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        value = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return value.isEmpty ? nil : String(value)
    }

    /// The `charset` parameter of a `Content-Type` header.
    static func charset(fromContentType contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return value.isEmpty ? nil : value.lowercased()
        }
        return nil
    }

    static func attributeValue(named name: String, in text: String) -> String? {
        guard let range = text.range(of: name) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        return value.isEmpty ? nil : String(value)
    }

    // MARK: - Decoders

    private static func normalizedLabel(_ label: String) -> String {
        let lower = label.trimmingCharacters(in: .whitespaces).lowercased()
        switch lower {
        case "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "latin1", "latin-1", "iso8859-1", "iso_8859-1", "l1", "cp819", "ibm819", "us-ascii", "ascii", "iso-8859-15",
            "cp1252", "x-cp1252", "windows1252", "iso_8859-1:1987":
            return "windows-1252"
        case "cp1258", "windows1258", "x-cp1258": return "windows-1258"
        default: return lower
        }
    }

    private static func decode(_ bytes: [UInt8], label: String) -> Decoded? {
        switch label {
        case "utf-8":
            return validUTF8(bytes).map { Decoded(text: $0, encoding: "utf-8") }
        case "windows-1252", "iso-8859-1":
            if let text = validUTF8(bytes), bytes.contains(where: { $0 >= 0x80 }) {
                return Decoded(text: text, encoding: "utf-8")
            }
            return looksVietnamese(bytes) ? singleByte(bytes, vietnamese: true) : singleByte(bytes, vietnamese: false)
        case "windows-1258":
            if let text = validUTF8(bytes), bytes.contains(where: { $0 >= 0x80 }) {
                return Decoded(text: text, encoding: "utf-8")
            }
            return singleByte(bytes, vietnamese: true)
        case "utf-16", "utf-16le", "utf-16be", "utf-32", "ucs-2", "unicode":
            // The declaration was readable as ASCII, so the bytes are not 16-bit: the label lies.
            return nil
        default:
            guard let encoding = foundationEncodings[label] else { return nil }
            if let text = validUTF8(bytes), bytes.contains(where: { $0 >= 0x80 }), encoding != .shiftJIS,
                encoding != .japaneseEUC
            {
                return Decoded(text: text, encoding: "utf-8")
            }
            return String(bytes: bytes, encoding: encoding).map { Decoded(text: $0, encoding: label) }
        }
    }

    /// Encodings Foundation converts on every platform, by IANA name.
    private static let foundationEncodings: [String: String.Encoding] = [
        "windows-1250": .windowsCP1250, "windows-1251": .windowsCP1251, "windows-1253": .windowsCP1253,
        "windows-1254": .windowsCP1254, "iso-8859-2": .isoLatin2, "shift_jis": .shiftJIS, "shift-jis": .shiftJIS,
        "euc-jp": .japaneseEUC, "iso-2022-jp": .iso2022JP, "macintosh": .macOSRoman, "x-mac-roman": .macOSRoman,
    ]

    private static func validUTF8(_ bytes: [UInt8]) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    private static func decodeByteOrderMark(_ bytes: [UInt8]) -> Decoded? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return utf32(bytes.dropFirst(4), bigEndian: false) }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return utf32(bytes.dropFirst(4), bigEndian: true) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
        return nil
    }

    private static func decodeUnmarkedUTF16(_ bytes: [UInt8]) -> Decoded? {
        if bytes.starts(with: [0x3C, 0, 0x3F, 0]) || bytes.starts(with: [0x3C, 0, 0x21, 0]) {
            return utf16(bytes[...], bigEndian: false)
        }
        if bytes.starts(with: [0, 0x3C, 0, 0x3F]) || bytes.starts(with: [0, 0x3C, 0, 0x21]) {
            return utf16(bytes[...], bigEndian: true)
        }
        return nil
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Decoded {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index])
            let b = UInt16(bytes[index + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        return Decoded(text: String(decoding: units, as: UTF16.self), encoding: bigEndian ? "utf-16be" : "utf-16le")
    }

    private static func utf32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Decoded {
        var scalars = String.UnicodeScalarView()
        var index = bytes.startIndex
        while index + 3 < bytes.endIndex {
            let b = (0..<4).map { UInt32(bytes[index + $0]) }
            let value = bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 4
        }
        return Decoded(text: String(scalars), encoding: bigEndian ? "utf-32be" : "utf-32le")
    }

    /// Neither declared nor valid UTF-8: Vietnamese windows-1258 or Western windows-1252.
    private static func decodeEightBit(_ bytes: [UInt8]) -> Decoded {
        singleByte(bytes, vietnamese: looksVietnamese(bytes))
    }

    private static func singleByte(_ bytes: [UInt8], vietnamese: Bool) -> Decoded {
        let table = vietnamese ? SingleByteCodePage.windows1258 : SingleByteCodePage.windows1252
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = byte < 0x80 ? UInt32(byte) : table[Int(byte) - 0x80]
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        // windows-1258 writes tones as combining marks: compose them so text compares and slugs right.
        let text = String(scalars)
        return Decoded(
            text: vietnamese ? text.precomposedStringWithCanonicalMapping : text,
            encoding: vietnamese ? "windows-1258" : "windows-1252")
    }

    /// windows-1258 writes the five tone marks as combining bytes (0xCC, 0xEC, 0xD2, 0xDE, 0xF2) right
    /// after a vowel. In windows-1252 the same bytes are Ì ì Ò Þ ò, which Western languages put after
    /// consonants ("così", "però"), so counting marks after vowels tells the two apart.
    static func looksVietnamese(_ bytes: [UInt8]) -> Bool {
        let vowels: Set<UInt8> = Set(Array("aeiouyAEIOUY".utf8) + [0xC2, 0xCA, 0xD4, 0xC3, 0xD5, 0xDD, 0xE2, 0xEA, 0xF4, 0xE3, 0xF5, 0xFD])
        let marks: Set<UInt8> = [0xCC, 0xEC, 0xD2, 0xDE, 0xF2]
        var afterVowel = 0
        var afterOther = 0
        for index in bytes.indices.dropFirst() where marks.contains(bytes[index]) {
            if vowels.contains(bytes[index - 1]) { afterVowel += 1 } else { afterOther += 1 }
        }
        return afterVowel >= 2 && afterVowel > 2 * afterOther
    }
}
