/// `site.yaml`: who the unit is, how to reach it, and how to build its site.
///
/// Decoded strictly: an unknown key is an error (the YAML decoder reports it with a "did you mean"
/// hint). Free-form data goes under `params`.
public struct SiteConfig: Sendable, Hashable, Decodable {
    /// Full name, e.g. "Trường THPT Nguyễn Văn Cừ".
    public var name: String
    /// Short name for the header on small screens, e.g. "THPT Nguyễn Văn Cừ".
    public var shortName: String?
    public var unit: UnitKind
    /// Year the unit was founded: a school is asked only for school years it existed.
    public var founded: Int?
    public var parentOffice: ParentOffice?
    /// e.g. `thptnguyenvancu.hcm.edu.vn`.
    public var domain: String?
    /// Absolute URL the site is served under; feeds and the sitemap need it. Ends with `/`.
    public var baseURL: String
    public var contact: Contact
    public var feedback: Feedback?
    public var upstreamFeeds: [UpstreamFeed]
    public var compliance: ComplianceSettings?
    public var theme: String
    public var language: String
    public var timezone: String
    public var pageSize: Int
    public var markdown: MarkdownSettings
    /// Dated sections (news-like folders). Default: `tin-tuc` and `thong-bao`.
    public var sections: [DatedSectionConfig]
    /// The main menu; default: the standard sections every school site has.
    public var menu: [MenuEntry]?
    public var feeds: FeedSettings
    public var params: [String: YAMLValue]

    enum CodingKeys: String, CodingKey {
        case name
        case shortName = "short_name"
        case unit, founded
        case parentOffice = "parent_office"
        case domain
        case baseURL = "base_url"
        case contact, feedback
        case upstreamFeeds = "upstream_feeds"
        case compliance, theme, language, timezone
        case pageSize = "page_size"
        case markdown, sections, menu, feeds, params
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        shortName = try c.decodeIfPresent(String.self, forKey: .shortName)
        unit = try c.decode(UnitKind.self, forKey: .unit)
        founded = try c.decodeIfPresent(Int.self, forKey: .founded)
        parentOffice = try c.decodeIfPresent(ParentOffice.self, forKey: .parentOffice)
        domain = try c.decodeIfPresent(String.self, forKey: .domain)
        baseURL = try c.decode(AbsoluteURL.self, forKey: .baseURL).directoryString
        contact = try c.decode(Contact.self, forKey: .contact)
        feedback = try c.decodeIfPresent(Feedback.self, forKey: .feedback)
        upstreamFeeds = try c.decodeIfPresent([UpstreamFeed].self, forKey: .upstreamFeeds) ?? []
        compliance = try c.decodeIfPresent(ComplianceSettings.self, forKey: .compliance)
        theme = try c.decodeIfPresent(String.self, forKey: .theme) ?? Self.defaults.theme
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? Self.defaults.language
        timezone = try c.decodeIfPresent(String.self, forKey: .timezone) ?? Self.defaults.timezone
        pageSize = try c.decodeIfPresent(PositiveInt.self, forKey: .pageSize)?.value ?? Self.defaults.pageSize
        markdown = try c.decodeIfPresent(MarkdownSettings.self, forKey: .markdown) ?? Self.defaults.markdown
        sections = try c.decodeIfPresent([DatedSectionConfig].self, forKey: .sections) ?? Self.defaults.sections
        menu = try c.decodeIfPresent([MenuEntry].self, forKey: .menu)
        feeds = try c.decodeIfPresent(FeedSettings.self, forKey: .feeds) ?? Self.defaults.feeds
        params = try c.decodeIfPresent([String: YAMLValue].self, forKey: .params) ?? [:]
    }

