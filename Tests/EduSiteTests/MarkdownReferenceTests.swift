import Testing

@testable import EduSite

@Suite struct MarkdownReferenceTests {
    let renderer = MarkdownRenderer(options: MarkdownOptions())

    func references(_ text: String, firstLine: Int = 1) -> [MarkdownReference] {
        renderer.render(ArraySlice(text.utf8), path: "content/a.md", firstLine: firstLine).references
    }

    func expectReferences(
        _ text: String, firstLine: Int, _ expected: [(MarkdownReference.Kind, String, Int, Int)],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let found = references(text, firstLine: firstLine)
        let actual = found.map { "\($0.kind) \($0.destination) \($0.location.line):\($0.location.column)" }
        let wanted = expected.map { "\($0.0) \($0.1) \($0.2):\($0.3)" }
        #expect(actual == wanted, sourceLocation: sourceLocation)
        #expect(found.allSatisfy { $0.location.path == "content/a.md" }, sourceLocation: sourceLocation)
    }

    @Test func locationsAreInFileCoordinates() {
        // The body starts on file line 6 (after five lines of front matter).
        expectReferences(
            "Đoạn đầu\n\nXem [quy chế](quy-che.md) và ![ảnh](anh.png).\n", firstLine: 6,
            [(.link, "quy-che.md", 8, 5), (.image, "anh.png", 8, 30)])
    }

    /// The loader hands over the body as a slice of the whole file, which does not start at index 0.
    @Test func bodySliceOfALargerFile() {
        let file = Array("---\ntitle: A\n---\nĐoạn đầu\n\nXem [quy chế](quy-che.md) và ![ảnh](anh.png).\n".utf8)
        let body = file[file.index(file.startIndex, offsetBy: 17)...]
        let found = renderer.render(body, path: "content/a.md", firstLine: 4).references
        #expect(found.map { "\($0.destination) \($0.location.line):\($0.location.column)" } == ["quy-che.md 6:5", "anh.png 6:30"])
    }

    @Test func autolinksCountAsLinks() {
        expectReferences(
            "Trang www.example.com, https://moet.gov.vn/a và <https://x.org>.\nThư: lienhe@truong.edu.vn\n",
            firstLine: 3,
            [
                (.link, "http://www.example.com", 3, 7), (.link, "https://moet.gov.vn/a", 3, 24),
                (.link, "https://x.org", 3, 49), (.link, "mailto:lienhe@truong.edu.vn", 4, 6),
            ])
    }

    @Test func continuationLinesOfAnIndentedParagraph() {
        expectReferences(
            "  một [a](a.md)\nhai ![b](b.png) và [tham chiếu] <https://c.vn>\n\n[tham chiếu]: r.md\n",
            firstLine: 1,
            [(.link, "a.md", 1, 7), (.image, "b.png", 2, 5), (.link, "r.md", 2, 20), (.link, "https://c.vn", 2, 33)])
    }

    @Test func nestedBlocksAndTables() {
        expectReferences(
            "> trích [q](q.md)\n\n- mục *nhấn [l](l.md)*\n\n| a | b |\n|---|---|\n| [t](t.md) | x |\n",
            firstLine: 10,
            [(.link, "q.md", 10, 9), (.link, "l.md", 12, 13), (.link, "t.md", 16, 3)])
    }

    @Test func rewriteIsAppliedAndDestinationStaysAsWritten() {
        let document = renderer.render(
            ArraySlice("[Giới thiệu](../gioi-thieu.md) ![](anh/a.png) [web](https://x.vn)\n".utf8),
            path: "content/tin-tuc/a.md", firstLine: 1
        ) { destination, kind in
            guard !destination.hasPrefix("https:") else { return nil }
            return kind == .image ? "/tin-tuc/" + destination : "/gioi-thieu/"
        }
        #expect(document.references.map(\.destination) == ["../gioi-thieu.md", "anh/a.png", "https://x.vn"])
        #expect(document.references.map(\.kind) == [.link, .image, .link])
        #expect(
            document.html
                == "<p><a href=\"/gioi-thieu/\">Giới thiệu</a> <img loading=\"lazy\" src=\"/tin-tuc/anh/a.png\" alt=\"\" /> <a href=\"https://x.vn\">web</a></p>\n"
        )
    }

    @Test func javascriptDestinationIsReportedButBlanked() {
        let document = renderer.render(ArraySlice("[x](javascript:alert(1))\n".utf8), path: "a.md", firstLine: 1)
        #expect(document.references.map(\.destination) == ["javascript:alert(1)"])
        #expect(document.html == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func crlfLineEndings() {
        expectReferences("Một\r\n\r\nHai [a](a.md)\r\n", firstLine: 2, [(.link, "a.md", 4, 5)])
    }
}
