import Foundation

/// Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 into normalised items.
public enum FeedDocumentParser {
    static let rssNamespaces: Set<String> = [
        "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
        "http://blogs.law.harvard.edu/tech/rss",
    ]
    static let atomNamespaces: Set<String> = ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#", ""]
    static let dublinCore: Set<String> = ["http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"]
    static let contentModule: Set<String> = ["http://purl.org/rss/1.0/modules/content/"]
    static let mediaRSS: Set<String> = ["http://search.yahoo.com/mrss/", "http://search.yahoo.com/mrss"]

    /// - Parameters:
    ///   - sourceURL: where the bytes came from; relative links resolve against it.
    ///   - httpCharset: the `charset` of the HTTP `Content-Type`, a hint when the document says nothing.
    ///   - zone: the site's; dates are shown in it, and a date without an offset is its local time.
    public static func parse(
        _ bytes: [UInt8], sourceURL: String, httpCharset: String?, zone: SiteTimeZone = .hoChiMinh
    ) throws(FeedParseError) -> ParsedFeed {
        let root = try FeedXMLDocument.parse(bytes, httpCharset: httpCharset)
        switch root.name {
        case "rss", "channel", "RDF":
            return rss(root, sourceURL: sourceURL, zone: zone)
        case "feed":
            return atom(root, sourceURL: sourceURL, zone: zone)
        default:
            throw .notAFeed(root: root.name)
        }
    }

    // MARK: - RSS 0.9x, 2.0 and 1.0

    private static func rss(_ root: FeedXMLElement, sourceURL: String, zone: SiteTimeZone) -> ParsedFeed {
        let isRDF = root.name == "RDF"
        let channel = root.name == "channel" ? root : root.first("channel", in: rssNamespaces)
        // RSS 1.0 puts items beside the channel; sloppy 0.9x feeds do too.
        var itemElements = root.children("item", in: rssNamespaces)
        if let channel, channel !== root { itemElements += channel.children("item", in: rssNamespaces) }
        let entries = itemElements.map { rssItem($0, sourceURL: sourceURL, isRDF: isRDF, zone: zone) }
        let title = (channel?.first("title", in: rssNamespaces)).map { FeedText.fromRSS($0.text) } ?? ""
        let link = channel.flatMap { c in
            c.first("link", in: rssNamespaces).flatMap { FeedLink.resolve($0.text, base: $0.base(document: sourceURL)) }
        }
        return ParsedFeed(
            dialect: isRDF ? .rss1 : .rss2, title: FeedText.truncated(title, limit: FeedText.titleLimit), link: link,
            entries: entries)
    }

    private static func rssItem(_ item: FeedXMLElement, sourceURL: String, isRDF: Bool, zone: SiteTimeZone) -> UpstreamItem {
        let base = item.base(document: sourceURL)
        let titleElement =
            item.first("title", in: rssNamespaces) ?? item.first("title", in: dublinCore) ?? item.first("title", in: mediaRSS)
        var link = item.first("link", in: rssNamespaces).flatMap { FeedLink.resolve($0.text, base: base) }
        if link == nil, let guid = item.first("guid", in: rssNamespaces), guid.attribute("isPermaLink")?.lowercased() != "false" {
            link = FeedLink.resolve(guid.text, base: base)
        }
        if link == nil {
            link = atomLink(item, base: base)
        }
        if link == nil, isRDF, let about = item.attributes["rdf:about"] ?? item.attribute("about") {
            link = FeedLink.resolve(about, base: base)
        }
        let dateElement =
            item.first("pubDate", in: rssNamespaces) ?? item.first("date", in: dublinCore)
            ?? item.first("modified", in: dublinCore) ?? item.first("issued", in: dublinCore)
            ?? item.first("created", in: dublinCore) ?? item.first("published", in: atomNamespaces)
            ?? item.first("updated", in: atomNamespaces)
        // A description is HTML (feedparser reads it so too); an Atom summary follows its own `type`.
        let description =
            item.first("description", in: rssNamespaces) ?? item.first("encoded", in: contentModule)
            ?? item.first("description", in: dublinCore)
        let summary = description.map { FeedText.fromHTML($0.text) } ?? item.first("summary", in: atomOnly).map(atomText)
        return UpstreamItem(
            title: titleElement.map { FeedText.fromRSS($0.text) } ?? "",
            link: link,
            date: dateElement.flatMap { FeedDate.parse($0.text, zone: zone) },
            summary: summary)
    }

    private static let atomOnly: Set<String> = ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"]

    // MARK: - Atom 0.3 and 1.0

