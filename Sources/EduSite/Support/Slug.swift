/// URL slugs from Vietnamese text: "Đơn xin nghỉ học" → "don-xin-nghi-hoc".
///
/// A fixed table, not platform transliteration (which differs between Linux and macOS), and đ/Đ
/// mapped to d explicitly: Unicode gives đ no decomposition, so generic slugifiers produce "dj" or
/// drop it.
public enum Slug {
    public static func make(_ text: String) -> String {
        var text = text
        return text.withUTF8 { make(utf8: $0) }
    }

    static func make(_ text: Substring) -> String {
        var text = text
        return text.withUTF8 { make(utf8: $0) }
    }

    /// The rules, one Unicode scalar at a time: ASCII letters and digits are kept (lowercased), other
    /// ASCII is a separator, combining marks (U+0300–U+036F) are dropped, precomposed Latin letters
    /// become their base letter, anything else is a separator. Runs of separators give one `-`, and
    /// none at either end.
    ///
    /// On UTF-8 bytes, not `unicodeScalars`: slugs are made for every page path, heading and tag, and
    /// every output byte is ASCII.
    private static func make(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingDash = false
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            var mapped: UInt8 = 0  // 0: a separator
            if lead < 0x80 {
                index += 1
                switch lead {
                case 0x61...0x7A, 0x30...0x39: mapped = lead
                case 0x41...0x5A: mapped = lead + 32
                default: break
                }
            } else {
                // A Swift string's UTF-8 is valid: the lead byte gives the length.
                let value: UInt32
                if lead < 0xE0 {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead < 0xF0 {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else {
                    value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    index += 4
                }
                // A combining mark of decomposed (NFD) input: drop it, keep the word together.
                if (0x300...0x36F).contains(value) { continue }
                if value < UInt32(latinBaseTable.count) { mapped = latinBaseTable[Int(value)] }
            }
            if mapped != 0 {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(mapped)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `latinBase` as a flat table indexed by scalar value (0: not a Latin letter), up to the last
    /// letter it holds (ỹ, U+1EF9): about 8 KB, one load per letter instead of a hash lookup.
    private static let latinBaseTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(latinBase.keys.max()!) + 1)
        for (value, base) in latinBase { table[Int(value)] = UInt8(base.value) }
        return table
    }()

    /// Every precomposed Latin letter Vietnamese uses (and the common Western ones), to its base letter.
    private static let latinBase: [UInt32: Unicode.Scalar] = {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậäåāÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅĀ"),
            ("e", "èéẻẽẹêềếểễệëēÈÉẺẼẸÊỀẾỂỄỆËĒ"),
            ("i", "ìíỉĩịïīÌÍỈĨỊÏĪ"),
            ("o", "òóỏõọôồốổỗộơờớởỡợöøōÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖØŌ"),
            ("u", "ùúủũụưừứửữựüūÙÚỦŨỤƯỪỨỬỮỰÜŪ"),
            ("y", "ỳýỷỹỵÿỲÝỶỸỴŸ"),
            ("d", "đĐ"),
            ("c", "çÇ"),
            ("n", "ñÑ"),
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (base, letters) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        return table
    }()
}
