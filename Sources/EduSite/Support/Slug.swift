/// URL slugs from Vietnamese text: "Đơn xin nghỉ học" → "don-xin-nghi-hoc".
///
/// A fixed table, not platform transliteration (which differs between Linux and macOS), and đ/Đ
/// mapped to d explicitly: Unicode gives đ no decomposition, so generic slugifiers produce "dj" or
/// drop it.
public enum Slug {
    public static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let mapped: Unicode.Scalar?
            let value = scalar.value
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                mapped = scalar
            } else if (0x41...0x5A).contains(value) {
                mapped = Unicode.Scalar(value + 32)
            } else if value < 0x80 {
                mapped = nil
            } else if (0x300...0x36F).contains(value) {
                // A combining mark of decomposed (NFD) input: drop it, keep the word together.
                continue
            } else if let base = Self.latinBase[value] {
                mapped = base
            } else {
                mapped = nil
            }
            if let mapped {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(mapped)
            } else {
                pendingDash = true
            }
        }
        return String(out)
    }

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
