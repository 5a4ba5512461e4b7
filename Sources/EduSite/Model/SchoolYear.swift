/// A school year "Y-(Y+1)", which starts on 1 August of Y (the rule the manifests use).
public struct SchoolYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year it starts in: 2025 for 2025-2026.
    public var startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// Parses a folder name like `2025-2026`; the second year must follow the first.
    public init?(folderName: String) {
        let parts = folderName.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 4,
            let first = Int(parts[0]), let second = Int(parts[1]), second == first + 1
        else { return nil }
        startYear = first
    }

    /// The school year a local date falls in.
    public init(containing date: DateTimeValue) {
        startYear = date.month >= 8 ? date.year : date.year - 1
    }

    public init(containing date: ContentDate) { self.init(containing: date.local) }

    /// `2025-2026`: folder and URL name.
    public var description: String { "\(startYear)-\(startYear + 1)" }
    /// "Năm học 2025-2026": as users see it.
    public var label: String { "Năm học \(description)" }

    public var previous: SchoolYear { SchoolYear(startYear: startYear - 1) }

    /// The `count` most recent school years up to and including this one, newest first.
    public func recent(_ count: Int) -> [SchoolYear] {
        (0..<max(count, 0)).map { SchoolYear(startYear: startYear - $0) }
    }

    public static func < (lhs: SchoolYear, rhs: SchoolYear) -> Bool { lhs.startYear < rhs.startYear }
}

/// A school year written `2024-2025`.
struct SchoolYearText: Decodable {
    var year: SchoolYear

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let year = SchoolYear(folderName: text) else {
            throw DecodingError.invalidValue(
                in: container,
                Words(
                    vi: "`\(text)` không phải một năm học: hãy viết dạng 2024-2025",
                    en: "`\(text)` is not a school year: write it as 2024-2025"))
        }
        self.year = year
    }
}
