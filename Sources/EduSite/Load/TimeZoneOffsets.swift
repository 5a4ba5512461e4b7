import Foundation

/// UTC offsets of the site's timezone. Vietnam has had no daylight saving since 1975, so one offset
/// per zone is exact for the dates a school site holds.
enum TimeZoneOffsets {
    static func offset(for identifier: String) -> Int? {
        if identifier == "Asia/Ho_Chi_Minh" || identifier == "Asia/Saigon" { return 7 * 3600 }
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_750_000_000))
    }
}
