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
