/// What a disclosure page's `disclosure:` names: `[manifest/]item[/kind]`, e.g. `thong-tin-chung`,
/// `tt09-2024/tai-chinh`, `tt09-2024/ke-hoach-ket-qua/thuc-don`, `ke-hoach-ket-qua/ke-hoach-thang`.
///
/// Two segments are ambiguous (`manifest/item` or `item/kind`): the Check stage, which knows the
/// manifests, resolves them with `match(manifest:item:)`.
public struct DisclosureReference: Sendable, Hashable, CustomStringConvertible {
    /// One to three ids.
    public let segments: [String]

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts.allSatisfy(Identifier.isValid) else { return nil }
        segments = parts
    }

    public var description: String { segments.joined(separator: "/") }

    /// Whether it names `item` of `manifest`, and with which kind (nil: no kind given). A kind may
    /// stand alone (`thuc-don`, `tt09-2024/thuc-don`): schools write it so, and `kinds` lists what
    /// the item's kinds are.
    public func match(manifest: String, item: String, kinds: [String] = []) -> Match? {
        switch segments.count {
        case 1:
            if segments[0] == item { return Match(kind: nil) }
            return kinds.contains(segments[0]) ? Match(kind: segments[0]) : nil
        case 2:
            if segments[0] == manifest && segments[1] == item { return Match(kind: nil) }
            if segments[0] == manifest && kinds.contains(segments[1]) { return Match(kind: segments[1]) }
            return segments[0] == item ? Match(kind: segments[1]) : nil
        default:
            return segments[0] == manifest && segments[1] == item ? Match(kind: segments[2]) : nil
        }
    }

    public struct Match: Sendable, Hashable {
        public var kind: String?
    }
}

extension DisclosureReference: TextDecodable {
    init?(validating text: String) { self.init(text) }

    static func problem(with text: String) -> Words {
        Words(
            vi: "`\(text)` không phải mã công khai: hãy ghi mục mà các bộ tiêu chí nêu, có thể kèm bộ tiêu chí và loại, bằng chữ thường không dấu nối bằng '-', ví dụ `tai-chinh`, `tt09-2024/ke-hoach-ket-qua/thuc-don`",
            en: "`\(text)` is not a disclosure id: write the item the manifests name, optionally with its manifest and kind, as lowercase words without accents joined by '-', e.g. `tai-chinh`, `tt09-2024/ke-hoach-ket-qua/thuc-don`")
    }
}

/// The time a disclosure covers (`period:`): a month (`2026-10`, a monthly plan) or a day
/// (`2026-10-19`, a daily menu, or any day of the week a weekly plan is for).
public enum DisclosurePeriod: Sendable, Hashable, CustomStringConvertible {
    case month(year: Int, month: Int)
    case day(year: Int, month: Int, day: Int)

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        if parts.count == 2 {
            self = .month(year: year, month: month)
            return
        }
        guard let day = Int(parts[2]), (1...CivilCalendar.daysIn(month: month, year: year)).contains(day) else { return nil }
        self = .day(year: year, month: month, day: day)
    }

    /// Its first day.
    public var start: DateTimeValue {
        switch self {
        case .month(let year, let month): DateTimeValue(year: year, month: month, day: 1)
        case .day(let year, let month, let day): DateTimeValue(year: year, month: month, day: day)
        }
    }

    /// `10/2026` or `19/10/2026`, as Vietnamese readers write it.
    public var label: String {
        switch self {
        case .month(let year, let month): "\(month.twoDigits)/\(year)"
        case .day(let year, let month, let day): "\(day.twoDigits)/\(month.twoDigits)/\(year)"
        }
    }

    public var description: String {
        switch self {
        case .month(let year, let month): "\(year.fourDigits)-\(month.twoDigits)"
        case .day(let year, let month, let day): "\(year.fourDigits)-\(month.twoDigits)-\(day.twoDigits)"
        }
    }
}

extension DisclosurePeriod: TextDecodable {
    init?(validating text: String) { self.init(text.trimmingSpaces()) }

    static func problem(with text: String) -> Words {
        Words(
            vi: "`\(text)` không phải một kỳ: ghi tháng của kế hoạch là `2026-10`, hoặc ngày (với một tuần, ngày thứ Hai) là `2026-10-19`",
            en: "`\(text)` is not a period: write the month a plan is for as `2026-10`, or the day (for a week, its Monday) as `2026-10-19`")
    }
}
