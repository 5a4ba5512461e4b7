/// A feed document read and normalised, before it is cut to the configured limit.
public struct ParsedFeed: Sendable, Hashable {
    public enum Dialect: String, Sendable, Hashable {
        case rss2 = "RSS 2.0"
        case rss1 = "RSS 1.0"
        case atom = "Atom"
        case sitemap = "sitemap"
    }

    public var dialect: Dialect
    /// The channel's title, plain text (may be empty).
    public var title: String
    /// The channel's home page, when it gave a safe one.
    public var link: String?
    /// One per entry of the document, in document order, as read: the title empty when there is none,
    /// nothing cut yet. `edusite feeds --read` prints these, to compare with other readers.
    public var entries: [UpstreamItem]

    /// What the site shows (`FeedDocumentParser.shown`): newest first, undated last, duplicates (same
    /// link) removed; not yet limited.
    public var items: [UpstreamItem] { UpstreamItem.ordered(entries.compactMap(FeedDocumentParser.shown), limit: .max) }

    public init(dialect: Dialect, title: String, link: String?, entries: [UpstreamItem]) {
        self.dialect = dialect
        self.title = title
        self.link = link
        self.entries = entries
    }
}
