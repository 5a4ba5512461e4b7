/// Why an upstream document could not be read. The refresher turns it into a warning and keeps the
/// last good copy.
public enum FeedParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing came back, or only whitespace.
    case empty
    /// Not well-formed XML; the parser's error code and line.
    case malformedXML(code: Int, line: Int)
    /// The document declares entities (`<!ENTITY`): feeds never need them, and they are how "billion
    /// laughs" and external-entity attacks work, so such a document is refused unread.
    case entityDeclarations
    /// Too deep, too many elements, or text that grew past any honest feed.
    case tooLarge
    /// Well-formed, but no RSS, RDF, Atom or sitemap root.
    case notAFeed(root: String)

    public var description: String {
        switch self {
        case .empty: "the document is empty"
        case .malformedXML(let code, let line): "the document is not well-formed XML (error \(code) at line \(line))"
        case .entityDeclarations: "the document declares XML entities, which feeds never need; refused for safety"
        case .tooLarge: "the document is nested too deeply or expands to too much text; refused"
        case .notAFeed(let root):
            root == "urlset" || root == "sitemapindex"
                ? "the document is a sitemap (<\(root)>), not a feed: set `format: sitemap` for this feed"
                : "the document is not an RSS, RDF or Atom feed (its root element is <\(root)>)"
        }
    }
}