    private static func atom(_ root: FeedXMLElement, sourceURL: String, zone: SiteTimeZone) -> ParsedFeed {
        let entries = root.children("entry", in: atomNamespaces).map { entry -> UpstreamItem in
            let base = entry.base(document: sourceURL)
            var link = atomLink(entry, base: base)
            // An id is an absolute IRI (RFC 4287 4.2.6); one that is a web address is the entry's page.
            if link == nil, let id = entry.first("id", in: atomNamespaces)?.text.trimmingCharacters(in: .whitespacesAndNewlines),
                id.lowercased().hasPrefix("http://") || id.lowercased().hasPrefix("https://")
            {
                link = FeedLink.resolve(id, base: nil)
            }
            let dateElement =
                entry.first("updated", in: atomNamespaces) ?? entry.first("published", in: atomNamespaces)
                ?? entry.first("modified", in: atomNamespaces) ?? entry.first("issued", in: atomNamespaces)
                ?? entry.first("created", in: atomNamespaces) ?? entry.first("date", in: dublinCore)
            let summaryElement = entry.first("summary", in: atomNamespaces) ?? entry.first("content", in: atomNamespaces)
            return UpstreamItem(
                title: entry.first("title", in: atomNamespaces).map(atomText) ?? "",
                link: link,
                date: dateElement.flatMap { FeedDate.parse($0.text, zone: zone) },
                summary: summaryElement.map(atomText))
        }
        let title = root.first("title", in: atomNamespaces).map(atomText) ?? ""
        return ParsedFeed(
            dialect: .atom, title: FeedText.truncated(title, limit: FeedText.titleLimit),
            link: atomLink(root, base: root.base(document: sourceURL)),
            entries: entries)
    }

    /// The `rel="alternate"` (or rel-less) link, HTML preferred; resolved against the link's own `xml:base`.
    private static func atomLink(_ element: FeedXMLElement, base: String) -> String? {
        let links = element.children("link", in: atomOnly.union([""])).filter {
            let rel = $0.attribute("rel")?.lowercased() ?? "alternate"
            return rel == "alternate" && $0.attribute("href") != nil
        }
        let preferred = links.first { ($0.attribute("type") ?? "text/html").lowercased().contains("html") } ?? links.first
        guard let preferred, let href = preferred.attribute("href") else { return nil }
        return FeedLink.resolve(href, base: preferred.base(document: base))
    }

    /// Atom text constructs (RFC 4287 3.1): `text` is literal (`&lt;b&gt;` is the characters `<b>`),
    /// `html` is HTML after one level of XML unescaping, `xhtml` is a `div` whose text we keep. Atom 0.3
    /// says the same with a MIME `type` (default `text/plain`) and a `mode`: `escaped` content is what its
    /// type says once unescaped, `base64` is decoded first, `xml` is inline markup.
    private static func atomText(_ element: FeedXMLElement) -> String {
        let type = element.attribute("type")?.lowercased() ?? "text"
        let mode = element.attribute("mode")?.lowercased()
        let isHTML = type == "html" || type == "text/html"
        // A MIME type that is neither text nor XML means base64 (RFC 4287 4.1.3.3), as `mode="base64"` does in 0.3.
        let isBinary = type.contains("/") && !type.hasPrefix("text/") && !type.hasSuffix("+xml") && !type.hasSuffix("/xml")
        if mode == "base64" || isBinary {
            guard let data = Data(base64Encoded: element.text, options: .ignoreUnknownCharacters) else { return "" }
            let decoded = String(decoding: data, as: UTF8.self)
            return isHTML ? FeedText.fromHTML(decoded) : FeedText.fromPlain(decoded)
        }
        // TypePad wraps escaped HTML in an XHTML div: the div is a wrapper, its text is the HTML.
        if isHTML, element.elements.count == 1, element.elements[0].name == "div" {
            return FeedText.fromHTML(element.innerText)
        }
        // Other child elements are inline markup whatever the type says (feedparser reads them as XHTML too).
        if type == "xhtml" || type.hasSuffix("xhtml+xml") || !element.elements.isEmpty {
            return FeedText.fromPlain(element.innerText)
        }
        return isHTML ? FeedText.fromHTML(element.text) : FeedText.fromPlain(element.text)
    }

    /// What the site shows of an entry as read: it needs a title (its summary's start will do); long
    /// texts are cut; a summary that only repeats the title is dropped.
    public static func shown(_ entry: UpstreamItem) -> UpstreamItem? {
        makeItem(title: entry.title, link: entry.link, date: entry.date, summary: entry.summary)
    }

    static func makeItem(title: String?, link: String?, date: ContentDate?, summary: String?) -> UpstreamItem? {
        let summaryText = summary.flatMap { $0.isEmpty ? nil : $0 }
        var titleText = title ?? ""
        if titleText.isEmpty, let summaryText { titleText = FeedText.truncated(summaryText, limit: 120) }
        guard !titleText.isEmpty else { return nil }
        return UpstreamItem(
            title: FeedText.truncated(titleText, limit: FeedText.titleLimit),
            link: link,
            date: date,
            summary: summaryText.flatMap { $0 == titleText ? nil : FeedText.truncated($0, limit: FeedText.summaryLimit) })
    }
}