    /// Every default in one place.
    public static let defaults = (
        theme: "default",
        language: "vi",
        timezone: "Asia/Ho_Chi_Minh",
        pageSize: 10,
        markdown: MarkdownSettings(unsafe: false),
        sections: [
            DatedSectionConfig(path: "tin-tuc", title: "Tin tức - Sự kiện"),
            DatedSectionConfig(path: "thong-bao", title: "Thông báo"),
        ],
        feeds: FeedSettings(fullContent: false, limit: 20)
    )

    /// The name shown where space is short.
    public var displayShortName: String { shortName ?? name }
}

/// What kind of unit runs the site; decides which requirements apply.
public enum UnitKind: String, Sendable, Hashable, Codable, CaseIterable {
    case mamNon = "mam-non"
    case tieuHoc = "tieu-hoc"
    case thcs
    case thpt
    case lienCap = "lien-cap"
    case gdnnGdtx = "gdnn-gdtx"
    /// A district office (Phòng GD&ĐT, before the 2025 reorganisation).
    case phongGDDT = "phong-gddt"
    /// A ward/commune culture-society office that took over district duties in 2025.
    case phongVHXH = "phong-vhxh"
    /// The city's Department of Education (Sở GD&ĐT).
    case soGDDT = "so-gddt"

    public var isOffice: Bool { self == .phongGDDT || self == .phongVHXH || self == .soGDDT }

    /// Vietnamese label as users see it.
    public var label: String {
        switch self {
        case .mamNon: "Trường mầm non"
        case .tieuHoc: "Trường tiểu học"
        case .thcs: "Trường trung học cơ sở"
        case .thpt: "Trường trung học phổ thông"
        case .lienCap: "Trường nhiều cấp học"
        case .gdnnGdtx: "Trung tâm GDNN - GDTX"
        case .phongGDDT: "Phòng Giáo dục và Đào tạo"
        case .phongVHXH: "Phòng Văn hóa - Xã hội"
        case .soGDDT: "Sở Giáo dục và Đào tạo"
        }
    }
}

public struct ParentOffice: Sendable, Hashable, Decodable {
    public var name: String
    public var url: String?

    enum CodingKeys: String, CodingKey { case name, url }

    public init(name: String, url: String?) {
        self.name = name
        self.url = url
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        url = try c.decodeIfPresent(AbsoluteURL.self, forKey: .url)?.string
    }
}

public struct Contact: Sendable, Hashable, Decodable {
    public var address: String
    /// Landline (điện thoại cố định), required by the portal criteria.
    public var landline: String
    public var email: String
    public var hotline: String?
    public var fax: String?
    public var mapURL: String?
    /// Office hours, e.g. "Thứ Hai - Thứ Sáu: 7g00 - 17g00".
    public var hours: String?

    enum CodingKeys: String, CodingKey {
        case address, landline, email, hotline, fax
        case mapURL = "map_url"
        case hours
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        address = try c.decode(String.self, forKey: .address)
        landline = try c.decode(String.self, forKey: .landline)
        email = try c.decode(EmailAddress.self, forKey: .email).value
        hotline = try c.decodeIfPresent(String.self, forKey: .hotline)
        fax = try c.decodeIfPresent(String.self, forKey: .fax)
        mapURL = try c.decodeIfPresent(AbsoluteURL.self, forKey: .mapURL)?.string
        hours = try c.decodeIfPresent(String.self, forKey: .hours)
    }
}

/// Where feedback (góp ý) goes: a form service URL, an email address, or both.
public struct Feedback: Sendable, Hashable, Decodable {
    /// The form's `action` (e.g. a Google Forms or Microsoft Forms response URL).
    public var formAction: String?
    /// Fallback: the address a `mailto:` link opens.
    public var email: String?
    /// An external page that hosts the whole form, linked instead of embedding one.
    public var url: String?

