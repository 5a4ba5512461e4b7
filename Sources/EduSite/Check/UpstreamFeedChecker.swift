/// Warns when the parent office's news on the home page is missing or old. The build never fails
/// for the network; `strict` (`--strict-feeds`) makes these errors for CI that wants to know.
public struct UpstreamFeedChecker: Sendable {
    public var strict: Bool

    public init(strict: Bool = false) { self.strict = strict }

    public func check(_ site: Site) -> [Diagnostic] {
        let severity: Diagnostic.Severity = strict ? .error : .warning
        var diagnostics: [Diagnostic] = []
        for feed in site.upstreamFeeds {
            guard let snapshot = feed.snapshot, let fetchedAt = snapshot.fetchedAt else {
                diagnostics.append(
                    Diagnostic(
                        .feedNeverFetched, severity,
                        "upstream feed `\(feed.config.id)` has not been fetched yet: the home page shows no items for \(feed.config.title)",
                        at: feed.location,
                        hint: "run `edusite feeds` (or `edusite build --fetch`) where the network reaches \(feed.config.url)"))
                continue
            }
            let age = site.buildDate.epochSeconds - fetchedAt.epochSeconds
            if age > UpstreamFeedRefresher.staleAfterSeconds {
                diagnostics.append(
                    Diagnostic(
                        .feedStale, severity,
                        "the items of upstream feed `\(feed.config.id)` were fetched \(FeedRefreshReport.age(seconds: age)): the home page shows old news",
                        at: feed.location,
                        hint: "run `edusite feeds` regularly, e.g. in an hourly CI job (see docs/ci.md)"))
            }
        }
        return diagnostics
    }
}
