extension String {
    /// Escapes text for XML (feeds, sitemaps).
    public var xmlEscaped: String {
        guard utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 || $0 < 32 }) else {
            return self
        }
        var out = ""
        for character in unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(character)
            default:
                // Control characters are not allowed in XML 1.0 at all.
                if character.value >= 32 { out.unicodeScalars.append(character) }
            }
        }
        return out
    }
}
