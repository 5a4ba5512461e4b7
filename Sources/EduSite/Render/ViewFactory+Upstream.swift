/// Views of the parent office's feeds. Upstream text arrives as plain text (the feed reader strips
/// markup) and is escaped by the templates like any other text.
extension ViewFactory {
    /// nil when the site lists no upstream feeds.
    func upstreamInclude() -> UpstreamIncludeView? {
        guard !site.upstreamFeeds.isEmpty else { return nil }
        let office = site.config.parentOffice?.name
        let feeds = site.upstreamFeeds.map { feed in
            let snapshot = feed.snapshot
            let items = (snapshot?.items ?? []).prefix(feed.config.limit).map { item in
                UpstreamItemView(
                    title: item.title, href: item.link.flatMap { LinkPolicy.refusal($0) == nil ? $0 : nil }, dateDisplay: item.date?.displayDate, dateISO: item.date?.rfc3339)
            }
            // Shown in the site's zone, as the loader made every date of the snapshot.
            let updated = snapshot?.fetchedAt.map { fetched -> String in
                let local = fetched.local
                return "Cập nhật \(fetched.displayDate) \(local.hour.twoDigits):\(local.minute.twoDigits)"
            }
            return UpstreamFeedView(
                title: feed.config.title, anchor: "tin-cap-tren-" + feed.config.id, items: .of(Array(items)),
                updatedLabel: updated, emptyLabel: items.isEmpty ? "Chưa có tin." : nil)
        }
        return UpstreamIncludeView(
            title: office.map { "Tin từ \($0)" } ?? "Tin từ cấp trên", feeds: feeds,
            stylesheetHref: urls.href("/css/edusite.css"), lang: site.config.language)
    }
}