    enum CodingKeys: String, CodingKey {
        case formAction = "form_action"
        case email, url
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formAction = try c.decodeIfPresent(AbsoluteURL.self, forKey: .formAction)?.string
        email = try c.decodeIfPresent(EmailAddress.self, forKey: .email)?.value
        url = try c.decodeIfPresent(AbsoluteURL.self, forKey: .url)?.string
        if formAction == nil && email == nil && url == nil {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "`feedback` needs at least one of `form_action`, `email` or `url`, so parents have somewhere to send their opinions"
                ))
        }
    }
}

/// A parent office's feed shown on the home page (fetched by `edusite feeds`).
public struct UpstreamFeed: Sendable, Hashable, Decodable {
    public enum Format: String, Sendable, Hashable, Codable {
        /// RSS 0.9x/2.0, RSS 1.0 or Atom, detected from the document.
        case auto
        /// A `sitemap.xml`: newest entries by `lastmod`, titled from each page.
        case sitemap
    }

    /// Stable id, used for the cache file and the tab anchor, e.g. `tin-tuc`.
    public var id: String
    /// Tab title, e.g. "Tin tức", "Thông báo", "Văn bản", "Thư mời".
    public var title: String
    public var url: String
    public var format: Format
    /// How many items to keep.
    public var limit: Int

    enum CodingKeys: String, CodingKey { case id, title, url, format, limit }

    public init(id: String, title: String, url: String, format: Format = .auto, limit: Int = 10) {
        self.id = id
        self.title = title
        self.url = url
        self.format = format
        self.limit = limit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Identifier.self, forKey: .id).value
        title = try c.decode(String.self, forKey: .title)
        url = try c.decode(AbsoluteURL.self, forKey: .url).string
        format = try c.decodeIfPresent(Format.self, forKey: .format) ?? .auto
        limit = try c.decodeIfPresent(PositiveInt.self, forKey: .limit)?.value ?? 10
    }
}

/// Which required-section manifests the site is checked against (see `edusite check`).
public struct ComplianceSettings: Sendable, Hashable, Decodable {
    /// Manifest ids (bundled, e.g. `hcm-portal`, `tt09-2024`) or paths to the site's own manifest files.
    public var manifests: [String]

    enum CodingKeys: String, CodingKey { case manifests }
}

public struct MarkdownSettings: Sendable, Hashable, Decodable {
    /// Let raw HTML in Markdown through. Off by default: the school's pages stay safe to publish.
    public var unsafe: Bool

    enum CodingKeys: String, CodingKey { case unsafe }

    public init(unsafe: Bool) { self.unsafe = unsafe }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        unsafe = try c.decodeIfPresent(Bool.self, forKey: .unsafe) ?? false
    }
}

/// A folder of dated posts (news, announcements, …).
public struct DatedSectionConfig: Sendable, Hashable, Decodable {
    /// Folder under `content/`, also the URL, e.g. `tin-tuc`.
    public var path: String
    public var title: String

    enum CodingKeys: String, CodingKey { case path, title }

    public init(path: String, title: String) {
        self.path = path
        self.title = title
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(Identifier.self, forKey: .path).value
        title = try c.decode(String.self, forKey: .title)
    }
}

public struct MenuEntry: Sendable, Hashable, Decodable {
    public var title: String
    /// Site path (`/gioi-thieu/`) or absolute URL.
    public var url: String

    enum CodingKeys: String, CodingKey { case title, url }

    public init(title: String, url: String) {
        self.title = title
        self.url = url
    }
}

public struct FeedSettings: Sendable, Hashable, Decodable {
    /// Whole posts in feeds instead of summaries.
    public var fullContent: Bool
    /// Items per feed.
    public var limit: Int

    enum CodingKeys: String, CodingKey {
        case fullContent = "full_content"
        case limit
    }

    public init(fullContent: Bool, limit: Int) {
        self.fullContent = fullContent
        self.limit = limit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        fullContent = try c.decodeIfPresent(Bool.self, forKey: .fullContent) ?? false
        limit = try c.decodeIfPresent(PositiveInt.self, forKey: .limit)?.value ?? 20
    }
}
