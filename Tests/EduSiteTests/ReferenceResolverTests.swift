import Testing

@testable import EduSite

/// `ReferenceResolver.resolve` takes byte-level shortcuts; `resolveGeneral` is the step-by-step,
/// Character-based original. These tests pin the answers of both on the cases that matter and hold
/// the fast path to the general one on a corpus of awkward inputs.
@Suite struct ReferenceResolverTests {
    static let nfdFile = "static/tai-lieu/ba\u{0301}o-ca\u{0301}o.pdf"  // "báo cáo", decomposed
    static let resolver = ReferenceResolver(
        files: [
            "static/tai-lieu/quy-che.pdf": 100,
            "static/bieu-mau/don xin.docx": 200,
            "static/anh.png": 300,
            "content/tin-tuc/anh-le.jpg": 400,
            "content/anh.png": 500,  // shadowed by static/anh.png for `/anh.png`
            "content/only-content.pdf": 600,
            "static/tài-liệu/báo-cáo.pdf": 700,  // composed (NFC)
            nfdFile: 800,
            "static/thu-muc/": 900,  // never matched: a normalized path does not end in `/`
            "static/chuong-trinh": 1000,  // a file without extension
        ],
        pagePaths: [
            "content/tin-tuc/khai-giang.md": "/tin-tuc/khai-giang/",
            "content/gioi-thieu.md": "/gioi-thieu/",
            "content/thong-bao/lich thi.md": "/thong-bao/lich-thi/",
        ])

    static let page = "content/tin-tuc/bai-viet.md"

