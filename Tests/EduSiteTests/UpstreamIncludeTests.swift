import Testing

@testable import EduSite

@Suite struct UpstreamIncludeTests {
    static let feedsYAML = """
        upstream_feeds:
          - { id: tin-tuc, title: Tin tức, url: "http://127.0.0.1:1/tin-tuc.xml" }
          - { id: van-ban, title: Văn bản, url: "http://127.0.0.1:1/van-ban.xml" }

        """

    static func snapshot(fetchedDaysBeforeBuild days: Int64) -> [UInt8] {
        let build = SiteTimeZone.utc.date(BuildPipelineTests.buildDate)
        let fetched = ContentDate(epochSeconds: build.epochSeconds - days * 86_400, utcOffset: 0)
        let snapshot = UpstreamFeedSnapshot(
            feedID: "tin-tuc", url: "http://127.0.0.1:1/tin-tuc.xml", title: "Sở GD&ĐT",
            items: [
                UpstreamItem(title: "Hướng dẫn <b>nhiệm vụ</b> năm học", link: "https://hcm.edu.vn/a/1", date: fetched, summary: nil)
            ],
            fetchedAt: fetched, checkedAt: fetched, etag: nil, lastModified: nil, lastError: nil)
        return UpstreamFeedCache.encode(snapshot)
    }

    static func site(cacheAgeDays: Int64) -> Fixture {
        Sites.basic {
            File("site.yaml", Sites.siteYAML + feedsYAML)
            Dir(".edusite") { Dir("feeds") { File("tin-tuc.json", bytes: snapshot(fetchedDaysBeforeBuild: cacheAgeDays)) } }
        }
    }

    @Test func homePageAndStandaloneIncludeShowTheCachedItemsEscaped() throws {
        let (report, tree) = BuildPipelineTests.build(Self.site(cacheAgeDays: 0))
        #expect(report.succeeded)
        // The feed never fetched is a warning at its line in site.yaml, not a failure.
        #expect(report.diagnostics.map(\.code) == [.feedNeverFetched])
        #expect(report.diagnostics.first?.location == SourceLocation(path: "site.yaml", line: 13, column: 5))
        let home = try #require(tree.contents(of: "/site/public/index.html"))
        #expect(home.contains("<a href=\"https://hcm.edu.vn/a/1\" rel=\"noopener\">Hướng dẫn &lt;b&gt;nhiệm vụ&lt;/b&gt; năm học</a>"))
        #expect(home.contains("Chưa có tin."))
        let include = try #require(tree.contents(of: "/site/public/includes/tin-cap-tren.html"))
        #expect(include.contains("data-layout=\"upstream-include\""))
        #expect(include.contains("https://hcm.edu.vn/a/1"))
    }

    @Test func oldItemsAreAWarningWithTheirAgeAndAnErrorWhenStrict() {
        let (report, _) = BuildPipelineTests.build(Self.site(cacheAgeDays: 9))
        #expect(report.succeeded)
        let stale = report.diagnostics.first { $0.code == .feedStale }
        #expect(stale?.message.en.contains("9 days ago") == true)

        let (fileSystem, _) = Self.site(cacheAgeDays: 9).fileSystem()
        let strict = SiteBuilder(fileSystem: fileSystem).build(
            SiteBuilder.Request(
                siteRoot: "/site",
                options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
                strictFeeds: true, compliance: .off))
        #expect(!strict.succeeded)
        #expect(Set(strict.diagnostics.map(\.code)) == [.feedStale, .feedNeverFetched])
    }
}
