import Foundation

/// Sitemap sources: the newest pages by `lastmod`, each titled from its own `<title>`.
extension UpstreamFeedRefresher {
    func readSitemap(_ response: FetchResponse, source: String, feed: UpstreamFeed, previous: UpstreamFeedSnapshot?)
        async throws(Failure) -> ParsedFeed
    {
        let host = URLHost.of(source)
        var entries: [SitemapParser.Entry]
        do {
            switch try SitemapParser.parse(response.body, sourceURL: source, httpCharset: response.charset, zone: zone) {
            case .urlSet(let pages):
                entries = pages
            case .index(let sitemaps):
                entries = []
                // Children are read best effort: one broken child sitemap must not hide the others.
                for child in SitemapParser.newest(sitemaps, limit: Self.maxChildSitemaps) where URLHost.of(child.location) == host {
                    guard let childResponse = try? await fetcher.get(child.location),
                        case .urlSet(let pages)? = try? SitemapParser.parse(
                            childResponse.body, sourceURL: child.location, httpCharset: childResponse.charset, zone: zone)
                    else { continue }
                    entries += pages
                }
            }
        } catch {
            throw .parse(error)
        }
        // A sitemap may only list pages of its own site; anything else is not fetched.
        let newest = SitemapParser.newest(entries.filter { URLHost.of($0.location) == host }, limit: feed.limit)
        let known = Dictionary((previous?.items ?? []).compactMap { item in item.link.map { ($0, item) } }) { a, _ in a }
        let fetcher = self.fetcher
        let items = await withTaskGroup(of: (Int, UpstreamItem?).self) { group in
            var next = 0
            func add(_ index: Int) {
                let entry = newest[index]
                if let kept = known[entry.location] {
                    group.addTask { (index, UpstreamItem(title: kept.title, link: entry.location, date: entry.lastModified, summary: kept.summary)) }
                    return
                }
                group.addTask {
                    guard let page = try? await fetcher.get(entry.location) else { return (index, nil) }
                    let (title, description) = SitemapParser.pageSummary(page.body, httpCharset: page.charset)
                    return (
                        index,
                        FeedDocumentParser.makeItem(title: title, link: entry.location, date: entry.lastModified, summary: description)
                    )
                }
            }
            while next < min(Self.pageConcurrency, newest.count) {
                add(next)
                next += 1
            }
            var results: [(Int, UpstreamItem?)] = []
            for await result in group {
                results.append(result)
                if next < newest.count {
                    add(next)
                    next += 1
                }
            }
            return results.sorted { $0.0 < $1.0 }.compactMap(\.1)
        }
        return ParsedFeed(dialect: .sitemap, title: feed.title, link: nil, entries: items)
    }
}

enum URLHost {
    static func of(_ url: String) -> String? {
        guard let parsed = URL(string: url) else { return nil }
        return parsed.host?.lowercased()
    }
}
