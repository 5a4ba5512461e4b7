import Foundation
import Synchronization
import Testing

@testable import EduSite

/// End to end: a local server, the refresher, and the cache on an in-memory disk.
@Suite struct FeedRefresherTests {
    let fetcher = HTTPFetcher(limits: FetchLimits(timeout: .seconds(1), maxBytes: 1 << 20, maxRedirects: 3))
    let tree = MemoryTree()
    var cache: UpstreamFeedCache { UpstreamFeedCache(folder: "/site/.edusite/feeds", fileSystem: .memory(tree)) }

    func refresher(daysLater: Int = 0) -> UpstreamFeedRefresher {
        var now = FeedFixtures.now
        now.epochSeconds += Int64(daysLater) * 86_400
        return UpstreamFeedRefresher(fetcher: fetcher, cache: cache, now: now)
    }

    /// Serves the good RSS first, then whatever `next` says.
    func goodThen(_ server: TestHTTPServer, _ path: String, _ next: TestHTTPServer.Reply) throws {
        let good = try FeedFixtures.text("rss2.xml")
        let served = Mutex(false)
        server.route(path) { _ in
            served.withLock { done in
                defer { done = true }
                return done ? next : .ok(good, headers: ["ETag": "\"good\""])
            }
        }
    }

    @Test(arguments: [
        ("500", TestHTTPServer.Reply.status(500), "F001"),
        ("malformed", .ok("<rss><channel><item><title>broken"), "F002"),
        ("html", .ok("<!doctype html><html><body>Bảo trì</body></html>", type: "text/html"), "F002"),
        ("laughs", .ok(FeedFixtures.billionLaughs), "F002"),
        ("xxe", .ok(FeedFixtures.externalEntity), "F002"),
        ("huge", .endless(bytes: 50 << 20), "F001"),
        ("hang", .silence(seconds: 60), "F001"),
        ("loop", .status(302, headers: ["Location": "/loop"]), "F001"),
    ])
    func failureKeepsTheLastGoodItems(name: String, failure: TestHTTPServer.Reply, code: String) async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        try goodThen(server, "/\(name)", failure)
        let feed = UpstreamFeed(id: "tin-tuc", title: "Tin tức", url: server.url("/\(name)"), limit: 3)
        let location = SourceLocation(path: "site.yaml", line: 14, column: 5)

        let first = await refresher().refresh(feed, location: location)
        #expect(first.outcome == .updated)
        #expect(first.itemCount == 3)
        #expect(first.diagnostics().isEmpty)

        let started = ContinuousClock.now
        let second = await refresher(daysLater: 3).refresh(feed, location: location)
        // Bounded by the fetcher's own limits, never by a server that keeps silent for a minute; the
        // bound is loose because the 1 s deadline runs as a task, and with every test running at once
        // on 2 cores the task threads are busy (32 s was seen once under such load).
        #expect(ContinuousClock.now - started < .seconds(50))
        #expect(!second.succeeded)
        #expect(second.summary.en.contains("kept 3 items from 3 days ago"))
        let diagnostics = second.diagnostics()
        #expect(diagnostics.map(\.code.rawValue) == [code])
        #expect(diagnostics.first?.location == location)
        #expect(diagnostics.first?.severity == .warning)

        // The cache keeps instants; the refresher shows them in the site's zone, as a build does.
        let kept = try #require(cache.load(feedID: "tin-tuc")).shown(in: .hoChiMinh)
        #expect(kept.items == first.snapshot?.items)
        #expect(kept.fetchedAt == FeedFixtures.now)
        #expect(kept.checkedAt.epochSeconds == FeedFixtures.now.epochSeconds + 3 * 86_400)
        #expect(kept.lastError != nil)
        #expect(kept.etag == "\"good\"")
        #expect(FeedFixtures.assertSafe(kept.items))
        let json = String(decoding: try #require(tree.files["/site/.edusite/feeds/tin-tuc.json"]), as: UTF8.self)
        #expect(!json.contains("root:") && !json.contains("lollol"))
    }

