/// Warns when the parent office's news on the home page is missing or old. The build never fails
/// for the network; `strict` (`--strict-feeds`) makes these errors for CI that wants to know.
public struct UpstreamFeedChecker: Sendable {
    public var strict: Bool

    public init(strict: Bool = false) { self.strict = strict }

    public func check(_ site: Site) -> [Diagnostic] {
        let severity: Diagnostic.Severity = strict ? .error : .warning
        var diagnostics: [Diagnostic] = []
        for feed in site.upstreamFeeds {
            let (title, url) = (feed.config.title, feed.config.url)
            let named = FeedRefreshReport.named(title: title, url: url)
            guard let snapshot = feed.snapshot, let fetchedAt = snapshot.fetchedAt else {
                diagnostics.append(
                    Diagnostic(
                        .feedNeverFetched, severity,
                        Words(
                            vi: "\(named.vi) chưa được tải về: trang chủ chưa có mục nào cho «\(title)»",
                            en: "\(named.en) has not been fetched yet: the home page shows no items for «\(title)»"),
                        at: feed.location,
                        hint: Words(
                            vi: "chạy `edusite feeds` (hoặc `edusite build --fetch`) ở nơi mạng tới được \(url)",
                            en: "run `edusite feeds` (or `edusite build --fetch`) where the network reaches \(url)")))
                continue
            }
            let age = site.buildDate.epochSeconds - fetchedAt.epochSeconds
            if age > UpstreamFeedRefresher.staleAfterSeconds {
                let ago = FeedRefreshReport.age(seconds: age)
                diagnostics.append(
                    Diagnostic(
                        .feedStale, severity,
                        Words(
                            vi: "các mục của \(named.vi) được tải \(ago.vi): trang chủ đang hiện tin cũ",
                            en: "the items of \(named.en) were fetched \(ago.en): the home page shows old news"),
                        at: feed.location,
                        hint: Words(
                            vi: "chạy `edusite feeds` đều đặn, ví dụ trong một tác vụ CI mỗi giờ (xem docs/ci.md)",
                            en: "run `edusite feeds` regularly, e.g. in an hourly CI job (see docs/ci.md)")))
            }
        }
        return diagnostics
    }
}
