import Foundation

/// The site's time zone (`timezone:` in `site.yaml`): the one place an instant gets the local time
/// it is shown, counted and sorted into a school year in, and a local time without an offset gets
/// its instant. Every `ContentDate` the stages pass was made here, so its `utcOffset` is always the
/// zone's offset at that instant, never the offset it was written with.
///
/// The rules are read once from the tz database bundled with Foundation (ICU's, not the machine's
/// `/usr/share/zoneinfo`) into a table of offset changes from 1900 to 2200: a lookup is a binary
/// search, the same binary gives the same bytes on every machine, and instants outside the table
/// keep the offset at its nearest end. Offsets are rounded to whole minutes, since RFC 3339 and
/// RFC 822 cannot write seconds (only local mean time before about 1906 had them).
public struct SiteTimeZone: Sendable, Hashable {
    /// As named in `site.yaml`, e.g. `Asia/Ho_Chi_Minh`.
    public let identifier: String
    /// Instants (seconds since 1970, UTC) at which the offset changes, ascending.
    private let changes: [Int64]
    /// `offsets[0]` before the first change, `offsets[i]` from `changes[i - 1]` on.
    private let offsets: [Int]

    /// The range the table covers, the same as the years feed dates may carry.
    static let tableStart: Int64 = -2_208_988_800  // 1900-01-01T00:00:00Z
    static let tableEnd: Int64 = 7_258_118_400  // 2200-01-01T00:00:00Z

    /// nil when the tz database does not know the name.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        func offset(_ instant: Date) -> Int { Self.wholeMinutes(zone.secondsFromGMT(for: instant)) }
        var changes: [Int64] = []
        var offsets = [offset(Date(timeIntervalSince1970: TimeInterval(Self.tableStart)))]
        var cursor = Date(timeIntervalSince1970: TimeInterval(Self.tableStart))
        let end = Date(timeIntervalSince1970: TimeInterval(Self.tableEnd))
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end, next > cursor {
            let value = offset(next)
            if value != offsets.last {
                changes.append(Int64(next.timeIntervalSince1970.rounded()))
                offsets.append(value)
            }
            cursor = next
        }
        self.identifier = identifier
        self.changes = changes
        self.offsets = offsets
    }

    /// A zone that is always `seconds` east of UTC.
    init(fixed seconds: Int, identifier: String) {
        self.identifier = identifier
        changes = []
        offsets = [seconds]
    }

    /// `site.yaml`'s default. Vietnam has kept +07:00 since 1975; the fixed zone stands in only if
    /// Foundation were built without its tz data.
    public static let hoChiMinh = SiteTimeZone(identifier: "Asia/Ho_Chi_Minh") ?? SiteTimeZone(fixed: 7 * 3600, identifier: "Asia/Ho_Chi_Minh")
    /// For dates kept with their own offset (the feed cache) before a site's zone is applied.
    static let utc = SiteTimeZone(fixed: 0, identifier: "UTC")

    /// Seconds east of UTC at `epochSeconds`.
    public func offset(at epochSeconds: Int64) -> Int {
        // The number of changes at or before the instant is the index of the offset in force.
        var low = 0
        var high = changes.count
        while low < high {
            let middle = (low + high) / 2
            if changes[middle] <= epochSeconds { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }

    /// The instant, shown in this zone.
    public func date(epochSeconds: Int64) -> ContentDate {
        ContentDate(epochSeconds: epochSeconds, utcOffset: offset(at: epochSeconds))
    }

    /// The same instant, shown in this zone.
    public func shown(_ date: ContentDate) -> ContentDate { self.date(epochSeconds: date.epochSeconds) }

    /// The instant a written date stands for: at its own offset when it has one, else as local time
    /// here. A local time that occurs twice (clocks going back) is its first occurrence; one that
    /// never occurs (clocks going forward) is read with the offset before the change, as clocks
    /// still showed it (02:30 on a spring-forward night in Berlin is 03:30 summer time).
    public func date(_ value: DateTimeValue) -> ContentDate {
        let days = Int64(CivilCalendar.days(year: value.year, month: value.month, day: value.day))
        let asUTC = days * 86_400 + Int64(value.hour * 3600 + value.minute * 60 + value.second)
        if let written = value.offsetSeconds { return date(epochSeconds: asUTC - Int64(written)) }
        // Offsets change at most a few times a year, so the ones a day either side cover both readings.
        let before = offset(at: asUTC - 86_400)
        let after = offset(at: asUTC + 86_400)
        let fitting = [before, after].filter { offset(at: asUTC - Int64($0)) == $0 }
        return date(epochSeconds: asUTC - Int64(fitting.max() ?? before))
    }

    private static func wholeMinutes(_ seconds: Int) -> Int {
        Int((Double(seconds) / 60).rounded()) * 60
    }

    public static func == (lhs: SiteTimeZone, rhs: SiteTimeZone) -> Bool { lhs.identifier == rhs.identifier }
    public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}

extension SiteConfig {
    /// The zone `timezone:` names; the default when the name is unknown (which the loader reports).
    public var zone: SiteTimeZone { SiteTimeZone(identifier: timezone) ?? .hoChiMinh }
}
