/// A parent office's feed shown on the home page (fetched by `edusite feeds`).
public struct UpstreamFeed: Sendable, Hashable, Decodable {
    public enum Format: String, Sendable, Hashable, Codable, CaseIterable {
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
