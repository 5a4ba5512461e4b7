/// One entry of a parent office's feed, normalised: plain-text title and summary, an `http(s)` link or
/// none, a date or none. Nothing in it is markup; the renderer escapes it like any text.
public struct UpstreamItem: Sendable, Hashable, Codable {
    public var title: String
    /// Absolute `http` or `https` URL; nil when the feed gave none that is safe.
    public var link: String?
    public var date: ContentDate?
    /// Plain text, at most 300 characters.
    public var summary: String?

    public init(title: String, link: String?, date: ContentDate?, summary: String?) {
        self.title = title
        self.link = link
        self.date = date
        self.summary = summary
    }

    enum CodingKeys: String, CodingKey { case title, link, date, summary }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        link = try c.decodeIfPresent(String.self, forKey: .link)
        date = try FeedDateCoding.decode(c, .date)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(link, forKey: .link)
        try c.encodeIfPresent(date?.rfc3339, forKey: .date)
        try c.encodeIfPresent(summary, forKey: .summary)
    }

    /// Newest first, undated last (in feed order), one item per link, at most `limit`.
    public static func ordered(_ items: [UpstreamItem], limit: Int) -> [UpstreamItem] {
        let sorted = items.enumerated().sorted { a, b in
            switch (a.element.date, b.element.date) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }
        var seen = Set<String>()
        var result: [UpstreamItem] = []
        for (_, item) in sorted where result.count < limit {
            if let link = item.link {
                guard seen.insert(link).inserted else { continue }
            }
            result.append(item)
        }
        return result
    }
}

/// Dates in the cache are RFC 3339 strings with their offset, so the JSON reads well and sorts; the
/// loader shows them in the site's zone (`UpstreamFeedSnapshot.shown(in:)`).
enum FeedDateCoding {
    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> ContentDate? {
        guard let text = try c.decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let value = DateTimeValue.parse(text), let written = value.offsetSeconds else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "`\(text)` is not an RFC 3339 date")
        }
        // Read back with the offset it was saved with (its zone's when fetched), so a kept copy loads
        // equal to what was saved.
        return ContentDate(epochSeconds: SiteTimeZone.utc.date(value).epochSeconds, utcOffset: written)
    }
}