    @Test func notModifiedKeepsTheSnapshot() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let good = try FeedFixtures.text("rss2.xml")
        server.route("/rss") { request in
            request.headers["if-none-match"] == "\"v7\"" ? .status(304) : .ok(good, headers: ["ETag": "\"v7\""])
        }
        let feed = UpstreamFeed(id: "tin-tuc", title: "Tin tức", url: server.url("/rss"), limit: 10)
        _ = await refresher().refresh(feed)
        let second = await refresher(daysLater: 1).refresh(feed)
        #expect(second.outcome == .notModified)
        #expect(second.itemCount == 5)  // the relative link resolves to this server, so no duplicate
        #expect(second.diagnostics().isEmpty)
        #expect(server.requests.last?.headers["if-none-match"] == "\"v7\"")
        #expect(cache.load(feedID: "tin-tuc")?.lastError == nil)
    }

    @Test func firstFailureSavesAnEmptySnapshot() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/500", .status(500))
        let report = await refresher().refresh(UpstreamFeed(id: "van-ban", title: "Văn bản", url: server.url("/500")))
        #expect(report.outcome == .fetchFailed(.httpStatus(500)))
        #expect(report.summary.en.contains("nothing kept yet"))
        let snapshot = try #require(cache.load(feedID: "van-ban"))
        #expect(snapshot.items.isEmpty && snapshot.fetchedAt == nil && snapshot.lastError == "the server answered HTTP 500")
    }

    @Test func unsafeContentNeverReachesTheSnapshot() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route(
            "/evil",
            .ok("""
                <rss version="2.0"><channel><title>&lt;script&gt;x()&lt;/script&gt;Sở</title>
                <item><title>&lt;img src=x onerror=alert(1)&gt;Tin &lt;b&gt;mới&lt;/b&gt;</title><link>javascript:alert(1)</link>
                <description>&lt;iframe src="javascript:alert(2)"&gt;&lt;/iframe&gt;Nội dung</description></item>
                <item><title>Hai</title><link>data:text/html;base64,PHNjcmlwdD4=</link></item>
                <item><link>javascript:alert(3)</link></item>
                </channel></rss>
                """))
        let report = await refresher().refresh(UpstreamFeed(id: "tin-tuc", title: "Tin tức", url: server.url("/evil")))
        let snapshot = try #require(report.snapshot)
        // `<script>` is no everyday HTML element, so (as feedparser reads it) that RSS title is plain text:
        // kept as written and escaped wherever it is shown. The item title, with `<img>` and `<b>`, is HTML.
        #expect(snapshot.title == "<script>x()</script>Sở")
        #expect(snapshot.items.map(\.title) == ["Tin mới", "Hai"])
        #expect(snapshot.items.first?.summary == "Nội dung")
        #expect(snapshot.items.allSatisfy { $0.link == nil })
        #expect(FeedFixtures.assertSafe(snapshot.items))
    }

    @Test func allFeedsAtOnce() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/rss2", .ok(try FeedFixtures.text("rss2.xml")))
        server.route("/rss1", .ok(try FeedFixtures.text("rss1.rdf"), type: "application/rdf+xml"))
        server.route("/atom", .ok(try FeedFixtures.text("atom.xml"), type: "application/atom+xml"))
        server.route("/hang1", .silence(seconds: 10))
        server.route("/hang2", .silence(seconds: 10))
        server.route("/hang3", .silence(seconds: 10))
        let feeds = ["rss2", "rss1", "atom", "hang1", "hang2", "hang3"].map { UpstreamFeed(id: $0, title: $0, url: server.url("/\($0)")) }
        let reports = await refresher().refresh(feeds)
        // Three silent servers cost one timeout, not three: all three were asked before the first
        // one's 1 s timeout ran out (arrival times, not wall-clock totals, so a loaded machine agrees).
        let hangs = server.requests.filter { $0.path.hasPrefix("/hang") }.map(\.received)
        #expect(hangs.count == 3)
        if let first = hangs.min(), let last = hangs.max() { #expect(last - first < .seconds(1)) }
        #expect(reports.map(\.feedID) == ["rss2", "rss1", "atom", "hang1", "hang2", "hang3"])
        #expect(reports.map(\.itemCount) == [5, 2, 2, 0, 0, 0])
        #expect(reports[3].outcome == .fetchFailed(.timedOut(seconds: 1)))
    }

    @Test func sitemapSource() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        let base = server.baseURL
        server.route(
            "/sitemap.xml",
            .ok("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>\(base)/sitemap-posts.xml</loc><lastmod>2025-09-06</lastmod></sitemap>
                  <sitemap><loc>https://elsewhere.invalid/sitemap.xml</loc><lastmod>2025-09-07</lastmod></sitemap>
                </sitemapindex>
                """, type: "application/xml"))
        server.route(
            "/sitemap-posts.xml",
            .ok("""
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>\(base)/tin-tuc/ct/1/101</loc><lastmod>2025-09-01T08:00:00+07:00</lastmod></url>
                  <url><loc>\(base)/tin-tuc/ct/1/103</loc><lastmod>2025-09-05T08:00:00+07:00</lastmod></url>
                  <url><loc>\(base)/tin-tuc/ct/1/102</loc><lastmod>2025-09-03T08:00:00+07:00</lastmod></url>
                  <url><loc>https://elsewhere.invalid/x</loc><lastmod>2025-09-06</lastmod></url>
                  <url><loc>javascript:alert(1)</loc></url>
                  <url><loc>\(base)/gioi-thieu</loc></url>
                </urlset>
                """, type: "application/xml"))
        server.route(
            "/tin-tuc/ct/1/103",
            .ok("<html><head><meta property=\"og:title\" content=\"Khai giảng &amp; chào năm học mới\"><title>Trang chủ</title>"
                + "<meta name=\"description\" content=\"Các trường tổ chức lễ khai giảng.\"></head></html>", type: "text/html; charset=utf-8"))
        var page102 = Array("<html><head><meta charset=\"windows-1258\"><title>".utf8)
        page102 += [0x54, 0x68, 0xF4, 0x6E, 0x67, 0x20, 0x62, 0xE1, 0x6F]  // "Thông báo" in windows-1258
        page102 += Array("</title></head><body><script>x</script></body></html>".utf8)
        server.route("/tin-tuc/ct/1/102", .bytes(page102, type: "text/html"))
        server.route("/tin-tuc/ct/1/101", .status(500))
        let feed = UpstreamFeed(id: "so-tin-tuc", title: "Tin tức Sở", url: server.url("/sitemap.xml"), format: .sitemap, limit: 3)
        let report = await refresher().refresh(feed)
        #expect(report.outcome == .updated)
        let items = try #require(report.snapshot?.items)
        #expect(items.map(\.title) == ["Khai giảng & chào năm học mới", "Thông báo"])
        #expect(items.first?.summary == "Các trường tổ chức lễ khai giảng.")
        #expect(items.first?.date?.rfc3339 == "2025-09-05T08:00:00+07:00")
        #expect(!server.requests.contains { $0.path == "/gioi-thieu" })

        // The next run reuses the titles it knows and fetches no page again.
        let before = server.requests.count
        _ = await refresher(daysLater: 1).refresh(feed)
        let fetchedAgain = server.requests.dropFirst(before).map(\.path)
        #expect(fetchedAgain.filter { $0.hasPrefix("/tin-tuc/ct/1/10") && $0 != "/tin-tuc/ct/1/101" }.isEmpty)
    }

    @Test func cacheFilesAreDeterministic() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/atom", .ok(try FeedFixtures.text("atom.xml"), type: "application/atom+xml"))
        let feed = UpstreamFeed(id: "thu-moi", title: "Thư mời", url: server.url("/atom"))
        _ = await refresher().refresh(feed)
        let first = try #require(tree.files["/site/.edusite/feeds/thu-moi.json"])
        _ = await refresher().refresh(feed)
        #expect(tree.files["/site/.edusite/feeds/thu-moi.json"] == first)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\"fetched_at\" : \"2025-09-07T10:00:00+07:00\""))
        #expect(text.contains("\"link\" : \"https://bo.example.gov.vn/tin/hoi-thao-chuyen-doi-so\""))
        #expect(cache.load(feedID: "thu-moi")?.items.count == 2)
    }

    @Test func handEditedCacheLinksAreDroppedOnLoad() throws {
        let json = """
            {"feed_id":"x","url":"https://e.org/","title":"t","checked_at":"2025-09-07T10:00:00+07:00",
             "items":[{"title":"a","link":"javascript:alert(1)"},{"title":"b","link":"https://e.org/b"}]}
            """
        let memory = FileSystem.memory(["/c/x.json": Array(json.utf8)])
        let loaded = try #require(UpstreamFeedCache(folder: "/c", fileSystem: memory).load(feedID: "x"))
        #expect(loaded.items.map(\.link) == [nil, "https://e.org/b"])
        #expect(UpstreamFeedCache(folder: "/c", fileSystem: memory).load(feedID: "../x") == nil)
    }

    @Test func staleCopyIsReported() {
        var snapshot = UpstreamFeedSnapshot(
            feedID: "tin-tuc", url: "https://e.org/", title: "", items: [], fetchedAt: FeedFixtures.now, checkedAt: FeedFixtures.now)
        snapshot.items = [UpstreamItem(title: "a", link: nil, date: nil, summary: nil)]
        var later = FeedFixtures.now
        later.epochSeconds += 10 * 86_400
        let report = FeedRefreshReport(
            feedID: "tin-tuc", url: "https://e.org/", outcome: .fetchFailed(.timedOut(seconds: 15)), snapshot: snapshot,
            location: nil, now: later)
        #expect(report.diagnostics().map(\.code) == [.feedFetchFailed, .feedStale])
        #expect(report.diagnostics().first?.location == .file("site.yaml"))
        #expect(report.summary.en == "tin-tuc: kept 1 item from 10 days ago (the server did not answer within 15 s)")
    }

    @Test func libraryEntryPoint() async throws {
        let server = try TestHTTPServer()
        defer { server.stop() }
        server.route("/rss", .ok(try FeedFixtures.text("rss2.xml")))
        let json = """
            {"name":"Trường THPT Thử","unit":"thpt","base_url":"https://thpt.example.edu.vn/",
             "contact":{"address":"1 Đường A","landline":"028 1234 5678","email":"c3@example.edu.vn"},
             "upstream_feeds":[{"id":"tin-tuc","title":"Tin tức","url":"\(server.url("/rss"))","limit":2}]}
            """
        let config = try JSONDecoder().decode(SiteConfig.self, from: Data(json.utf8))
        let reports = await refreshUpstreamFeeds(
            siteRoot: "/site", config: config, fileSystem: .memory(tree), now: FeedFixtures.now, fetcher: fetcher)
        #expect(reports.map(\.itemCount) == [2])
        #expect(tree.files["/site/.edusite/feeds/tin-tuc.json"] != nil)
    }
}
