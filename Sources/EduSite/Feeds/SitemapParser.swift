/// Reads `sitemap.xml` (`<urlset>` and `<sitemapindex>`) and the `<title>` of HTML pages: the source for
/// offices such as hcm.edu.vn that publish a sitemap but no RSS.
public enum SitemapParser {
    public struct Entry: Sendable, Hashable {
        /// Absolute `http(s)` URL.
        public var location: String
        public var lastModified: ContentDate?

        public init(location: String, lastModified: ContentDate?) {
            self.location = location
            self.lastModified = lastModified
        }
    }

    public enum Document: Sendable, Hashable {
        /// Pages.
        case urlSet([Entry])
        /// Further sitemaps.
        case index([Entry])
    }

    static let namespaces: Set<String> = [
        "", "http://www.sitemaps.org/schemas/sitemap/0.9", "http://www.google.com/schemas/sitemap/0.84",
        "http://www.google.com/schemas/sitemap/0.9",
    ]

    /// `zone`: the site's; a `lastmod` without an offset is its local time.
    public static func parse(
        _ bytes: [UInt8], sourceURL: String, httpCharset: String?, zone: SiteTimeZone = .hoChiMinh
    ) throws(FeedParseError) -> Document {
        let root = try FeedXMLDocument.parse(bytes, httpCharset: httpCharset)
        let childName: String
        switch root.name {
        case "urlset": childName = "url"
        case "sitemapindex": childName = "sitemap"
        default: throw .notAFeed(root: root.name)
        }
        let entries = root.children(childName, in: namespaces).compactMap { element -> Entry? in
            guard let loc = element.first("loc", in: namespaces),
                let location = FeedLink.resolve(loc.text, base: sourceURL)
            else { return nil }
            return Entry(location: location, lastModified: element.first("lastmod", in: namespaces).flatMap { FeedDate.parse($0.text, zone: zone) })
        }
        return root.name == "urlset" ? .urlSet(entries) : .index(entries)
    }

    /// The `limit` newest entries by `lastmod` (undated last, in document order), one per location.
    public static func newest(_ entries: [Entry], limit: Int) -> [Entry] {
        let ordered = UpstreamItem.ordered(
            entries.map { UpstreamItem(title: $0.location, link: $0.location, date: $0.lastModified, summary: nil) },
            limit: limit)
        return ordered.map { Entry(location: $0.link ?? $0.title, lastModified: $0.date) }
    }

    /// A page's title and description as plain text: `og:title` or `<title>`, and `og:description` or
    /// `<meta name="description">`. Only the first 256 KB are looked at.
    public static func pageSummary(_ html: [UInt8], httpCharset: String?) -> (title: String?, description: String?) {
        let head = Array(html.prefix(256 * 1024))
        let declared = FeedTextEncoding.htmlDeclaredEncoding(head)
        let text = FeedTextEncoding.decode(head, declared: declared, httpCharset: httpCharset).text
        // ASCII-only lowercasing keeps every byte where it was, so ranges found in `lower` fit `text`.
        let lower = String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        var title = metaContent(text, lower: lower, keys: ["og:title"])
        if title == nil, let open = lower.range(of: "<title"), let close = lower.range(of: "</title", range: open.upperBound..<lower.endIndex),
            let gt = lower.range(of: ">", range: open.upperBound..<close.lowerBound)
        {
            title = String(text[gt.upperBound..<close.lowerBound])
        }
        let description = metaContent(text, lower: lower, keys: ["og:description", "description"])
        func plain(_ raw: String?) -> String? {
            guard let raw else { return nil }
            // A page's <title> and a meta content are text with entities: a `<` in them is a `<`.
            let cleaned = FeedText.fromEscapedText(raw)
            return cleaned.isEmpty ? nil : cleaned
        }
        return (plain(title).map { FeedText.truncated($0, limit: FeedText.titleLimit) },
                plain(description).map { FeedText.truncated($0, limit: FeedText.summaryLimit) })
    }

    /// The `content` of the first `<meta property|name="key">` among `keys`, in order of preference.
    private static func metaContent(_ text: String, lower: String, keys: [String]) -> String? {
        var metas: [(String, String)] = []
        var cursor = lower.startIndex
        while let open = lower.range(of: "<meta", range: cursor..<lower.endIndex) {
            guard let close = lower.range(of: ">", range: open.upperBound..<lower.endIndex) else { break }
            let tagLower = String(lower[open.upperBound..<close.lowerBound])
            let tag = String(text[open.upperBound..<close.lowerBound])
            let key = FeedTextEncoding.attributeValue(named: "property", in: tagLower)
                ?? FeedTextEncoding.attributeValue(named: "name", in: tagLower)
            if let key, let contentRange = tagLower.range(of: "content") {
                let offset = tagLower.distance(from: tagLower.startIndex, to: contentRange.lowerBound)
                if let value = FeedTextEncoding.attributeValue(named: "content", in: String(tag.dropFirst(offset))) {
                    metas.append((key, value))
                }
            }
            cursor = close.upperBound
        }
        for key in keys { if let match = metas.first(where: { $0.0 == key }) { return match.1 } }
        return nil
    }
}
