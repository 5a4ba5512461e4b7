/// Refreshes the site's upstream feeds, all at once: a conditional GET from the kept ETag and
/// Last-Modified, a read of whatever dialect comes back, and a new snapshot. On any failure the last
/// good items stay; only `checkedAt` and `lastError` change.
public struct UpstreamFeedRefresher: Sendable {
    /// A week: older kept items earn a warning.
    public static let staleAfterSeconds: Int64 = 7 * 86_400
    /// Sitemap sources: how many child sitemaps of an index are read, and pages fetched at once.
    static let maxChildSitemaps = 3
    static let pageConcurrency = 4

    public var fetcher: HTTPFetcher
    public var cache: UpstreamFeedCache
    public var now: ContentDate
    /// The site's: a feed date without an offset is its local time.
    public var zone: SiteTimeZone

    public init(fetcher: HTTPFetcher, cache: UpstreamFeedCache, now: ContentDate, zone: SiteTimeZone = .hoChiMinh) {
        self.fetcher = fetcher
        self.cache = cache
        self.now = now
        self.zone = zone
    }

    /// - Parameter locations: each feed's place in `site.yaml` by feed id, for the diagnostics.
    public func refresh(_ feeds: [UpstreamFeed], locations: [String: SourceLocation] = [:]) async -> [FeedRefreshReport] {
        await withTaskGroup(of: (Int, FeedRefreshReport).self) { group in
            for (index, feed) in feeds.enumerated() {
                group.addTask { (index, await refresh(feed, location: locations[feed.id])) }
            }
            var reports: [(Int, FeedRefreshReport)] = []
            for await report in group { reports.append(report) }
            return reports.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    public func refresh(_ feed: UpstreamFeed, location: SourceLocation? = nil) async -> FeedRefreshReport {
        let previous = cache.snapshot(of: feed, shownIn: zone)
        let outcome: FeedRefreshReport.Outcome
        var snapshot: UpstreamFeedSnapshot
        do throws(Failure) {
            let response: FetchResponse
            do {
                response = try await fetcher.get(feed.url, etag: previous?.etag, lastModified: previous?.lastModified)
            } catch {
                throw .fetch(error)
            }
            if response.notModified, var kept = previous {
                kept.checkedAt = now
                kept.fetchedAt = now
                kept.lastError = nil
                kept.items = Array(kept.items.prefix(feed.limit))
                snapshot = kept
                outcome = .notModified
            } else {
                let parsed = try await read(response, feed: feed, previous: previous)
                snapshot = UpstreamFeedSnapshot(
                    feedID: feed.id, url: feed.url, title: parsed.title,
                    items: Array(parsed.items.prefix(feed.limit)), fetchedAt: now, checkedAt: now,
                    etag: response.etag, lastModified: response.lastModified, lastError: nil)
                outcome = .updated
            }
        } catch let failure {
            switch failure {
            case .fetch(let error): outcome = .fetchFailed(error)
            case .parse(let error): outcome = .parseFailed(error)
            }
            snapshot =
                previous
                ?? UpstreamFeedSnapshot(feedID: feed.id, url: feed.url, title: "", items: [], fetchedAt: nil, checkedAt: now)
            snapshot.checkedAt = now
            snapshot.lastError = failure.description
        }
        var saveError: FileSystemError?
        do { try cache.save(snapshot) } catch { saveError = error }
        return FeedRefreshReport(
            feedID: feed.id, title: feed.title, url: feed.url, outcome: outcome, snapshot: snapshot, saveError: saveError, location: location,
            now: now)
    }

    enum Failure: Error, CustomStringConvertible {
        case fetch(FetchError)
        case parse(FeedParseError)

        var description: String {
            switch self {
            case .fetch(let error): error.description
            case .parse(let error): error.description
            }
        }
    }

    private func read(_ response: FetchResponse, feed: UpstreamFeed, previous: UpstreamFeedSnapshot?) async throws(Failure)
        -> ParsedFeed
    {
        let source = response.finalURL.isEmpty ? feed.url : response.finalURL
        switch feed.format {
        case .auto:
            do {
                return try FeedDocumentParser.parse(response.body, sourceURL: source, httpCharset: response.charset, zone: zone)
            } catch { throw .parse(error) }
        case .sitemap:
            return try await readSitemap(response, source: source, feed: feed, previous: previous)
        }
    }
}
