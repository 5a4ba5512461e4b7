/// Reads the dates feeds actually carry: RFC 822 with the usual sloppiness (named zones, no weekday,
/// two-digit years, one-digit hours), RFC 3339 / W3C-DTF (also just a year or a month), and the
/// Vietnamese `dd/MM/yyyy HH:mm`. Whatever zone a date was written in, it is shown in the site's
/// `zone`; a date without a zone is the site's local time.
enum FeedDate {
    static func parse(_ raw: String, zone: SiteTimeZone = .hoChiMinh) -> ContentDate? {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty, text.utf8.count < 80 else { return nil }
        let value = iso(text) ?? vietnamese(text) ?? rfc822(text)
        guard let value, (1900...2200).contains(value.year) else { return nil }
        return zone.date(value)
    }

    /// `2025`, `2025-09`, `2025-09-05`, `2025-09-05T08:30:00.5+07:00`, `20250905`.
    static func iso(_ text: String) -> DateTimeValue? {
        if let value = DateTimeValue.parse(text) { return value }
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 >= 48 && $0 <= 57 || $0 == 45 }) else {
            // An ISO date with a time the shared parser refused (e.g. `+0700` without a colon): retry normalised.
            if bytes.count > 19, bytes[4] == 45, let sign = bytes.lastIndex(where: { $0 == 43 || $0 == 45 }), sign > 16,
                bytes.count - sign == 5
            {
                var fixed = bytes
                fixed.insert(58, at: sign + 3)
                return DateTimeValue.parse(String(decoding: fixed, as: UTF8.self))
            }
            return nil
        }
        let parts = text.split(separator: "-").map { Int($0) }
        switch (bytes.count, parts.count) {
        case (4, 1): return parts[0].map { DateTimeValue(year: $0, month: 1, day: 1) }
        case (7, 2):
            guard let y = parts[0], let m = parts[1], (1...12).contains(m) else { return nil }
            return DateTimeValue(year: y, month: m, day: 1)
        case (8, 1):
            guard let n = parts[0] else { return nil }
            let (y, m, d) = (n / 10000, n / 100 % 100, n % 100)
            guard (1...12).contains(m), (1...CivilCalendar.daysIn(month: m, year: y)).contains(d) else { return nil }
            return DateTimeValue(year: y, month: m, day: d)
        default: return nil
        }
    }

    /// `05/09/2025`, `5/9/2025 8:30`, `05-09-2025 08:30:15`, `08:30 05/09/2025`, `Thứ Hai, 05/09/2025 - 08:30`.
    static func vietnamese(_ text: String) -> DateTimeValue? {
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "|" }).filter { $0 != "-" }
        guard let dateToken = tokens.first(where: { $0.contains("/") || ($0.split(separator: "-").count == 3 && $0.count <= 10) })
        else { return nil }
        let parts = dateToken.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { Int($0) }
        guard parts.count == 3, let d = parts[0], let m = parts[1], let y = parts[2], dateToken.prefix(while: { $0.isNumber }).count <= 2,
            y >= 1900, (1...12).contains(m), (1...CivilCalendar.daysIn(month: m, year: y)).contains(d)
        else { return nil }
        var value = DateTimeValue(year: y, month: m, day: d)
        if let timeToken = tokens.first(where: { $0.contains(":") }) {
            let t = timeToken.split(separator: ":").map { Int($0) }
            guard t.count >= 2, let h = t[0], let mi = t[1], h < 24, mi < 60 else { return nil }
            value.hour = h
            value.minute = mi
            if t.count > 2, let s = t[2], s < 61 { value.second = min(s, 59) }
        }
        // Anything but the date, a time and the day's name means this was not a Vietnamese date.
        let rest = tokens.filter { $0 != dateToken && !$0.contains(":") }
        guard rest.allSatisfy({ $0.first?.isLetter ?? false }) else { return nil }
        return value
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Named zones of RFC 822 (UT, GMT, Z, EST…PDT), and the ones Vietnamese, European and US servers
    /// print, in seconds east of UTC.
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 3600, "cet": 3600, "cest": 7200, "eet": 7200,
        "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600, "mst": -7 * 3600, "mdt": -6 * 3600,
        "pst": -8 * 3600, "pdt": -7 * 3600, "akst": -9 * 3600, "hst": -10 * 3600, "ict": 7 * 3600, "ict+7": 7 * 3600,
        "sgt": 8 * 3600, "hkt": 8 * 3600, "jst": 9 * 3600, "kst": 9 * 3600, "ist": 5 * 3600 + 1800,
        "aest": 10 * 3600, "aedt": 11 * 3600, "ast": -4 * 3600, "adt": -3 * 3600, "met": 3600, "mest": 7200,
    ]

    /// `Fri, 05 Sep 2025 08:30:00 +0700` and its relatives: `5 Sep 25 8:30 GMT`, `Friday, 05-Sep-2025 08:30:00 ICT`,
    /// `Sep 5 2025 08:30 PM`, `Fri, 05 Sep 2025 08:30:00 GMT+7`.
    static func rfc822(_ text: String) -> DateTimeValue? {
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (Int, Int, Int)?
        var offset: Int?
        var pm: Bool?
        let tokens = text.lowercased()
            .replacingOccurrences(of: ",", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" })
            .flatMap { token -> [Substring] in
                // `05-Sep-2025` (cookie style) is three tokens.
                token.contains(where: \.isLetter) && token.contains("-") && !token.hasPrefix("-") && !token.hasPrefix("gmt")
                    && !token.hasPrefix("utc") ? token.split(separator: "-") : [token]
            }
        for token in tokens {
            if token.contains(":") && token.first?.isNumber == true {
                let parts = token.split(separator: ":").map { Int($0.prefix(2)) }
                guard parts.count >= 2, let h = parts[0], let m = parts[1] else { return nil }
                let s = parts.count > 2 ? (parts[2] ?? 0) : 0
                time = (h, m, s)
            } else if token == "am" || token == "pm" {
                pm = token == "pm"
            } else if let first = token.first, first == "+" || first == "-" {
                offset = numericOffset(token.dropFirst(), negative: first == "-")
                if offset == nil { return nil }
            } else if token.allSatisfy(\.isNumber) {
                guard let n = Int(token) else { return nil }
                if token.count >= 3 || n > 31 || day != nil && month != nil {
                    year = token.count <= 2 ? (n < 50 ? 2000 + n : 1900 + n) : n
                } else if day == nil {
                    day = n
                } else {
                    return nil
                }
            } else if let m = months.firstIndex(where: { token.hasPrefix($0) }), token.count == 3 || monthNames.contains(String(token)) {
                month = m + 1
            } else if let zone = zones[String(token)] {
                offset = zone
            } else if token.hasPrefix("gmt") || token.hasPrefix("utc") {
                let rest = token.dropFirst(3)
                guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
                offset = numericOffset(rest.dropFirst(), negative: sign == "-")
                if offset == nil { return nil }
            } else if token.count == 1, let letter = token.first, let military = militaryOffset(letter) {
                offset = military
            } else if !weekdays.contains(where: { token.hasPrefix($0) }) {
                return nil
            }
        }
        guard let day, let month, let year, (1...CivilCalendar.daysIn(month: month, year: year)).contains(day) else { return nil }
        var value = DateTimeValue(year: year, month: month, day: day, offsetSeconds: offset)
        if let (hour, m, s) = time {
            var h = hour
            if let pm {
                guard (1...12).contains(h) else { return nil }
                h = h % 12 + (pm ? 12 : 0)
            }
            guard h < 24, m < 60, s <= 60 else { return nil }
            (value.hour, value.minute, value.second) = (h, m, min(s, 59))
        }
        return value
    }

    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let monthNames: Set<String> = [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "sept",
    ]

    /// RFC 822's military zones as it writes them: A…I are −1…−9 hours, K…M −10…−12, N…Y +1…+12,
    /// Z is UT, J is not used. RFC 1123 notes the signs were meant the other way round, but feed
    /// readers (feedparser among them) follow the text as written.
    static func militaryOffset(_ letter: Character) -> Int? {
        guard let ascii = letter.asciiValue, ascii >= 97, ascii <= 122, ascii != 106 else { return nil }
        let index = Int(ascii) - 96  // a = 1
        switch ascii {
        case 122: return 0
        case 97...105: return -index * 3600
        case 107...109: return -(index - 1) * 3600
        default: return (index - 13) * 3600
        }
    }

    private static func numericOffset(_ digits: Substring, negative: Bool) -> Int? {
        let plain = digits.filter { $0 != ":" }
        guard plain.allSatisfy(\.isNumber), (1...4).contains(plain.count), let n = Int(plain) else { return nil }
        let (h, m) = plain.count <= 2 ? (n, 0) : (n / 100, n % 100)
        guard h <= 14, m < 60 else { return nil }
        return (negative ? -1 : 1) * (h * 3600 + m * 60)
    }
}
