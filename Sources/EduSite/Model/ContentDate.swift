/// A point in time: the instant, and the UTC offset to show it in.
///
/// `SiteTimeZone` makes them: the offset is the site zone's at that instant, whatever offset the
/// date was written with (`2026-07-31T23:30:00Z` is shown 01/08/2026 06:30 +07:00 in Ho Chi Minh
/// City), and a date written without an offset is the site's local time, never UTC.
public struct ContentDate: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var epochSeconds: Int64
    /// Offset of the local time shown, in seconds east of UTC: the site zone's at this instant.
    public var utcOffset: Int

    public init(epochSeconds: Int64, utcOffset: Int) {
        self.epochSeconds = epochSeconds
        self.utcOffset = utcOffset
    }

    public static func < (lhs: ContentDate, rhs: ContentDate) -> Bool { lhs.epochSeconds < rhs.epochSeconds }

    /// The civil date and time at `utcOffset`.
    public var local: DateTimeValue {
        let shifted = epochSeconds + Int64(utcOffset)
        let days = Int(shifted.floorDivided(by: 86_400))
        let secondOfDay = Int(shifted - Int64(days) * 86_400)
        let (y, m, d) = CivilCalendar.date(fromDays: days)
        return DateTimeValue(
            year: y, month: m, day: d, hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60,
            second: secondOfDay % 60, offsetSeconds: utcOffset)
    }

    /// `05/09/2025`: the way dates are written in Vietnam.
    public var displayDate: String {
        let t = local
        return "\(t.day.twoDigits)/\(t.month.twoDigits)/\(t.year)"
    }

    /// `2025-09-05`
    public var isoDate: String {
        let t = local
        return "\(t.year.fourDigits)-\(t.month.twoDigits)-\(t.day.twoDigits)"
    }

    /// `2025-09-05T08:30:00+07:00` (RFC 3339, for Atom, sitemaps and `<time datetime>`).
    public var rfc3339: String {
        let t = local
        return "\(isoDate)T\(t.hour.twoDigits):\(t.minute.twoDigits):\(t.second.twoDigits)\(Self.offsetString(utcOffset, colon: true))"
    }

    /// `Fri, 05 Sep 2025 08:30:00 +0700` (RFC 822, for RSS).
    public var rfc822: String {
        let t = local
        let days = Int((epochSeconds + Int64(utcOffset)).floorDivided(by: 86_400))
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][t.month - 1]
        return
            "\(weekday), \(t.day.twoDigits) \(month) \(t.year.fourDigits) \(t.hour.twoDigits):\(t.minute.twoDigits):\(t.second.twoDigits) \(Self.offsetString(utcOffset, colon: false))"
    }

    static func offsetString(_ offset: Int, colon: Bool) -> String {
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return sign + (minutes / 60).twoDigits + (colon ? ":" : "") + (minutes % 60).twoDigits
    }
}

/// A civil date and time as written, with an offset when one was given.
public struct DateTimeValue: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// nil: the site's local time.
    public var offsetSeconds: Int?

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetSeconds: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetSeconds = offsetSeconds
    }

    /// Accepts `2025-09-05`, `2025-09-05 08:30`, `2025-09-05T08:30:00`, with optional seconds,
    /// fraction, and `Z` or `±HH:MM` offset. Also `05/09/2025` (day first, as written in Vietnam).
    public static func parse(_ text: String) -> DateTimeValue? {
        var scanner = DigitScanner(text.trimmingSpaces())
        var value: DateTimeValue
        if let d = scanner.number(digits: 2...2), scanner.take("/") {
            guard let m = scanner.number(digits: 1...2), scanner.take("/"), let y = scanner.number(digits: 4...4)
            else { return nil }
            value = DateTimeValue(year: y, month: m, day: d)
        } else {
            scanner = DigitScanner(text.trimmingSpaces())
            guard let y = scanner.number(digits: 4...4), scanner.take("-"),
                let m = scanner.number(digits: 1...2), scanner.take("-"),
                let d = scanner.number(digits: 1...2)
            else { return nil }
            value = DateTimeValue(year: y, month: m, day: d)
        }
        guard (1...12).contains(value.month), (1...CivilCalendar.daysIn(month: value.month, year: value.year)).contains(value.day)
        else { return nil }
        if scanner.atEnd { return value }
        guard scanner.take("T") || scanner.take(" ") || scanner.take("t") else { return nil }
        guard let h = scanner.number(digits: 1...2), scanner.take(":"), let mi = scanner.number(digits: 2...2),
            h < 24, mi < 60
        else { return nil }
        value.hour = h
        value.minute = mi
        if scanner.take(":") {
            guard let s = scanner.number(digits: 2...2), s < 60 else { return nil }
            value.second = s
            if scanner.take(".") { guard scanner.number(digits: 1...9) != nil else { return nil } }
        }
        _ = scanner.take(" ")
        if scanner.atEnd { return value }
        if scanner.take("Z") || scanner.take("z") {
            value.offsetSeconds = 0
        } else {
            let negative: Bool
            if scanner.take("+") { negative = false } else if scanner.take("-") { negative = true } else { return nil }
            guard let oh = scanner.number(digits: 2...2), oh <= 14 else { return nil }
            _ = scanner.take(":")
            let om = scanner.number(digits: 2...2) ?? 0
            guard om < 60 else { return nil }
            value.offsetSeconds = (negative ? -1 : 1) * (oh * 3600 + om * 60)
        }
        return scanner.atEnd ? value : nil
    }
}

extension DateTimeValue: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DateTimeValue.parse(text) else {
            throw DecodingError.invalidValue(
                in: container,
                Words(
                    vi: "`\(text)` không phải một ngày: hãy viết dạng YYYY-MM-DD, có thể kèm giờ, ví dụ 2025-09-05 hoặc 2025-09-05 07:30",
                    en: "`\(text)` is not a date: write it as YYYY-MM-DD, optionally with a time, e.g. 2025-09-05 or 2025-09-05 07:30"))
        }
        self = value
    }
}

/// Proleptic Gregorian arithmetic (Howard Hinnant's days-from-civil), free of Foundation so that
/// dates format the same everywhere.
enum CivilCalendar {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func date(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, index < bytes.count, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(digits: ClosedRange<Int>) -> Int? {
        var value = 0
        var count = 0
        while index < bytes.count, count < digits.upperBound, bytes[index] >= 48, bytes[index] <= 57 {
            value = value * 10 + Int(bytes[index] - 48)
            index += 1
            count += 1
        }
        return digits.contains(count) ? value : nil
    }
}

extension Int {
    var twoDigits: String { self < 10 && self >= 0 ? "0\(self)" : "\(self)" }
    var fourDigits: String {
        let s = String(self)
        return String(repeating: "0", count: Swift.max(0, 4 - s.count)) + s
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
