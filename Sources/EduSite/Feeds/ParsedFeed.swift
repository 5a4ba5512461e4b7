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
    /// One per entry of the document, in document order; nil where an entry gave nothing to show
    /// (no title, no summary). `edusite feeds --read` prints these, to compare with other readers.
    public var entries: [UpstreamItem?]

    /// Newest first, undated last, duplicates (same link) removed; not yet limited.
    public var items: [UpstreamItem] { UpstreamItem.ordered(entries.compactMap { $0 }, limit: .max) }

    public init(dialect: Dialect, title: String, link: String?, entries: [UpstreamItem?]) {
        self.dialect = dialect
        self.title = title
        self.link = link
        self.entries = entries
    }
}
