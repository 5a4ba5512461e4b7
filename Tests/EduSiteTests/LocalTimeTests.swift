import Testing

@testable import EduSite

/// Every instant is shown, counted and sorted into a school year in the site's zone, whatever offset
/// it was written with, in content and in the parent office's feeds alike.
@Suite struct LocalTimeTests {
    /// One instant a line, written as content writes dates and as feeds do (`-`: content only), and
    /// what every output must say of it in the zone: the shown day, `<time datetime>` (also Atom and
    /// the sitemap), RSS `pubDate`, the school year.
    static let table = """
        # The issue's case: 06:30 on 1 August in Ho Chi Minh City starts school year 2026-2027.
        Asia/Ho_Chi_Minh | 2026-07-31T23:30:00Z | Fri, 31 Jul 2026 23:30:00 GMT | 01/08/2026 | 2026-08-01T06:30:00+07:00 | Sat, 01 Aug 2026 06:30:00 +0700 | 2026-2027
        # The last second of 31 July, local time, and the first of 1 August.
        Asia/Ho_Chi_Minh | 2026-07-31T16:59:59Z | 2026-07-31T16:59:59Z | 31/07/2026 | 2026-07-31T23:59:59+07:00 | Fri, 31 Jul 2026 23:59:59 +0700 | 2025-2026
        Asia/Ho_Chi_Minh | 2026-07-31T17:00:00+00:00 | 31 Jul 26 17:00 UT | 01/08/2026 | 2026-08-01T00:00:00+07:00 | Sat, 01 Aug 2026 00:00:00 +0700 | 2026-2027
        # Without an offset: local time.
        Asia/Ho_Chi_Minh | 2026-08-01 | 2026-08-01 | 01/08/2026 | 2026-08-01T00:00:00+07:00 | Sat, 01 Aug 2026 00:00:00 +0700 | 2026-2027
        Asia/Ho_Chi_Minh | 2026-07-31 23:59 | 31 Jul 2026 23:59 +0700 | 31/07/2026 | 2026-07-31T23:59:00+07:00 | Fri, 31 Jul 2026 23:59:00 +0700 | 2025-2026
        # US zones, named and numeric; a military letter (N is +1 as RFC 822 writes it).
        Asia/Ho_Chi_Minh | 2026-07-31T19:30:00-04:00 | Fri, 31 Jul 2026 19:30:00 EDT | 01/08/2026 | 2026-08-01T06:30:00+07:00 | Sat, 01 Aug 2026 06:30:00 +0700 | 2026-2027
        Asia/Ho_Chi_Minh | 2026-07-31T23:30:00+01:00 | Fri, 31 Jul 2026 23:30:00 N | 01/08/2026 | 2026-08-01T05:30:00+07:00 | Sat, 01 Aug 2026 05:30:00 +0700 | 2026-2027
        # 31 December → 1 January.
        Asia/Ho_Chi_Minh | 2026-12-31T20:00:00-05:00 | Thu, 31 Dec 2026 20:00:00 EST | 01/01/2027 | 2027-01-01T08:00:00+07:00 | Fri, 01 Jan 2027 08:00:00 +0700 | 2026-2027
        Asia/Ho_Chi_Minh | 2026-12-31T16:59:59Z | Thu, 31 Dec 2026 16:59:59 Z | 31/12/2026 | 2026-12-31T23:59:59+07:00 | Thu, 31 Dec 2026 23:59:59 +0700 | 2026-2027
        # 28/29 February and the month ends after them; no weekday, fractional seconds.
        Asia/Ho_Chi_Minh | 2028-02-28T20:00:00Z | 28 Feb 2028 20:00:00 Z | 29/02/2028 | 2028-02-29T03:00:00+07:00 | Tue, 29 Feb 2028 03:00:00 +0700 | 2027-2028
        Asia/Ho_Chi_Minh | 2027-02-28T12:30:00-05:00 | Sun, 28 Feb 2027 12:30:00 -0500 | 01/03/2027 | 2027-03-01T00:30:00+07:00 | Mon, 01 Mar 2027 00:30:00 +0700 | 2026-2027
        Asia/Ho_Chi_Minh | 2026-09-30T18:00:00.250+01:00 | 2026-09-30T18:00:00.250+01:00 | 01/10/2026 | 2026-10-01T00:00:00+07:00 | Thu, 01 Oct 2026 00:00:00 +0700 | 2026-2027
        # An item at 20:00 GMT is the next local day.
        Asia/Ho_Chi_Minh | 2026-10-05T20:00:00Z | Mon, 05 Oct 2026 20:00:00 GMT | 06/10/2026 | 2026-10-06T03:00:00+07:00 | Tue, 06 Oct 2026 03:00:00 +0700 | 2026-2027
        # A zone with daylight saving: summer and winter offsets, each at its instant.
        Europe/Berlin | 2026-07-31T23:30:00Z | Fri, 31 Jul 2026 23:30:00 GMT | 01/08/2026 | 2026-08-01T01:30:00+02:00 | Sat, 01 Aug 2026 01:30:00 +0200 | 2026-2027
        Europe/Berlin | 2026-07-31T21:59:59Z | 2026-07-31T21:59:59Z | 31/07/2026 | 2026-07-31T23:59:59+02:00 | Fri, 31 Jul 2026 23:59:59 +0200 | 2025-2026
        Europe/Berlin | 2026-12-31T23:30:00Z | Thu, 31 Dec 2026 23:30:00 UTC | 01/01/2027 | 2027-01-01T00:30:00+01:00 | Fri, 01 Jan 2027 00:30:00 +0100 | 2026-2027
        Europe/Berlin | 2026-08-01 00:00 | 01/08/2026 00:00 | 01/08/2026 | 2026-08-01T00:00:00+02:00 | Sat, 01 Aug 2026 00:00:00 +0200 | 2026-2027
        Europe/Berlin | 2027-01-01 | Fri, 01 Jan 2027 00:00:00 | 01/01/2027 | 2027-01-01T00:00:00+01:00 | Fri, 01 Jan 2027 00:00:00 +0100 | 2026-2027
        Europe/Berlin | 2028-02-29T23:30:00Z | Tue, 29 Feb 2028 23:30:00 +0000 | 01/03/2028 | 2028-03-01T00:30:00+01:00 | Wed, 01 Mar 2028 00:30:00 +0100 | 2027-2028
        # Local times the clocks skip (read with the offset before) and show twice (the first).
        Europe/Berlin | 2026-03-29 02:30 | - | 29/03/2026 | 2026-03-29T03:30:00+02:00 | Sun, 29 Mar 2026 03:30:00 +0200 | 2025-2026
        Europe/Berlin | 2026-10-25 02:30 | - | 25/10/2026 | 2026-10-25T02:30:00+02:00 | Sun, 25 Oct 2026 02:30:00 +0200 | 2026-2027
        # West of UTC, 1 August in UTC is still 31 July.
        America/New_York | 2026-08-01T03:00:00Z | Sat, 01 Aug 2026 03:00:00 GMT | 31/07/2026 | 2026-07-31T23:00:00-04:00 | Fri, 31 Jul 2026 23:00:00 -0400 | 2025-2026
        """

