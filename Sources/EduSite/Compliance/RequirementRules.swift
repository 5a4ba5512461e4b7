/// The rule kinds a requirement can use. Each is optional; a requirement has at least one.
/// Unknown rule names are unknown keys, reported by the YAML decoder at their line.
public struct RequirementRules: Sendable, Hashable, Decodable {
    /// The section exists and is not a placeholder ("TODO", "Đang cập nhật", "Lorem ipsum", empty).
    public var nonEmpty: Bool?
    /// At least this many items (people, organisations, procedures, posts, disclosures, feeds).
    public var minItems: Int?
    /// Evaluate per school year, for the most recent ones.
    public var schoolYears: SchoolYearRule?
    /// Items that must be there by id (procedure ids, disclosure ids, organisation kinds, feed ids).
    public var items: [NamedItem]?
    /// Each named item (or each item, when none are named) has a file of one of these types.
    public var fileTypes: [String]?
    /// Contact fields that must be filled in `site.yaml` and shown (footer, contact page).
    public var fields: [ContactField]?
    public var domain: DomainRule?

    enum CodingKeys: String, CodingKey {
        case nonEmpty = "non_empty"
        case minItems = "min_items"
        case schoolYears = "school_years"
        case items
        case fileTypes = "file_types"
        case fields, domain
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nonEmpty = try c.decodeIfPresent(Bool.self, forKey: .nonEmpty)
        minItems = try c.decodeIfPresent(PositiveInt.self, forKey: .minItems)?.value
        schoolYears = try c.decodeIfPresent(SchoolYearRule.self, forKey: .schoolYears)
        items = try c.decodeIfPresent([NamedItem].self, forKey: .items)
        fileTypes = try c.decodeIfPresent([String].self, forKey: .fileTypes)?.map { $0.lowercased() }
        fields = try c.decodeIfPresent([ContactField].self, forKey: .fields)
        domain = try c.decodeIfPresent(DomainRule.self, forKey: .domain)
        if nonEmpty == nil && minItems == nil && schoolYears == nil && items == nil && fileTypes == nil
            && fields == nil && domain == nil
        {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    Words(
                        vi: "`rules` không nêu quy tắc nào: hãy dùng một hoặc nhiều trong `non_empty`, `min_items`, `school_years`, `items`, `file_types`, `fields`, `domain`",
                        en: "`rules` names no rule: use one or more of `non_empty`, `min_items`, `school_years`, `items`, `file_types`, `fields`, `domain`")))
        }
    }
}

/// "Per school year, for the last N school years", bounded by when the regulation applies.
public struct SchoolYearRule: Sendable, Hashable, Decodable {
    /// How many school years, counting the current one.
    public var last: Int
    /// First school year the rule covers (e.g. `2024-2025` for a text in force from 19/07/2024).
    public var from: SchoolYear?
    /// Last school year the rule covers (e.g. `2023-2024` for a repealed text).
    public var until: SchoolYear?
    /// The day within each school year by which its items are due (`06-30`): before it, a missing
    /// item of that year is no finding (`check --upcoming` lists it).
    public var due: MonthDay?
    /// Older years asked for only on a reading not verified (TT09's "kept 5 years"): their
    /// findings are warnings that state the reading.
    public var unverified: UnverifiedYears?

    enum CodingKeys: String, CodingKey { case last, from, until, due, unverified }

    public init(
        last: Int, from: SchoolYear? = nil, until: SchoolYear? = nil, due: MonthDay? = nil, unverified: UnverifiedYears? = nil
    ) {
        self.last = last
        self.from = from
        self.until = until
        self.due = due
        self.unverified = unverified
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        last = try c.decode(PositiveInt.self, forKey: .last).value
        from = try c.decodeIfPresent(SchoolYearText.self, forKey: .from)?.year
        until = try c.decodeIfPresent(SchoolYearText.self, forKey: .until)?.year
        due = try c.decodeIfPresent(MonthDay.self, forKey: .due)
        unverified = try c.decodeIfPresent(UnverifiedYears.self, forKey: .unverified)
        if let unverified, unverified.last <= last {
            throw DecodingError.invalidValue(
                forKey: .unverified, in: c,
                Words(
                    vi: "`unverified.last` (\(unverified.last)) phải lớn hơn `last` (\(last)): nó thêm các năm học cũ hơn",
                    en: "`unverified.last` (\(unverified.last)) must be more than `last` (\(last)): it adds older school years"))
        }
    }

    /// The school years asked for as of `today`, newest first: the last `last` (and the older
    /// ones of `unverified`), within `from`…`until`, and none before the unit was founded.
    public func years(current: SchoolYear, founded: Int?) -> [SchoolYear] {
        current.recent(unverified?.last ?? last).filter { year in
            (from.map { year >= $0 } ?? true) && (until.map { year <= $0 } ?? true)
                && (founded.map { year.startYear >= $0 } ?? true)
        }
    }

    /// Whether `year` is asked for only on the unverified reading.
    public func isUnverified(_ year: SchoolYear, current: SchoolYear) -> Bool {
        current.startYear - year.startYear >= last
    }

