import Foundation
import Testing

@testable import EduSite

@Suite struct FeedParserTests {
    @Test func rss2() throws {
        let feed = try FeedDocumentParser.parse(
            try FeedFixtures.bytes("rss2.xml"), sourceURL: "https://so.example.edu.vn/rss/tin-tuc.xml", httpCharset: nil)
        #expect(feed.dialect == .rss2)
        #expect(feed.title == "Sở Giáo dục và Đào tạo - Tin tức")
        #expect(feed.items.map(\.title) == [
            "Hướng dẫn tuyển sinh lớp 10 năm học 2025-2026",
            "Lịch khai giảng năm học mới",
            "Hội nghị tổng kết năm học",
            "Bài không ngày",
        ])
        let first = try #require(feed.items.first)
        #expect(first.link == "https://so.example.edu.vn/tin-tuc/huong-dan-tuyen-sinh-lop-10")
        #expect(first.summary == "Sở GD&ĐT hướng dẫn tuyển sinh lớp 10 năm học 2025-2026.")
        #expect(first.date?.rfc3339 == "2025-09-05T08:30:00+07:00")
        #expect(feed.items[2].link == "https://so.example.edu.vn/tin-tuc/tong-ket")
        #expect(feed.items[3].date == nil)
        #expect(FeedFixtures.assertSafe(feed.items))
    }

    @Test func rss1() throws {
        let feed = try FeedDocumentParser.parse(
            try FeedFixtures.bytes("rss1.rdf"), sourceURL: "https://phong.example.edu.vn/rss.rdf", httpCharset: nil)
        #expect(feed.dialect == .rss1)
        #expect(feed.title == "Phòng GD&ĐT - Văn bản")
        #expect(feed.items.map(\.link) == ["https://phong.example.edu.vn/van-ban/1", "https://phong.example.edu.vn/van-ban/2"])
        #expect(feed.items[1].date?.rfc3339 == "2025-08-28T00:00:00+07:00")
    }

    @Test func atom() throws {
        let feed = try FeedDocumentParser.parse(
            try FeedFixtures.bytes("atom.xml"), sourceURL: "https://bo.example.gov.vn/atom.xml", httpCharset: nil)
        #expect(feed.dialect == .atom)
        #expect(feed.title == "Bộ GD&ĐT - Thư mời")
        #expect(feed.link == "https://bo.example.gov.vn/")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].title == "Thư mời dự hội thảo chuyển đổi số")
        #expect(feed.items[0].link == "https://bo.example.gov.vn/tin/hoi-thao-chuyen-doi-so")
        #expect(feed.items[0].summary == "Hội thảo về chuyển đổi số trong giáo dục.")
        #expect(feed.items[1].link == "https://bo.example.gov.vn/su-kien/tap-huan")
        #expect(feed.items[1].summary == "Tập huấn giáo viên")
    }

    @Test func atom03() throws {
        let doc = """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
            <entry><title mode="escaped">A &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; move</title>
            <link rel="alternate" type="text/html" href="http://example.org/1"/><issued>2004-01-02T03:04:05Z</issued>
            <content type="text/html" mode="escaped">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>
            """
        let feed = try FeedDocumentParser.parse(Array(doc.utf8), sourceURL: "http://example.org/atom", httpCharset: nil)
        // No `type`: Atom 0.3's default is text/plain, so the escaped text is literal (feedparser agrees).
        #expect(feed.items.first?.title == "A &lt;b&gt;bold&lt;/b&gt; move")
        #expect(feed.items.first?.summary == "Body")
        #expect(feed.items.first?.date?.rfc3339 == "2004-01-02T10:04:05+07:00")
    }

    @Test(arguments: [
        "declared-utf8-but-windows-1258.xml", "no-declaration-windows-1258.xml", "utf16-bom.xml",
    ])
    func vietnameseEncodings(file: String) throws {
        let feed = try FeedDocumentParser.parse(try FeedFixtures.bytes(file), sourceURL: "https://phong.example.edu.vn/", httpCharset: nil)
        #expect(feed.title == "Phòng Giáo dục và Đào tạo")
        let item = try #require(feed.items.first)
        #expect(item.title == "Thông báo tuyển dụng giáo viên năm học 2025-2026")
        #expect(item.summary == "Trường Tiểu học Nguyễn Trãi thông báo tuyển dụng.")
        #expect(item.title.utf8.elementsEqual(item.title.precomposedStringWithCanonicalMapping.utf8))
        #expect(item.date?.rfc3339 == "2025-09-05T08:30:00+07:00")
    }

    @Test func westernMislabelledAsUTF8() throws {
        let feed = try FeedDocumentParser.parse(
            try FeedFixtures.bytes("declared-utf8-but-windows-1252.xml"), sourceURL: "https://example.org/", httpCharset: nil)
        #expect(feed.title == "Café")
        #expect(feed.items.first?.title == "Crème brûlée à la française")
    }

    @Test func httpCharsetIsAHint() throws {
        let doc = "<rss version=\"2.0\"><channel><title>Ti\u{00EA}u \u{0111}\u{1EC1}</title></channel></rss>"
        let latin = [UInt8](doc.utf8)
        let feed = try FeedDocumentParser.parse(latin, sourceURL: "https://example.org/", httpCharset: "iso-8859-1")
        // The bytes are valid multi-byte UTF-8: a Latin-1 label over them is the mistake.
        #expect(feed.title == "Tiêu đề")
        let cp1251 = try #require("<rss version=\"2.0\"><channel><title>Новости</title></channel></rss>".data(using: .windowsCP1251))
        let russian = try FeedDocumentParser.parse(Array(cp1251), sourceURL: "https://example.org/", httpCharset: "windows-1251")
        #expect(russian.title == "Новости")
    }

    /// RSS titles are HTML only when they look like it (feedparser's rule): one with a `<script>` is
    /// text shown as written, escaped by the page; descriptions are HTML; no unsafe link is kept.
    @Test func htmlAndScriptInTitlesBecomePlainText() throws {
        let doc = """
            <rss version="2.0"><channel><title>T</title>
            <item><title>&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Khai giảng&lt;/b&gt; &amp;amp; bế giảng</title>
            <link>javascript:alert(1)</link><description>&lt;img src=x onerror=alert(1)&gt;Ảnh &lt;a href="javascript:alert(2)"&gt;đây&lt;/a&gt;</description></item>
            <item><title>&amp;lt;script&amp;gt;alert(3)&amp;lt;/script&amp;gt;Hai lần</title><link> jav&#x09;ascript:alert(4)</link></item>
            <item><title>Ba</title><link>data:text/html,&lt;script&gt;alert(5)&lt;/script&gt;</link></item>
            <item><link>javascript:alert(6)</link></item>
            <item><title>Điểm &lt; 5 và AT&amp;T</title><link>vbscript:x</link></item>
            </channel></rss>
            """
        let feed = try FeedDocumentParser.parse(Array(doc.utf8), sourceURL: "https://example.org/feed", httpCharset: nil)
        #expect(feed.items.map(\.title) == [
            "<script>alert(1)</script><b>Khai giảng</b> &amp; bế giảng", "<script>alert(3)</script>Hai lần", "Ba", "Điểm < 5 và AT&T",
        ])
        #expect(feed.items.allSatisfy { $0.link == nil })
        #expect(feed.items[0].summary == "Ảnh đây")
    }

    @Test func externalEntityNeverLeaks() throws {
        #expect(throws: FeedParseError.entityDeclarations) {
            try FeedDocumentParser.parse(Array(FeedFixtures.externalEntity.utf8), sourceURL: "https://example.org/", httpCharset: nil)
        }
        // Even without our refusal up front, XMLParser as we configure it does not read the file.
        let root = try FeedXMLDocument.parseUTF8(Array(FeedFixtures.externalEntity.utf8))
        let everything = root.innerText
        #expect(everything.contains("leak:"))
        #expect(!everything.contains("root:"))
    }

    @Test func billionLaughsIsRefusedQuickly() throws {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: FeedParseError.entityDeclarations) {
                try FeedDocumentParser.parse(Array(FeedFixtures.billionLaughs.utf8), sourceURL: "https://example.org/", httpCharset: nil)
            }
            // XMLParser itself refuses it too (libxml2's entity amplification guard, error 89).
            #expect(throws: FeedParseError.malformedXML(code: 89, line: 1)) {
                try FeedXMLDocument.parseUTF8(Array(FeedFixtures.billionLaughs.utf8))
            }
        }
        // Refused at once rather than expanded (which would take minutes and gigabytes).
        #expect(elapsed < .seconds(10))
    }

    @Test func malformedAndForeignDocuments() {
        #expect(throws: FeedParseError.self) {
            try FeedDocumentParser.parse(Array("<rss><channel><title>x</channel>".utf8), sourceURL: "https://e.org/", httpCharset: nil)
        }
        #expect(throws: FeedParseError.empty) {
            try FeedDocumentParser.parse(Array("   ".utf8), sourceURL: "https://e.org/", httpCharset: nil)
        }
        #expect(throws: FeedParseError.notAFeed(root: "html")) {
            try FeedDocumentParser.parse(Array("<html><body>hi</body></html>".utf8), sourceURL: "https://e.org/", httpCharset: nil)
        }
        #expect(throws: FeedParseError.notAFeed(root: "urlset")) {
            try FeedDocumentParser.parse(Array("<urlset/>".utf8), sourceURL: "https://e.org/", httpCharset: nil)
        }
    }

    @Test func sloppyXMLIsRepaired() throws {
        let doc = "  <?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<rss version=\"0.91\"><channel><title>A &nbsp; B & C &eacute;&#1;</title>"
            + "<item><title>T\u{1}</title><link>http://e.org/?a=1&b=2</link></item></channel></rss>"
        let feed = try FeedDocumentParser.parse(Array(doc.utf8), sourceURL: "http://e.org/", httpCharset: nil)
        #expect(feed.title == "A B & C é\u{FFFD}")
        #expect(feed.items.first?.link == "http://e.org/?a=1&b=2")
    }

    @Test func orderingLimitAndDuplicates() {
        let d = { (day: Int) in SiteTimeZone.hoChiMinh.date(DateTimeValue(year: 2025, month: 9, day: day)) }
        let items = [
            UpstreamItem(title: "undated", link: "https://e.org/u", date: nil, summary: nil),
            UpstreamItem(title: "old", link: "https://e.org/o", date: d(1), summary: nil),
            UpstreamItem(title: "new", link: "https://e.org/n", date: d(5), summary: nil),
            UpstreamItem(title: "new again", link: "https://e.org/n", date: d(4), summary: nil),
            UpstreamItem(title: "no link", link: nil, date: d(3), summary: nil),
        ]
        #expect(UpstreamItem.ordered(items, limit: 10).map(\.title) == ["new", "no link", "old", "undated"])
        #expect(UpstreamItem.ordered(items, limit: 2).map(\.title) == ["new", "no link"])
    }

    @Test func longSummaryIsCut() throws {
        let long = String(repeating: "Nội dung rất dài ", count: 60)
        let doc = "<rss><channel><item><title>x</title><description>\(long)</description></item></channel></rss>"
        let feed = try FeedDocumentParser.parse(Array(doc.utf8), sourceURL: "https://e.org/", httpCharset: nil)
        let summary = try #require(feed.items.first?.summary)
        #expect(summary.count <= 300)
        #expect(summary.hasSuffix("…"))
    }
}
