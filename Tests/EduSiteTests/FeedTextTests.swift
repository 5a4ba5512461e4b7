import Foundation
import Testing

@testable import EduSite

/// Feed text as the publisher wrote it (issue 11, item 3): every dialect's text constructs decoded per
/// its spec, literal angle brackets kept as text, markup stripped only where it is real. The expected
/// texts are feedparser 6.0.14's (its HTML values taken by their text), checked case by case; only the
/// NFC composition is ours.
@Suite struct FeedTextTests {
    static func title(of doc: String) throws -> String {
        let feed = try FeedDocumentParser.parse(Array(doc.utf8), sourceURL: "https://so.example.edu.vn/", httpCharset: nil)
        return try #require(feed.items.first).title
    }

    /// The bug found on a real feed: the bracketed words of a `type="html"` title were taken for a tag.
    @Test func atomHTMLTitleKeepsEscapedAngleBrackets() throws {
        let once = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html">Thông báo tuyển sinh \
            &lt;đối với các cơ sở giáo dục&gt;</title><link href="https://so.example.edu.vn/1"/></entry></feed>
            """
        #expect(try Self.title(of: once) == "Thông báo tuyển sinh <đối với các cơ sở giáo dục>")
        let twice = once.replacingOccurrences(of: "&lt;", with: "&amp;lt;").replacingOccurrences(of: "&gt;", with: "&amp;gt;")
        #expect(try Self.title(of: twice) == "Thông báo tuyển sinh <đối với các cơ sở giáo dục>")
    }

    /// The other bug: a `type="text"` title is literal, so `<b>` in it is two words of text, not a tag.
    @Test func atomTextTitleKeepsWhatLooksLikeATag() throws {
        let doc = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="text">Lịch thi &lt;b&gt;học kỳ I&lt;/b&gt; \
            &amp; lịch nghỉ</title><link href="https://so.example.edu.vn/2"/></entry></feed>
            """
        #expect(try Self.title(of: doc) == "Lịch thi <b>học kỳ I</b> & lịch nghỉ")
    }

    /// And it reaches the page as text: escaped once, never a tag.
    @Test func keptAngleBracketsAreEscapedOnThePage() throws {
        let snapshot = UpstreamFeedSnapshot(
            feedID: "tin-tuc", url: "http://127.0.0.1:1/tin-tuc.xml", title: "Sở",
            items: [
                UpstreamItem(
                    title: "Thông báo <đối với các cơ sở giáo dục> <script>alert(1)</script>", link: "https://hcm.edu.vn/a/1",
                    date: nil, summary: nil)
            ],
            fetchedAt: FeedFixtures.now, checkedAt: FeedFixtures.now)
        let site = Sites.basic {
            File("site.yaml", Sites.siteYAML + UpstreamIncludeTests.feedsYAML)
            Dir(".edusite") { Dir("feeds") { File("tin-tuc.json", bytes: UpstreamFeedCache.encode(snapshot)) } }
        }
        let (_, tree) = BuildPipelineTests.build(site)
        let home = try #require(tree.contents(of: "/site/public/index.html"))
        #expect(home.contains(">Thông báo &lt;đối với các cơ sở giáo dục&gt; &lt;script&gt;alert(1)&lt;/script&gt;</a>"))
        #expect(!home.contains("<đối"))
        #expect(!home.contains("<script>alert(1)"))
    }

    /// The fixtures scripts/acceptance/check_feedparser.py also compares with feedparser, in document order.
    @Test(arguments: [
        ("text-constructs-atom.xml", [
            "Thông báo tuyển sinh <đối với các cơ sở giáo dục>", "Mẫu <đơn xin học> và hướng dẫn",
            "Lịch thi <b>học kỳ I</b> & lịch nghỉ", "Kế hoạch tháng 12 <dự thảo>", "Tin mới “nhất” hôm nay", "Thông báo nghỉ lễ",
        ]),
        ("text-constructs-rss.xml", [
            "Thông báo <đối với các cơ sở giáo dục>", "Công văn khẩn về Điểm < 5", "Hướng dẫn chuyển đổi số & AT&T",
            "Mẫu <đơn> dòng một dòng hai", "<script>alert(1)</script>Tin <b>mới</b>",
        ]),
    ])
    func fixtureTitles(_ file: String, _ expected: [String]) throws {
        let feed = try FeedDocumentParser.parse(try FeedFixtures.bytes(file), sourceURL: "https://so.example.edu.vn/", httpCharset: nil)
        #expect(feed.entries.map { Array($0.title.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
        #expect(feed.entries.allSatisfy { $0.link.map(FeedLink.isSafe) ?? true })
        // Each fixture has one `javascript:` link: dropped.
        #expect(feed.entries.filter { $0.link == nil }.count == 1)
    }