    @Test(arguments: [
        // Site paths, as written in posts.
        ("/gop-y/", LinkTarget.sitePath("/gop-y/", suffix: "")),
        ("/gop-y", .sitePath("/gop-y/", suffix: "")),
        ("/", .sitePath("/", suffix: "")),
        ("/tin-tuc/a/#muc-1", .sitePath("/tin-tuc/a/", suffix: "#muc-1")),
        ("/tim-kiem?q=%20a", .sitePath("/tim-kiem/", suffix: "?q=%20a")),
        ("/tin-tuc//a/", .sitePath("/tin-tuc/a/", suffix: "")),
        ("/tin-tuc/./a/../b/", .sitePath("/tin-tuc/b/", suffix: "")),
        ("/a/../../b", .outsideSite),
        ("/bao-cao.pdf", .sitePath("/bao-cao.pdf", suffix: "")),
        ("/bao-cao.pdf/", .sitePath("/bao-cao.pdf", suffix: "")),
        ("/thu-muc.", .sitePath("/thu-muc./", suffix: "")),
        ("/.an", .sitePath("/.an/", suffix: "")),
        ("  /gop-y/  ", .sitePath("/gop-y/", suffix: "")),
        // Files by site path: static first, then content.
        ("/tai-lieu/quy-che.pdf", .file(source: "static/tai-lieu/quy-che.pdf", path: "/tai-lieu/quy-che.pdf", byteCount: 100)),
        ("/tai-lieu/quy-che.pdf/", .file(source: "static/tai-lieu/quy-che.pdf", path: "/tai-lieu/quy-che.pdf", byteCount: 100)),
        ("/tai-lieu/quy-che.pdf#page=2", .file(source: "static/tai-lieu/quy-che.pdf", path: "/tai-lieu/quy-che.pdf", byteCount: 100)),
        ("/anh.png", .file(source: "static/anh.png", path: "/anh.png", byteCount: 300)),
        ("/only-content.pdf", .file(source: "content/only-content.pdf", path: "/only-content.pdf", byteCount: 600)),
        ("/bieu-mau/don%20xin.docx", .file(source: "static/bieu-mau/don xin.docx", path: "/bieu-mau/don xin.docx", byteCount: 200)),
        ("/chuong-trinh/", .file(source: "static/chuong-trinh", path: "/chuong-trinh", byteCount: 1000)),
        ("/thu-muc/", .sitePath("/thu-muc/", suffix: "")),
        ("/tai-lieu/x/../quy-che.pdf", .file(source: "static/tai-lieu/quy-che.pdf", path: "/tai-lieu/quy-che.pdf", byteCount: 100)),
        // Vietnamese names: found whether written composed or decomposed; the output path is NFC.
        ("/tài-liệu/báo-cáo.pdf", .file(source: "static/tài-liệu/báo-cáo.pdf", path: "/tài-liệu/báo-cáo.pdf", byteCount: 700)),
        ("/ta\u{0300}i-lie\u{0323}\u{0302}u/ba\u{0301}o-ca\u{0301}o.pdf",
         .file(source: "static/ta\u{0300}i-lie\u{0323}\u{0302}u/ba\u{0301}o-ca\u{0301}o.pdf", path: "/tài-liệu/báo-cáo.pdf", byteCount: 700)),
        ("/tai-lieu/ba\u{0301}o-ca\u{0301}o.pdf", .file(source: nfdFile, path: "/tai-lieu/báo-cáo.pdf", byteCount: 800)),
        ("/tai-lieu/b%C3%A1o-c%C3%A1o.pdf", .file(source: "static/tai-lieu/báo-cáo.pdf", path: "/tai-lieu/báo-cáo.pdf", byteCount: 800)),
        // Relative to the page's folder.
        ("khai-giang.md", .sitePath("/tin-tuc/khai-giang/", suffix: "")),
        ("./khai-giang.md#lich", .sitePath("/tin-tuc/khai-giang/", suffix: "#lich")),
        ("../gioi-thieu.md", .sitePath("/gioi-thieu/", suffix: "")),
        ("../thong-bao/lich%20thi.md", .sitePath("/thong-bao/lich-thi/", suffix: "")),
        ("../thong-bao/khong-co.md", .missing(candidate: "content/thong-bao/khong-co.md")),
        ("anh-le.jpg", .file(source: "content/tin-tuc/anh-le.jpg", path: "/tin-tuc/anh-le.jpg", byteCount: 400)),
        ("../../static/anh.png", .file(source: "static/anh.png", path: "/anh.png", byteCount: 300)),
        ("khong-co.pdf", .missing(candidate: "content/tin-tuc/khong-co.pdf")),
        ("../../site.yaml", .outsideSite),
        ("../../../etc/passwd", .outsideSite),
        // Not ours to check.
        ("https://moet.gov.vn/a", .external),
        ("mailto:lienhe@truong.edu.vn", .external),
        ("tel:+842838220000", .external),
        ("//cdn.example.com/a.js", .external),
        ("#muc-2", .external),
        ("", .external),
        ("   ", .external),
    ])
    func resolves(written: String, expected: LinkTarget) {
        #expect(Self.resolver.resolve(written, from: Self.page) == expected)
        #expect(Self.resolver.resolveGeneral(written, from: Self.page) == expected)
    }

    /// Pieces that stress the byte-level shortcuts: slashes and dots next to combining marks,
    /// percent escapes, suffixes, whitespace, non-ASCII, NFC and NFD spellings.
    static let pieces = [
        "/", "//", ".", "..", "a", "tin-tuc", "quy-che.pdf", "anh.png", "%20", "%2F", "%", "%4", "%zz", "%C3%A1",
        "#x", "?q=1", " ", "\u{00A0}", "\u{0301}", "é", "e\u{0301}", "tài-liệu", "ta\u{0300}i-lie\u{0323}\u{0302}u",
        "báo-cáo.pdf", "ba\u{0301}o-ca\u{0301}o.pdf", "khai-giang.md", "x.", ".md", "\t", "\r\n", "static", "content",
        "đ", "\u{0600}",
    ]

    @Test func fastPathAgreesWithTheGeneralOne() {
        var generator = SplitMix64(seed: 2026)
        var checked = 0
        for length in 1...6 {
            for _ in 0..<4000 {
                var text = ""
                for _ in 0..<length { text += Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }
                for source in [Self.page, "content/_index.md", "content/cong-khai/2025-2026/tai-chinh.md"] {
                    let fast = Self.resolver.resolve(text, from: source)
                    let general = Self.resolver.resolveGeneral(text, from: source)
                    #expect(fast == general, "\(Array(text.unicodeScalars)) from \(source)")
                    checked += 1
                }
            }
        }
        #expect(checked == 72_000)
    }
}
