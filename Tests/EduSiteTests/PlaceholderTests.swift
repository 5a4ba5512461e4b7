import Testing

@testable import EduSite

@Suite struct PlaceholderTests {
    static func page(title: String = "Công khai tài chính", html: String) -> Page {
        Page(
            source: "content/a.md", kind: .page, path: "/a/", title: title, description: nil, date: nil, updated: nil,
            weight: 0, draft: false, summary: "", body: PageBody(
                html: BodyHTML(html), headings: [], links: [], wordCount: 0, sample: Placeholder.sample(html: html)),
            tags: [], image: nil, imageAlt: nil, attachments: [], people: [], organisation: nil, disclosure: nil,
            procedure: nil, layout: nil, params: [:], keyLocations: [:])
    }

    @Test(arguments: [
        ("<p>Đang cập nhật.</p>", true),
        ("<p>ĐANG CẬP NHẬT</p>", true),
        ("<p>Lorem ipsum dolor sit amet.</p>", true),
        ("", true),
        ("<p>Số liệu: TODO</p><p>" + String(repeating: "Nhà trường có 47 lớp. ", count: 40) + "</p>", true),
        ("<p>" + String(repeating: "Nhà trường có 47 lớp với 2.079 học sinh. ", count: 10)
            + "Danh sách lớp 10 đang cập nhật thêm sau kỳ tuyển sinh.</p>", false),
        ("<p>Thu chi năm 2025: tổng thu 12,4 tỷ đồng.</p>", false),
    ])
    func placeholderPages(html: String, expected: Bool) {
        #expect(Placeholder.isPlaceholder(Self.page(html: html)) == expected)
    }

    @Test func aTitleThatIsAMarkerIsAPlaceholder() {
        #expect(Placeholder.isPlaceholder(Self.page(title: "Đang cập nhật", html: "<p>Thu chi năm 2025.</p>")))
    }
}