    /// The due day of `year`: a month from August on falls in its first calendar year.
    public func dueDate(of year: SchoolYear) -> DateTimeValue? {
        guard let due else { return nil }
        return DateTimeValue(year: due.month >= 8 ? year.startYear : year.startYear + 1, month: due.month, day: due.day)
    }
}

/// `unverified: { last: 5, note: … }` of a school-year rule.
public struct UnverifiedYears: Sendable, Hashable, Decodable {
    public var last: Int
    /// The reading and where it comes from, shown with each finding.
    public var note: String

    enum CodingKeys: String, CodingKey { case last, note }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        last = try c.decode(PositiveInt.self, forKey: .last).value
        note = try c.decode(String.self, forKey: .note)
    }
}

/// A day of the year written `MM-DD`, e.g. `06-30`.
public struct MonthDay: Sendable, Hashable, Decodable {
    public var month: Int
    public var day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m),
            (1...CivilCalendar.daysIn(month: m, year: 2024)).contains(d)
        else {
            throw DecodingError.invalidValue(
                in: container,
                Words(
                    vi: "`\(text)` không phải một ngày trong năm: hãy viết dạng MM-DD, ví dụ \"06-30\"",
                    en: "`\(text)` is not a day of the year: write it as MM-DD, e.g. \"06-30\""))
        }
        month = m
        day = d
    }
}

/// An item a requirement names: its id as content writes it, and its Vietnamese title.
public struct NamedItem: Sendable, Hashable, Decodable {
    public var id: String
    public var title: String
    /// Unit kinds it is asked of; nil: every unit the requirement applies to. One id may appear
    /// twice with units that do not overlap (verified for some units, a reading for others).
    public var units: [UnitKind]?
    /// nil: as its requirement.
    public var verified: Bool?
    /// What the reading rests on, when `verified` is false.
    public var note: String?
    /// The kinds a disclosure item comes in (`thuc-don`, `ke-hoach-thang`), with their timing rules.
    public var kinds: [ItemKind]

    enum CodingKeys: String, CodingKey { case id, title, units, verified, note, kinds }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Identifier.self, forKey: .id).value
        title = try c.decode(String.self, forKey: .title)
        units = try c.decodeIfPresent([UnitKind].self, forKey: .units)
        verified = try c.decodeIfPresent(Bool.self, forKey: .verified)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        kinds = try c.decodeIfPresent([ItemKind].self, forKey: .kinds) ?? []
    }

    public func applies(to unit: UnitKind) -> Bool { units?.contains(unit) ?? true }

    public func kind(_ id: String) -> ItemKind? { kinds.first { $0.id == id } }
}

/// A contact detail of `site.yaml` `contact`.
public enum ContactField: String, Sendable, Hashable, Codable, CaseIterable {
    case address, landline, email, hotline, fax

    /// Vietnamese label.
    public var label: String {
        switch self {
        case .address: "địa chỉ"
        case .landline: "điện thoại cố định"
        case .email: "email"
        case .hotline: "đường dây nóng"
        case .fax: "fax"
        }
    }

    func value(in contact: Contact) -> String? {
        switch self {
        case .address: contact.address
        case .landline: contact.landline
        case .email: contact.email
        case .hotline: contact.hotline
        case .fax: contact.fax
        }
    }
}

/// The domain pattern: `<prefix><name><suffix>`, e.g. `thpt` + `songsaigon` + `.hcm.edu.vn`.
public struct DomainRule: Sendable, Hashable, Decodable {
    static let unitKinds = UnitKind.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")

    /// e.g. `.hcm.edu.vn`.
    public var suffix: String
    /// Accepted prefixes per unit kind (`thpt: [thpt]`).
    public var prefixes: [UnitKind: [String]]
    /// Words of `name` that are not part of the school's own name ("Trường", "THPT", …), compared
    /// without case.
    public var levelWords: [String]
    /// When the prefixes are inferred rather than read in a text: what they rest on. A wrong
    /// prefix is then a warning that says so; a wrong suffix stays an error.
    public var prefixesReading: String?

    enum CodingKeys: String, CodingKey {
        case suffix, prefixes
        case levelWords = "level_words"
        case prefixesReading = "prefixes_reading"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        suffix = try c.decode(String.self, forKey: .suffix).lowercased()
        let raw = try c.decode([String: [String]].self, forKey: .prefixes)
        var prefixes: [UnitKind: [String]] = [:]
        for (key, value) in raw {
            guard let unit = UnitKind(rawValue: key) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: c.codingPath + [CodingKeys.prefixes],
                        Words(
                            vi: "`\(key)` không phải một loại đơn vị: hãy dùng \(Self.unitKinds)",
                            en: "`\(key)` is not a unit kind: use \(Self.unitKinds)")))
            }
            prefixes[unit] = value.map { $0.lowercased() }
        }
        self.prefixes = prefixes
        levelWords = try c.decodeIfPresent([String].self, forKey: .levelWords) ?? []
        prefixesReading = try c.decodeIfPresent(String.self, forKey: .prefixesReading)
    }
}