    enum Dialect: String, CaseIterable, Sendable {
        case rss2, rss1, atom10, atom03
    }

    enum Construct: String, Sendable {
        /// RSS titles: HTML when they look like it (feedparser's rule), else plain text.
        case rss
        case text, html, xhtml
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let dialect: Dialect
        let construct: Construct
        let name: String
        /// What goes between the title's tags (inside the `div` for XHTML).
        let xml: String
        let expected: String
        var testDescription: String { "\(dialect.rawValue) \(construct.rawValue) \(name)" }

        var document: String {
            switch dialect {
            case .rss2:
                return "<rss version=\"2.0\"><channel><title>c</title><item><title>\(xml)</title>"
                    + "<link>http://e.org/1</link></item></channel></rss>"
            case .rss1:
                return "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                    + "<item rdf:about=\"http://e.org/1\"><title>\(xml)</title><link>http://e.org/1</link></item></rdf:RDF>"
            case .atom10:
                return "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type=\"\(construct.rawValue)\">\(body)</title>"
                    + "<link href=\"http://e.org/1\"/></entry></feed>"
            case .atom03:
                let attributes =
                    switch construct {
                    case .html: "type=\"text/html\" mode=\"escaped\""
                    case .xhtml: "type=\"application/xhtml+xml\" mode=\"xml\""
                    case .text, .rss: "type=\"text/plain\" mode=\"escaped\""
                    }
                return "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><title \(attributes)>\(body)</title>"
                    + "<link rel=\"alternate\" type=\"text/html\" href=\"http://e.org/1\"/></entry></feed>"
            }
        }

        private var body: String { construct == .xhtml ? "<div xmlns=\"http://www.w3.org/1999/xhtml\">\(xml)</div>" : xml }
    }

    static func everywhere(_ text: String) -> [Construct: String] { [.rss: text, .text: text, .html: text, .xhtml: text] }

    /// name, XML, and the text expected for an RSS title, Atom `text`, `html` and `xhtml`.
    static let contents: [(String, String, [Construct: String])] = [
        ("literal <", "Điểm &lt; 5", everywhere("Điểm < 5")),
        ("&lt;b&gt;", "Lịch &lt;b&gt;thi&lt;/b&gt;",
         [.rss: "Lịch thi", .text: "Lịch <b>thi</b>", .html: "Lịch thi", .xhtml: "Lịch <b>thi</b>"]),
        ("&amp;lt;", "Mẫu &amp;lt;đơn&amp;gt; &amp;lt;b&amp;gt;",
         [.rss: "Mẫu <đơn> <b>", .text: "Mẫu &lt;đơn&gt; &lt;b&gt;", .html: "Mẫu <đơn> <b>", .xhtml: "Mẫu &lt;đơn&gt; &lt;b&gt;"]),
        ("CDATA", "<![CDATA[Tin <b>mới</b> & hay]]>",
         [.rss: "Tin mới & hay", .text: "Tin <b>mới</b> & hay", .html: "Tin mới & hay", .xhtml: "Tin <b>mới</b> & hay"]),
        ("nested markup", "&lt;p&gt;Một &lt;em&gt;hai &lt;b&gt;ba&lt;/b&gt;&lt;/em&gt;&lt;/p&gt;bốn",
         [.rss: "Một hai ba bốn", .text: "<p>Một <em>hai <b>ba</b></em></p>bốn", .html: "Một hai ba bốn"]),
        ("nested XHTML", "<p>Một <em>hai <b>ba</b></em></p>bốn", [.xhtml: "Một hai ba bốn"]),
        ("&nbsp; &#8220;", "A&amp;nbsp;B &amp;#8220;C&amp;#8221;",
         [.rss: "A B “C”", .text: "A&nbsp;B &#8220;C&#8221;", .html: "A B “C”", .xhtml: "A&nbsp;B &#8220;C&#8221;"]),
        ("NFD Vietnamese", "Tho\u{0302}ng ba\u{0301}o tuye\u{0302}\u{0309}n sinh", everywhere("Thông báo tuyển sinh")),
        // No closing tag and no entity: feedparser does not take an RSS title with only `<br>` for HTML.
        ("<br>", "Dòng một&lt;br&gt;Dòng hai",
         [.rss: "Dòng một<br>Dòng hai", .text: "Dòng một<br>Dòng hai", .html: "Dòng một Dòng hai"]),
        ("XHTML <br/>", "Dòng một<br/>Dòng hai", [.xhtml: "Dòng một Dòng hai"]),
        // `<script>` is no everyday element, so the RSS title is plain text, shown as written (and escaped).
        ("<script>", "Tin&lt;script&gt;alert(1)&lt;/script&gt; mới",
         [.rss: "Tin<script>alert(1)</script> mới", .text: "Tin<script>alert(1)</script> mới", .html: "Tin mới"]),
        ("XHTML <script>", "Tin<script>alert(1)</script> mới", [.xhtml: "Tin mới"]),
        ("<đối với …>", "Thông báo &lt;đối với các cơ sở giáo dục&gt;", everywhere("Thông báo <đối với các cơ sở giáo dục>")),
    ]

