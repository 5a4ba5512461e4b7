import Testing

@testable import EduSite

@Suite struct BuildPipelineTests {
    static let buildDate = DateTimeValue(year: 2026, month: 11, day: 25, hour: 3, offsetSeconds: 0)

    static func build(_ fixture: Fixture, output: String = "/site/public") -> (SiteBuilder.Report, MemoryTree) {
        let (fileSystem, tree) = fixture.fileSystem()
        let builder = SiteBuilder(fileSystem: fileSystem)
        let request = SiteBuilder.Request(
            siteRoot: "/site", output: output,
            options: LoadOptions(buildDate: buildDate, themeSearchPaths: Fixture.themeSearchPaths),
            compliance: .off)
        return (builder.build(request), tree)
    }

    @Test func buildsEveryPageOfABasicSite() throws {
        let (report, tree) = Self.build(Sites.basic())
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.succeeded)
        let written = Set(tree.files.keys)
        for path in [
            "index.html", "gioi-thieu/index.html", "lien-he/index.html", "tin-tuc/index.html",
            "tin-tuc/khai-giang/index.html", "tin-tuc/hoi-thao/index.html", "chu-de/su-kien/index.html",
            "404.html", "sitemap.xml", "robots.txt", "css/edusite.css",
        ] {
            #expect(written.contains("/site/public/" + path), "missing \(path)")
        }
        let home = try #require(tree.contents(of: "/site/public/index.html"))
        #expect(home.contains("028 3822 0000"))
        #expect(home.contains("thptthunghiem@hcm.edu.vn"))
        #expect(home.contains("Khai giảng năm học mới"))
        #expect(home.contains("data-layout=\"home\""))
        let post = try #require(tree.contents(of: "/site/public/tin-tuc/khai-giang/index.html"))
        #expect(post.contains("<time datetime=\"2026-09-05T00:00:00+07:00\">05/09/2026</time>"))
        #expect(post.contains("aria-current=\"page\">Khai giảng năm học mới</span>"))
        // The contact footer is on every page.
        #expect(post.contains("1 Đường Số 1, Phường Bến Thành"))
    }

    @Test func identicalInputGivesIdenticalOutput() {
        let (_, first) = Self.build(Sites.basic())
        let (_, second) = Self.build(Sites.basic())
        // The output; the Write stage's record beside it holds file identities, which parallel
        // writes number in any order.
        let published = { (tree: MemoryTree) in tree.files.filter { $0.key.hasPrefix("/site/public/") } }
        #expect(published(first) == published(second))
    }

    @Test func sitemapListsPagesWithAbsoluteURLs() throws {
        let (_, tree) = Self.build(Sites.basic())
        let sitemap = try #require(tree.contents(of: "/site/public/sitemap.xml"))
        #expect(sitemap.contains("<loc>https://thptthunghiem.hcm.edu.vn/tin-tuc/khai-giang/</loc><lastmod>2026-09-05T00:00:00+07:00</lastmod>"))
        #expect(!sitemap.contains("404.html"))
    }

    @Test func refusesDangerousOutputFolders() {
        for output in ["/", "/site", "/site/content/x", "/"] {
            let (report, _) = Self.build(Sites.basic(), output: output)
            #expect(report.diagnostics.map(\.code) == [.unsafeOutputFolder], "\(output)")
        }
    }

    @Test func refusesAFolderItDidNotWrite() {
        let fixture = Sites.basic { Dir("public") { File("precious.txt", "do not delete") } }
        let (report, tree) = Self.build(fixture)
        #expect(report.diagnostics.map(\.code) == [.foreignOutputFolder])
        #expect(tree.contents(of: "/site/public/precious.txt") == "do not delete")
    }

    @Test func decomposedFileNamesArePublishedComposed() throws {
        let decomposed = "ta\u{0300}i-lie\u{0323}\u{0302}u.pdf"  // "tài-liệu.pdf" as macOS writes it (NFD)
        let fixture = Sites.basic {
            Dir("static") { File(decomposed, "%PDF-1.4") }
            Dir("content") {
                File("gioi-thieu.md", "---\ntitle: Giới thiệu\nattachments:\n  - file: /tài-liệu.pdf\n---\nx\n")
            }
        }
        let (report, tree) = Self.build(fixture)
        #expect(report.succeeded, "\(report.diagnostics)")
        let composed = "/site/public/t\u{E0}i-li\u{1EC7}u.pdf"
        #expect(tree.files.keys.contains { Array($0.utf8) == Array(composed.utf8) })
        let page = try #require(tree.contents(of: "/site/public/gioi-thieu/index.html"))
        #expect(page.contains("href=\"/t%C3%A0i-li%E1%BB%87u.pdf\""))
    }

    @Test func aDiskThatRefusesAWriteLeavesThePreviousOutputAndNoStaging() throws {
        let (good, tree) = Sites.basic().fileSystem()
        let request = SiteBuilder.Request(
            siteRoot: "/site", options: LoadOptions(buildDate: Self.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
            compliance: .off)
        #expect(SiteBuilder(fileSystem: good).build(request).succeeded)
        let before = tree.files.filter { $0.key.hasPrefix("/site/public/") }

        var refusing = good
        refusing.createFile = { path, bytes throws(FileSystemError) in
            if path.hasSuffix("hoi-thao/index.html") {
                throw FileSystemError(path: path, reason: .other(28), operation: "write")  // ENOSPC
            }
            return try good.createFile(path, bytes)
        }
        let report = SiteBuilder(fileSystem: refusing).build(request)
        #expect(report.diagnostics.map(\.code) == [.writeFailed])
        #expect(tree.files.filter { $0.key.hasPrefix("/site/public/") } == before)
        #expect(!tree.files.keys.contains { $0.contains("/staging/") })
    }
}
