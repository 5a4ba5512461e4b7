/// The library side of `edusite feeds`: refreshes every feed listed in `site.yaml` into
/// `<siteRoot>/.edusite/feeds/<id>.json` and reports how each went. Never throws: a failed feed keeps
/// its last good copy and says so in its report.
public func refreshUpstreamFeeds(
    siteRoot: String, config: SiteConfig, fileSystem: FileSystem, now: ContentDate,
    fetcher: HTTPFetcher = HTTPFetcher(), locations: [String: SourceLocation] = [:]
) async -> [FeedRefreshReport] {
    let cache = UpstreamFeedCache(folder: UpstreamFeedCache.folder(siteRoot: siteRoot), fileSystem: fileSystem)
    let zone = config.zone
    let refresher = UpstreamFeedRefresher(fetcher: fetcher, cache: cache, now: zone.shown(now), zone: zone)
    return await refresher.refresh(config.upstreamFeeds, locations: locations)
}
