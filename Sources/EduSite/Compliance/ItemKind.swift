/// A kind of disclosure within a named item, as content writes it in the third segment of
/// `disclosure:` (`tt09-2024/ke-hoach-ket-qua/thuc-don`): what lets the timing rules of
/// Thông tư 09/2024 Điều 15 (a menu before the Saturday before its week, …) be checked.
public struct ItemKind: Sendable, Hashable, Decodable {
    /// `thuc-don`, `ke-hoach-thang`, …
    public var id: String
    /// Vietnamese: "Thực đơn".
    public var title: String
    /// When an item of this kind must be published, from the period it covers (`period:`).
    public var publishBefore: PublicationDeadline?

    enum CodingKeys: String, CodingKey {
        case id, title
        case publishBefore = "publish_before"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Identifier.self, forKey: .id).value
        title = try c.decode(String.self, forKey: .title)
        publishBefore = try c.decodeIfPresent(PublicationDeadline.self, forKey: .publishBefore)
    }
}

/// "Before the 25th of the month before" (`{ day: 25, of: previous-month }`) or "before the
/// Saturday of the week before" (`{ weekday: saturday, of: previous-week }`), counted from the
/// first day of the period an item covers. The deadline day itself counts as on time: the texts
/// we read say "trước" without saying whether the day is included, and a fair check does not
/// warn on a reading.
public enum PublicationDeadline: Sendable, Hashable, Decodable {
    case dayOfPreviousMonth(Int)
    /// 1 = Monday … 7 = Sunday (ISO 8601).
    case weekdayOfPreviousWeek(Int)

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    enum CodingKeys: String, CodingKey { case day, weekday, of }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let of = try c.decode(String.self, forKey: .of)
        switch of {
        case "previous-month":
            let day = try c.decode(PositiveInt.self, forKey: .day).value
            guard day <= 28 else {
                throw DecodingError.invalidValue(
                    forKey: .day, in: c,
                    Words(
                        vi: "`day` phải từ 1 đến 28, để tháng nào cũng có ngày đó",
                        en: "`day` must be 1-28, so that every month has it"))
            }
            self = .dayOfPreviousMonth(day)
        case "previous-week":
            let name = try c.decode(String.self, forKey: .weekday)
            guard let index = Self.weekdays.firstIndex(of: name) else {
                let names = Self.weekdays.map { "`\($0)`" }.joined(separator: ", ")
                throw DecodingError.invalidValue(
                    forKey: .weekday, in: c,
                    Words(vi: "`\(name)` không phải một thứ trong tuần: hãy dùng \(names)", en: "`\(name)` is not a weekday: use \(names)"))
            }
            self = .weekdayOfPreviousWeek(index + 1)
        default:
            throw DecodingError.invalidValue(
                forKey: .of, in: c,
                Words(
                    vi: "`of` là `previous-month` (kèm `day`) hoặc `previous-week` (kèm `weekday`)",
                    en: "`of` is `previous-month` (with `day`) or `previous-week` (with `weekday`)"))
        }
    }

    /// The last day on which an item covering `period` is on time.
    public func deadline(for period: DisclosurePeriod) -> DateTimeValue {
        let start = period.start
        switch self {
        case .dayOfPreviousMonth(let day):
            let month = start.month == 1 ? 12 : start.month - 1
            return DateTimeValue(year: start.month == 1 ? start.year - 1 : start.year, month: month, day: day)
        case .weekdayOfPreviousWeek(let weekday):
            let days = CivilCalendar.days(year: start.year, month: start.month, day: start.day)
            let monday = days - (CivilCalendar.isoWeekday(ofDays: days) - 1)
            let (y, m, d) = CivilCalendar.date(fromDays: monday - 7 + weekday - 1)
            return DateTimeValue(year: y, month: m, day: d)
        }
    }

    /// The period after the one that contains `day`: the next month, or the next week's Monday.
    public func nextPeriod(after day: DateTimeValue) -> DisclosurePeriod {
        switch self {
        case .dayOfPreviousMonth:
            return day.month == 12 ? .month(year: day.year + 1, month: 1) : .month(year: day.year, month: day.month + 1)
        case .weekdayOfPreviousWeek:
            let days = CivilCalendar.days(year: day.year, month: day.month, day: day.day)
            let (y, m, d) = CivilCalendar.date(fromDays: days - (CivilCalendar.isoWeekday(ofDays: days) - 1) + 7)
            return .day(year: y, month: m, day: d)
        }
    }
}

extension PublicationDeadline {
    /// Whether two periods fall in the same month (monthly rule) or the same week (weekly rule).
    public func sameSpan(_ a: DisclosurePeriod, _ b: DisclosurePeriod) -> Bool {
        nextPeriod(after: a.start) == nextPeriod(after: b.start)
    }
}

extension CivilCalendar {
    /// 1 = Monday … 7 = Sunday; day 0 (1970-01-01) was a Thursday.
    static func isoWeekday(ofDays days: Int) -> Int {
        ((days % 7) + 7 + 3) % 7 + 1
    }
}
