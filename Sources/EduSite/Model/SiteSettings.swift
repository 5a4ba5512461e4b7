/// Build settings of `site.yaml`: compliance, Markdown, dated sections, menu, own feeds.

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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        url = try c.decode(LinkURL.self, forKey: .url).string
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