    static let rows = table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)

    @Test(arguments: rows)
    func contentAndFeedDatesAreShownInTheSiteZone(_ row: String) throws {
        let cells = row.components(separatedBy: " | ")
        try #require(cells.count == 7)
        let zone = try #require(SiteTimeZone(identifier: cells[0]))
        let shown = cells[3...]
        let content = try #require(DateTimeValue.parse(cells[1]))
        #expect(Self.outputs(zone.date(content)) == Array(shown), "content date")
        if cells[2] != "-" {
            #expect(Self.outputs(FeedDate.parse(cells[2], zone: zone)) == Array(shown), "feed date")
        }
    }

    /// The shown day, `<time datetime>`, RSS `pubDate`, school year.
    static func outputs(_ date: ContentDate?) -> [String] {
        guard let date else { return ["not a date"] }
        return [date.displayDate, date.rfc3339, date.rfc822, SchoolYear(containing: date).description]
    }

    @Test func everyMilitaryLetterIsItsRFC822Offset() {
        let expected: [Character: Int] = ["a": -1, "i": -9, "k": -10, "m": -12, "n": 1, "y": 12, "z": 0]
        for (letter, hours) in expected {
            let date = FeedDate.parse("Fri, 05 Sep 2025 12:00:00 \(letter.uppercased())", zone: .utc)
            #expect(date?.epochSeconds == 1_757_073_600 - Int64(hours * 3600), "\(letter)")
        }
        #expect(FeedDate.parse("Fri, 05 Sep 2025 12:00:00 J") == nil)
    }

    @Test func aZoneIsReadOnceIntoABoundedTable() throws {
        #expect(SiteTimeZone(identifier: "Mars/Olympus_Mons") == nil)
        let saigon = try #require(SiteTimeZone(identifier: "Asia/Saigon"))
        // South Vietnam kept +08:00 until 1975; today +07:00; past the table's end, its last offset.
        #expect(saigon.offset(at: 0) == 8 * 3600)
        #expect(saigon.offset(at: 1_785_542_400) == 7 * 3600)
        #expect(saigon.offset(at: SiteTimeZone.tableEnd + 400 * 365 * 86_400) == 7 * 3600)
        let berlin = try #require(SiteTimeZone(identifier: "Europe/Berlin"))
        // The change to summer time on 29/03/2026 is at 01:00 UTC, to the second.
        #expect(berlin.offset(at: 1_774_746_000 - 1) == 3600)
        #expect(berlin.offset(at: 1_774_746_000) == 7200)
    }

    // MARK: A whole site

    static let siteYAML = Sites.siteYAML + """
        compliance:
          manifests: [compliance/dem-bai.yaml]

        """

    /// Counts of posts per school year, as the `posts` requirement counts them: at least 4 in
    /// 2026-2027 but not 5, and none in 2025-2026.
    static let manifest = """
        id: dem-bai
        title: Số bài theo năm học
        regulation: { name: Thử nghiệm, source: bài kiểm thử }
        requirements:
          - { id: it-nhat-4, title: Ít nhất 4 bài, kind: posts, path: content/tin-tuc/, rules: { min_items: 4, school_years: { last: 1 } } }
          - { id: it-nhat-5, title: Ít nhất 5 bài, kind: posts, path: content/tin-tuc/, rules: { min_items: 5, school_years: { last: 1 } } }
          - { id: nam-truoc, title: Năm học trước, kind: posts, path: content/tin-tuc/, rules: { min_items: 1, school_years: { last: 2, until: 2025-2026 } } }

        """

    static func fourForms() -> Fixture {
        Fixture {
            File("site.yaml", siteYAML)
            Dir("compliance") { File("dem-bai.yaml", manifest) }
            Dir("content") {
                File("_index.md", "---\ntitle: Chào mừng\n---\nTrường chúng tôi.\n")
                Dir("tin-tuc") {
                    File("ngay.md", Sites.post("Ngày", date: "2026-09-05"))
                    File("gio.md", Sites.post("Giờ", date: "2026-09-05 07:30"))
                    File("offset.md", Sites.post("Múi giờ", date: "2026-09-05T07:30:00+07:00"))
                    File("utc.md", Sites.post("Giờ UTC", date: "2026-07-31T23:30:00Z"))
                }
            }
        }
    }

    @Test func postsInFourFormsAreLocalInHTMLFeedsSitemapAndCounts() throws {
        let (fileSystem, tree) = Self.fourForms().fileSystem()
        let request = SiteBuilder.Request(
            siteRoot: "/site", output: "/site/public",
            options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
            compliance: .reportOnly)
        let report = SiteBuilder(fileSystem: fileSystem).build(request)
        #expect(report.succeeded)
        let expected = [
            ("ngay", "2026-09-05T00:00:00+07:00", "05/09/2026", "Sat, 05 Sep 2026 00:00:00 +0700"),
            ("gio", "2026-09-05T07:30:00+07:00", "05/09/2026", "Sat, 05 Sep 2026 07:30:00 +0700"),
            ("offset", "2026-09-05T07:30:00+07:00", "05/09/2026", "Sat, 05 Sep 2026 07:30:00 +0700"),
            ("utc", "2026-08-01T06:30:00+07:00", "01/08/2026", "Sat, 01 Aug 2026 06:30:00 +0700"),
        ]
        let rss = try #require(tree.contents(of: "/site/public/rss.xml"))
        let atom = try #require(tree.contents(of: "/site/public/atom.xml"))
        let sitemap = try #require(tree.contents(of: "/site/public/sitemap.xml"))
        let list = try #require(tree.contents(of: "/site/public/tin-tuc/index.html"))
        for (slug, iso, day, pubDate) in expected {
            let page = try #require(tree.contents(of: "/site/public/tin-tuc/\(slug)/index.html"))
            #expect(page.contains("<time datetime=\"\(iso)\">\(day)</time>"), "\(slug)")
            #expect(list.contains("<time datetime=\"\(iso)\">\(day)</time>"), "\(slug)")
            #expect(rss.contains("/tin-tuc/\(slug)/</guid>\n<pubDate>\(pubDate)</pubDate>"), "\(slug)")
            #expect(atom.contains("/tin-tuc/\(slug)/</id>\n<published>\(iso)</published>"), "\(slug)")
            #expect(sitemap.contains("/tin-tuc/\(slug)/</loc><lastmod>\(iso)</lastmod>"), "\(slug)")
        }
        #expect(!rss.contains("+0000") && !atom.contains("+00:00") && !sitemap.contains("+00:00"))
        let result = try #require(report.compliance)
        let byRule = ComplianceManifestTests.statuses(result)
        #expect(byRule["dem-bai/it-nhat-4"]?.schoolYears.map(\.description) == ["2026-2027"])
        #expect(byRule["dem-bai/it-nhat-4"]?.status == .met)
        #expect(byRule["dem-bai/it-nhat-5"]?.findings.map(\.code) == [.tooFewItems])
        #expect(byRule["dem-bai/nam-truoc"]?.schoolYears.map(\.description) == ["2025-2026"])
        #expect(byRule["dem-bai/nam-truoc"]?.findings.map(\.code) == [.sectionMissing])
    }

    @Test func upstreamItemsAreShownOnTheirLocalDay() throws {
        // Kept with the offset they were parsed at (GMT), shown in the site's zone.
        let gmt = try #require(FeedDate.parse("Mon, 05 Oct 2026 20:00:00 GMT", zone: .utc))
        let snapshot = UpstreamFeedSnapshot(
            feedID: "tin-tuc", url: "http://127.0.0.1:1/tin-tuc.xml", title: "Sở GD&ĐT",
            items: [UpstreamItem(title: "Thông báo", link: "https://hcm.edu.vn/a/1", date: gmt, summary: nil)],
            fetchedAt: gmt, checkedAt: gmt)
        let fixture = Sites.basic {
            File("site.yaml", Sites.siteYAML + UpstreamIncludeTests.feedsYAML)
            Dir(".edusite") { Dir("feeds") { File("tin-tuc.json", bytes: UpstreamFeedCache.encode(snapshot)) } }
        }
        let (_, tree) = BuildPipelineTests.build(fixture)
        let home = try #require(tree.contents(of: "/site/public/index.html"))
        #expect(home.contains("<time datetime=\"2026-10-06T03:00:00+07:00\">06/10/2026</time>"))
        #expect(home.contains("Cập nhật 06/10/2026 03:00"))
    }
}
