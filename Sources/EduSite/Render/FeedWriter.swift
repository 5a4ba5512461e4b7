/// RSS 2.0 and Atom 1.0 documents for the site's posts: absolute URLs, dates in the site's offset,
/// the permalink as a stable GUID, attachments as enclosures. The parent office's portal reads these
/// to integrate the school's news.
struct FeedWriter: Sendable {
    let site: Site
    let index: SiteIndex
    let urls: SiteURLs

    init(site: Site, index: SiteIndex) {
        self.site = site
        self.index = index
        self.urls = SiteURLs(baseURL: site.config.baseURL)
    }

    func document(for feed: SitePlan.Feed) -> String {
        let posts = Array(posts(in: feed.section).prefix(site.config.feeds.limit))
        switch feed.format {
        case .rss: return rss(feed, posts)
        case .atom: return atom(feed, posts)
        }
    }

    private func posts(in section: String?) -> [Page] {
        guard let section else { return index.allPosts }
        return index.sections.first { $0.config.path == section }?.posts ?? []
    }

    private func title(of feed: SitePlan.Feed) -> String {
        guard let section = feed.section, let entry = index.sections.first(where: { $0.config.path == section }) else {
            return site.config.name
        }
        return "\(entry.indexPage?.title ?? entry.config.title) – \(site.config.name)"
    }

    private var description: String {
        "Tin tức, thông báo của \(site.config.name)"
    }

    private func rss(_ feed: SitePlan.Feed, _ posts: [Page]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(title(of: feed).xmlEscaped)</title>
            <link>\(urls.absolute(feed.pagePath).xmlEscaped)</link>
            <description>\(description.xmlEscaped)</description>
            <language>\(site.config.language.xmlEscaped)</language>
            <atom:link href="\(urls.absolute(feed.path).xmlEscaped)" rel="self" type="application/rss+xml"/>

            """
        if let newest = posts.first?.date { xml += "<lastBuildDate>\(newest.rfc822)</lastBuildDate>\n" }
        for post in posts {
            let link = urls.absolute(post.path).xmlEscaped
            xml += "<item>\n<title>\(post.title.xmlEscaped)</title>\n<link>\(link)</link>\n"
            xml += "<guid isPermaLink=\"true\">\(link)</guid>\n"
            if let date = post.date { xml += "<pubDate>\(date.rfc822)</pubDate>\n" }
            xml += "<description>\(body(of: post).xmlEscaped)</description>\n"
            for tag in post.tags { xml += "<category>\(index.label(of: tag).xmlEscaped)</category>\n" }
            // RSS allows one enclosure per item: the first downloadable file.
            if let file = post.attachments.first(where: { !$0.source.isEmpty }) {
                xml += "<enclosure url=\"\(urls.absolute(file.path).xmlEscaped)\" length=\"\(file.byteCount)\" type=\"\(Self.mimeType(file.path))\"/>\n"
            }
            xml += "</item>\n"
        }
        return xml + "</channel>\n</rss>\n"
    }

    private func atom(_ feed: SitePlan.Feed, _ posts: [Page]) -> String {
        let updated = posts.compactMap { $0.updated ?? $0.date }.max() ?? site.buildDate
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(site.config.language.xmlEscaped)">
            <title>\(title(of: feed).xmlEscaped)</title>
            <subtitle>\(description.xmlEscaped)</subtitle>
            <id>\(urls.absolute(feed.path).xmlEscaped)</id>
            <link rel="self" type="application/atom+xml" href="\(urls.absolute(feed.path).xmlEscaped)"/>
            <link rel="alternate" type="text/html" href="\(urls.absolute(feed.pagePath).xmlEscaped)"/>
            <updated>\(updated.rfc3339)</updated>
            <author><name>\(site.config.name.xmlEscaped)</name><email>\(site.config.contact.email.xmlEscaped)</email></author>

            """
        for post in posts {
            let link = urls.absolute(post.path).xmlEscaped
            let published = post.date ?? site.buildDate
            xml += "<entry>\n<title>\(post.title.xmlEscaped)</title>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(link)\"/>\n<id>\(link)</id>\n"
            xml += "<published>\(published.rfc3339)</published>\n<updated>\((post.updated ?? published).rfc3339)</updated>\n"
            if site.config.feeds.fullContent {
                xml += "<content type=\"html\">\(post.body.html.string.xmlEscaped)</content>\n"
            } else {
                xml += "<summary>\(post.summary.xmlEscaped)</summary>\n"
            }
            for tag in post.tags { xml += "<category term=\"\(index.label(of: tag).xmlEscaped)\"/>\n" }
            for file in post.attachments where !file.source.isEmpty {
                xml += "<link rel=\"enclosure\" href=\"\(urls.absolute(file.path).xmlEscaped)\" length=\"\(file.byteCount)\" type=\"\(Self.mimeType(file.path))\" title=\"\(file.title.xmlEscaped)\"/>\n"
            }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }

    private func body(of post: Page) -> String {
        site.config.feeds.fullContent ? post.body.html.string : post.summary
    }

    static func mimeType(_ path: String) -> String {
        switch Path.fileExtension(path) {
        case "pdf": "application/pdf"
        case "doc": "application/msword"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "xls": "application/vnd.ms-excel"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "ppt": "application/vnd.ms-powerpoint"
        case "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "svg": "image/svg+xml"
        case "zip": "application/zip"
        case "mp4": "video/mp4"
        case "mp3": "audio/mpeg"
        default: "application/octet-stream"
        }
    }
}
