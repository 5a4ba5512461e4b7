/// How refreshing one upstream feed went, in words and as a diagnostic for the CLI.
public struct FeedRefreshReport: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// New items were fetched and saved.
        case updated
        /// The server said nothing changed (304); the kept copy stays.
        case notModified
        /// The fetch failed; the kept copy (if any) stays.
        case fetchFailed(FetchError)
        /// The document came but could not be read; the kept copy (if any) stays.
        case parseFailed(FeedParseError)
    }

    public var feedID: String
    /// The feed's `title` in `site.yaml` (the tab it fills, "Tin tức"): how messages name it.
    public var title: String
    public var url: String
    public var outcome: Outcome
    /// What the cache holds now (after this refresh).
    public var snapshot: UpstreamFeedSnapshot?
    /// The snapshot could not be saved.
    public var saveError: FileSystemError?
    /// The feed's place in `site.yaml`, when the loader knew it.
    public var location: SourceLocation?
    /// When this refresh ran.
    public var now: ContentDate

    public init(
        feedID: String, title: String? = nil, url: String, outcome: Outcome, snapshot: UpstreamFeedSnapshot?,
        saveError: FileSystemError? = nil, location: SourceLocation?, now: ContentDate
    ) {
        self.feedID = feedID
        self.title = title ?? feedID
        self.url = url
        self.outcome = outcome
        self.snapshot = snapshot
        self.saveError = saveError
        self.location = location
        self.now = now
    }

    public var succeeded: Bool {
        switch outcome {
        case .updated, .notModified: true
        case .fetchFailed, .parseFailed: false
        }
    }

    public var itemCount: Int { snapshot?.items.count ?? 0 }

    /// Age of the kept items in plain words: "just now", "5 minutes ago", "3 days ago".
    public var keptAge: Words? {
        guard let fetchedAt = snapshot?.fetchedAt else { return nil }
        return Self.age(seconds: now.epochSeconds - fetchedAt.epochSeconds)
    }

    /// The feed as messages name it: «Tin tức» (https://…).
    public var named: Words { Self.named(title: title, url: url) }

    static func named(title: String, url: String) -> Words {
        Words(vi: "nguồn tin «\(title)» (\(url))", en: "the feed «\(title)» (\(url))")
    }

    /// One line for the terminal, e.g. `Tin tức: kept 12 items from 3 days ago (the server answered HTTP 500)`.
    public var summary: Words {
        let items = Self.items(itemCount)
        let head = Words(verbatim: "\(title): ")
        switch outcome {
        case .updated: return head + items + Words(vi: " đã được cập nhật", en: " updated")
        case .notModified:
            return head + Words(vi: "không đổi từ lần trước, giữ \(items.vi)", en: "not changed since last time, \(items.en) kept")
        case .fetchFailed(let error): return head + kept + Words(verbatim: " (") + error.reason + Words(verbatim: ")")
        case .parseFailed(let error): return head + kept + Words(verbatim: " (") + error.reason + Words(verbatim: ")")
        }
    }

    private var kept: Words {
        guard let age = keptAge else {
            return Words(
                vi: "chưa giữ được bản nào, trang chủ không có mục nào cho nguồn tin này",
                en: "nothing kept yet, the home page shows no items for this feed")
        }
        let items = Self.items(itemCount)
        return Words(vi: "giữ \(items.vi) từ \(age.vi)", en: "kept \(items.en) from \(age.en)")
    }

    /// Warnings when something needs a look: a failed fetch or read (F001, F002), a kept copy older than
    /// `staleAfterSeconds` (F003), a feed without items (F004), a cache that could not be written (F005).
    public func diagnostics(staleAfterSeconds: Int64 = UpstreamFeedRefresher.staleAfterSeconds) -> [Diagnostic] {
        let place = location ?? .file("site.yaml")
        let (feed, kept) = (named, kept)
        var found: [Diagnostic] = []
        switch outcome {
        case .fetchFailed(let error):
            found.append(
                Diagnostic(
                    .feedFetchFailed, .warning,
                    Words(
                        vi: "không tải được \(feed.vi): \(error.reason.vi); \(kept.vi)",
                        en: "\(feed.en) could not be fetched: \(error.reason.en); \(kept.en)"),
                    at: place,
                    hint: Words(
                        vi: "kiểm tra `url` của nguồn tin này trong `site.yaml`, hoặc thử lại sau; việc tạo trang vẫn tiếp tục với các mục đã giữ",
                        en: "check the `url` of this feed in `site.yaml`, or try again later; the build goes on with the kept items")))
        case .parseFailed(let error):
            found.append(
                Diagnostic(
                    .feedParseFailed, .warning,
                    Words(
                        vi: "không đọc được \(feed.vi): \(error.reason.vi); \(kept.vi)",
                        en: "\(feed.en) could not be read: \(error.reason.en); \(kept.en)"),
                    at: place,
                    hint: Words(
                        vi: "mở địa chỉ này trong trình duyệt: đó phải là một nguồn tin RSS hoặc Atom (hoặc dùng `format: sitemap`); nếu nó là của Sở, hãy báo cho người quản trị trang của Sở",
                        en: "open the address in a browser: it should be an RSS or Atom feed (or use `format: sitemap`); if it is the parent office's, tell its webmaster")))
        case .updated, .notModified:
            if itemCount == 0 {
                found.append(
                    Diagnostic(
                        .feedEmpty, .warning,
                        Words(vi: "\(feed.vi) không có mục nào có tiêu đề", en: "\(feed.en) has no items with a title"),
                        at: place,
                        hint: Words(
                            vi: "kiểm tra rằng `url` là chính nguồn tin, không phải một trang có liên kết tới nó",
                            en: "check that the `url` is the feed itself, not a page that links to it")))
            }
        }
        if let fetchedAt = snapshot?.fetchedAt, now.epochSeconds - fetchedAt.epochSeconds > staleAfterSeconds {
            let age = Self.age(seconds: now.epochSeconds - fetchedAt.epochSeconds)
            found.append(
                Diagnostic(
                    .feedStale, .warning,
                    Words(
                        vi: "các mục đang giữ của \(feed.vi) có từ \(age.vi): trang chủ đang hiện tin cũ",
                        en: "the kept items of \(feed.en) are from \(age.en): the home page shows old news"),
                    at: place,
                    hint: Words(
                        vi: "chạy `edusite feeds` ở nơi mạng tới được \(url), ví dụ trong tác vụ CI chạy mỗi giờ",
                        en: "run `edusite feeds` where the network reaches \(url), e.g. in the hourly CI job")))
        }
        if let saveError {
            found.append(
                Diagnostic(
                    .feedCacheUnwritable, .warning,
                    Words(
                        vi: "không lưu được bản giữ của \(feed.vi) vào .edusite/feeds/: \(saveError)",
                        en: "the kept copy of \(feed.en) could not be saved in .edusite/feeds/: \(saveError)"),
                    at: place,
                    hint: Words(
                        vi: "kiểm tra quyền ghi và chỗ trống của thư mục .edusite/feeds/ trong thư mục trang web",
                        en: "check that the site's .edusite/feeds/ folder can be written and the disk has room")))
        }
        return found
    }

    /// "1 mục" / "1 item", "12 mục" / "12 items".
    static func items(_ n: Int) -> Words { Words(vi: "\(n) mục", en: n == 1 ? "1 item" : "\(n) items") }

    static func age(seconds: Int64) -> Words {
        func ago(_ n: Int64, vi: String, en: String) -> Words {
            Words(vi: "\(n) \(vi) trước", en: n == 1 ? "1 \(en) ago" : "\(n) \(en)s ago")
        }
        switch seconds {
        case ..<60: return Words(vi: "vừa xong", en: "just now")
        case ..<3600: return ago(seconds / 60, vi: "phút", en: "minute")
        case ..<86_400: return ago(seconds / 3600, vi: "giờ", en: "hour")
        default: return ago(seconds / 86_400, vi: "ngày", en: "day")
        }
    }
}
