/// What `edusite feeds` keeps of one upstream feed: the last good items and how the last attempts went.
/// Stored as `.edusite/feeds/<id>.json`; the build reads it and never touches the network.
public struct UpstreamFeedSnapshot: Sendable, Hashable, Codable {
    public var feedID: String
    public var url: String
    /// The source channel's own title (e.g. "Sở Giáo dục và Đào tạo TP.HCM - Tin tức"), plain text.
    public var title: String
    public var items: [UpstreamItem]
    /// When the items were last fetched successfully; nil when no fetch has succeeded yet.
    public var fetchedAt: ContentDate?
    /// When the feed was last tried, successfully or not.
    public var checkedAt: ContentDate
    public var etag: String?
    public var lastModified: String?
    /// Why the last try failed; nil when it succeeded (or the server said nothing changed).
    public var lastError: String?

    public init(
        feedID: String, url: String, title: String, items: [UpstreamItem], fetchedAt: ContentDate?, checkedAt: ContentDate,
        etag: String? = nil, lastModified: String? = nil, lastError: String? = nil
    ) {
        self.feedID = feedID
        self.url = url
        self.title = title
        self.items = items
        self.fetchedAt = fetchedAt
        self.checkedAt = checkedAt
        self.etag = etag
        self.lastModified = lastModified
        self.lastError = lastError
    }

    enum CodingKeys: String, CodingKey {
        case feedID = "feed_id"
        case url, title, items
        case fetchedAt = "fetched_at"
        case checkedAt = "checked_at"
        case etag
        case lastModified = "last_modified"
        case lastError = "last_error"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        feedID = try c.decode(String.self, forKey: .feedID)
        url = try c.decode(String.self, forKey: .url)
        title = try c.decode(String.self, forKey: .title)
        items = try c.decode([UpstreamItem].self, forKey: .items)
        fetchedAt = try FeedDateCoding.decode(c, .fetchedAt)
        guard let checked = try FeedDateCoding.decode(c, .checkedAt) else {
            throw DecodingError.keyNotFound(CodingKeys.checkedAt, .init(codingPath: c.codingPath, debugDescription: "missing"))
        }
        checkedAt = checked
        etag = try c.decodeIfPresent(String.self, forKey: .etag)
        lastModified = try c.decodeIfPresent(String.self, forKey: .lastModified)
        lastError = try c.decodeIfPresent(String.self, forKey: .lastError)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(feedID, forKey: .feedID)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(items, forKey: .items)
        try c.encodeIfPresent(fetchedAt?.rfc3339, forKey: .fetchedAt)
        try c.encode(checkedAt.rfc3339, forKey: .checkedAt)
        try c.encodeIfPresent(etag, forKey: .etag)
        try c.encodeIfPresent(lastModified, forKey: .lastModified)
        try c.encodeIfPresent(lastError, forKey: .lastError)
    }
}

extension UpstreamFeedSnapshot {
    /// The same snapshot with every date shown in `zone`: the cache keeps each date with the offset
    /// it was parsed at, and an item at 20:00 GMT is the next day in Vietnam.
    func shown(in zone: SiteTimeZone) -> UpstreamFeedSnapshot {
        var copy = self
        copy.items = items.map { item in
            var item = item
            item.date = item.date.map(zone.shown)
            return item
        }
        copy.fetchedAt = fetchedAt.map(zone.shown)
        copy.checkedAt = zone.shown(checkedAt)
        return copy
    }
}