    static let cases: [Case] = Dialect.allCases.flatMap { dialect -> [Case] in
        let constructs: [Construct] = dialect == .rss2 || dialect == .rss1 ? [.rss] : [.text, .html, .xhtml]
        return constructs.flatMap { construct in
            contents.compactMap { name, xml, expected in
                expected[construct].map { Case(dialect: dialect, construct: construct, name: name, xml: xml, expected: $0) }
            }
        }
    }

    @Test(arguments: cases)
    func textConstruct(_ example: Case) throws {
        // Scalar by scalar: `==` on String would call NFD and NFC equal.
        #expect(try Array(Self.title(of: example.document).unicodeScalars) == Array(example.expected.unicodeScalars))
    }

    @Test func tableCoversEveryDialectAndConstruct() {
        #expect(Self.cases.count == 2 * 10 + 2 * 3 * 10)
    }

    /// feedparser's rule for RSS titles, on its own.
    @Test(arguments: [
        ("a < b", false), ("<b>x</b>", true), ("x &amp; y", true), ("<br>", false), ("x &apos; y", false),
        ("<b>x</b><script>y</script>", false), ("&#8220;x&#8221;", true), ("&bogus;", false), ("</đối>", false),
    ])
    func looksLikeHTML(_ text: String, _ expected: Bool) {
        #expect(FeedText.looksLikeHTML(text) == expected)
    }

    @Test func rssDescriptionsAreAlwaysHTML() throws {
        let doc = """
            <rss version="2.0"><channel><item><title>T</title><link>http://e.org/1</link>
            <description>&lt;p&gt;Ảnh &lt;img src=x onerror=alert(1)&gt;đây&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt; 1 &lt; 2</description>
            </item></channel></rss>
            """
        let feed = try FeedDocumentParser.parse(Array(doc.utf8), sourceURL: "http://e.org/", httpCharset: nil)
        #expect(feed.items.first?.summary == "Ảnh đây 1 < 2")
    }

    /// RFC 4287 4.1.3.3: a MIME type that is neither text nor XML means the content is base64.
    @Test func atomBinaryTypeIsBase64() throws {
        let doc = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="application/octet-stream">
            VGjDtG5nIGLDoW8=</title><id>HTTP://so.example.edu.vn/3</id></entry></feed>
            """
        let feed = try FeedDocumentParser.parse(Array(doc.utf8), sourceURL: "http://e.org/", httpCharset: nil)
        #expect(feed.items.first?.title == "Thông báo")
        // A scheme is case-insensitive: the id is a web address, written as one.
        #expect(feed.items.first?.link == "http://so.example.edu.vn/3")
    }

    /// TypePad wraps escaped HTML in an XHTML div: the HTML is read as HTML.
    @Test func typePadDivAroundEscapedHTML() throws {
        let doc = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="html"><div xmlns="http://www.w3.org/1999/xhtml">\
            Lịch &lt;b&gt;thi&lt;/b&gt;</div></title><link href="http://e.org/1"/></entry></feed>
            """
        #expect(try Self.title(of: doc) == "Lịch thi")
    }

    /// Inline XHTML elements do not split a word; block ones keep words apart.
    @Test func xhtmlInlineElementsJoinBlockElementsSeparate() throws {
        let doc = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">\
            Tr<b>ườ</b>ng<p>Lớp</p>Một</div></title><link href="http://e.org/1"/></entry></feed>
            """
        #expect(try Self.title(of: doc) == "Trường Lớp Một")
    }

    /// An RSS item's `<updated>` without the Atom prefix is its date (feedparser reads it too).
    @Test func rssItemWithBareUpdatedHasADate() throws {
        let doc = "<rss version=\"2.0\"><channel><item><title>T</title><updated>2025-09-05T01:30:00Z</updated></item></channel></rss>"
        let feed = try FeedDocumentParser.parse(Array(doc.utf8), sourceURL: "http://e.org/", httpCharset: nil)
        #expect(feed.items.first?.date?.epochSeconds == 1_757_035_800)
    }
}
