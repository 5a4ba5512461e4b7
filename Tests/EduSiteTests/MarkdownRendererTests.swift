import Testing

@testable import EduSite

@Suite struct MarkdownRendererTests {
    let safe = MarkdownRenderer(options: MarkdownOptions())
    let unsafe = MarkdownRenderer(options: MarkdownOptions(unsafe: true))

    func render(_ text: String, _ renderer: MarkdownRenderer? = nil, firstLine: Int = 1) -> MarkdownDocument {
        (renderer ?? safe).render(ArraySlice(text.utf8), path: "content/a.md", firstLine: firstLine)
    }

    @Test func tableIsWrappedInAScrollRegion() {
        let html = render("| Lớp | Sĩ số |\n|---|---:|\n| 6A | 42 |\n").html
        #expect(
            html.hasPrefix(
                #"<div class="table-scroll" role="region" aria-label="Bảng" tabindex="0">"# + "\n<table>\n<thead>"))
        #expect(html.contains(#"<th align="right">Sĩ số</th>"#))
        #expect(html.hasSuffix("</table>\n</div>\n"))
    }

    @Test func rawTableInUnsafeModeIsLeftAlone() {
        let html = render("<table><tr><td>x</td></tr></table>\n", unsafe).html
        #expect(html == "<table><tr><td>x</td></tr></table>\n")
    }

    @Test func strikethroughTaskListAndAutolinks() {
        let html = render("~~cũ~~ mới\n\n- [x] xong\n- [ ] chưa\n\nXem www.example.com và https://moet.gov.vn/a.\n").html
        #expect(html.contains("<del>cũ</del> mới"))
        #expect(html.contains(#"<li><input type="checkbox" checked="" disabled="" /> xong</li>"#))
        #expect(html.contains(#"<li><input type="checkbox" disabled="" /> chưa</li>"#))
        #expect(html.contains(#"<a href="http://www.example.com">www.example.com</a>"#))
        #expect(html.contains(#"<a href="https://moet.gov.vn/a">https://moet.gov.vn/a</a>."#))
    }

    @Test func footnotes() {
        let html = render("Theo quy định[^1].\n\n[^1]: Thông tư 09/2024/TT-BGDĐT.\n").html
        #expect(html.contains(##"<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>"##))
        #expect(html.contains(#"<section class="footnotes" data-footnotes>"#))
        #expect(html.contains("Thông tư 09/2024/TT-BGDĐT."))
    }

    @Test func rawHTMLOmittedUnlessUnsafe() {
        let source = "<div class=\"x\">khối</div>\n\nChữ <b>đậm</b>.\n"
        let safeHTML = render(source).html
        #expect(safeHTML == "<!-- raw HTML omitted -->\n<p>Chữ <!-- raw HTML omitted -->đậm<!-- raw HTML omitted -->.</p>\n")
        let unsafeHTML = render(source, unsafe).html
        #expect(unsafeHTML == "<div class=\"x\">khối</div>\n<p>Chữ <b>đậm</b>.</p>\n")
    }

    @Test func tagfilterEscapesScriptEvenInUnsafeMode() {
        let html = render("<script>alert(1)</script>\n", unsafe).html
        #expect(html.contains("&lt;script>"))
        #expect(!html.contains("<script>"))
    }

    @Test func javascriptLinksAreBlanked() {
        let html = render("[bấm](javascript:alert(1)) ![ảnh](javascript:x)\n").html
        #expect(html.contains(#"<a href="">bấm</a>"#))
        #expect(html.contains(#"src="""#))
        #expect(!html.contains("javascript"))
    }

    @Test func imagesLoadLazily() {
        let html = render("![Sân trường](/anh/san.jpg \"Sân\")\n").html
        #expect(html == "<p><img loading=\"lazy\" src=\"/anh/san.jpg\" alt=\"Sân trường\" title=\"Sân\" /></p>\n")
    }

    @Test(arguments: [
        ("# Thủ tục đăng ký", "thu-tuc-dang-ky", "Thủ tục đăng ký"),
        ("## Đội", "doi", "Đội"),
        ("### Giới thiệu *chung* về `trường`", "gioi-thieu-chung-ve-truong", "Giới thiệu chung về trường"),
        ("## ???", "muc", "???"),
        ("Ban giám hiệu\n---", "ban-giam-hieu", "Ban giám hiệu"),
    ])
    func headingIds(source: String, id: String, text: String) {
        let document = render(source + "\n")
        #expect(document.headings.map(\.id) == [id])
        #expect(document.headings.map(\.text) == [text])
        #expect(document.html.contains("id=\"\(id)\""))
    }

    @Test func headingHTMLMatchesCmarkPlusId() {
        let document = render("# Thủ tục *đăng* ký\n\nĐoạn.\n")
        #expect(document.html == "<h1 id=\"thu-tuc-dang-ky\">Thủ tục <em>đăng</em> ký</h1>\n<p>Đoạn.</p>\n")
        #expect(document.headings == [MarkdownHeading(level: 1, text: "Thủ tục đăng ký", id: "thu-tuc-dang-ky", line: 1)])
    }

    @Test func duplicateHeadingIds() {
        let document = render("## Tin tức\n\n## Tin tức\n\n## Tin tức\n\n## Tin tức 1\n\n## ?\n\n## !\n", firstLine: 5)
        #expect(document.headings.map(\.id) == ["tin-tuc", "tin-tuc-1", "tin-tuc-2", "tin-tuc-1-1", "muc", "muc-1"])
        #expect(document.headings.map(\.line) == [5, 7, 9, 11, 13, 15])
        #expect(document.html.components(separatedBy: "id=\"tin-tuc-1\"").count == 2)
    }

    @Test func idsStayExactInUnsafeModeWithRawHeadings() {
        let source = "<h2>Giới thiệu</h2>\n\n## Giới thiệu\n\n<h2 id=\"x\">Lịch</h2>\n\n## Lịch\n"
        let document = render(source, unsafe)
        #expect(document.headings.map(\.id) == ["gioi-thieu", "lich"])
        #expect(
            document.html
                == "<h2>Giới thiệu</h2>\n<h2 id=\"gioi-thieu\">Giới thiệu</h2>\n<h2 id=\"x\">Lịch</h2>\n<h2 id=\"lich\">Lịch</h2>\n")
    }

    @Test func headingsInsideContainersGetIds() {
        let html = render("> ## Trích dẫn\n\n- ### Trong danh sách\n").html
        #expect(html.contains("<blockquote>\n<h2 id=\"trich-dan\">Trích dẫn</h2>\n</blockquote>"))
        #expect(html.contains("<li>\n<h3 id=\"trong-danh-sach\">Trong danh sách</h3>\n</li>"))
    }

    @Test func firstParagraphAndWordCount() {
        let document = render("# Tiêu đề\n\nNăm học *2025-2026* bắt đầu\nngày `5/9`.\n\nĐoạn hai có năm từ.\n")
        #expect(document.firstParagraphText == "Năm học 2025-2026 bắt đầu ngày 5/9.")
        #expect(document.wordCount == 2 + 7 + 5)
    }

    @Test func emptyBody() {
        let document = render("")
        #expect(document == MarkdownDocument(htmlBytes: [], headings: [], references: [], firstParagraphText: "", wordCount: 0))
    }

    @Test func invalidUTF8IsRepaired() {
        var bytes = Array("Chữ ".utf8)
        bytes.append(0xFF)
        let html = safe.render(ArraySlice(bytes), path: "a.md", firstLine: 1).html
        #expect(html == "<p>Chữ \u{FFFD}</p>\n")
    }
}
