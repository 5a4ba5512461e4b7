import Testing

@testable import EduSite

/// Pins the rendered output of every page type of a small checked-in site. After an intended change
/// to templates or views, regenerate with `EDUSITE_UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests`
/// and review the diff.
@Suite struct GoldenSiteTests {
    static let fixtures = Path.normalize(Path.join(Path.parent(#filePath), "Fixtures"))!
    static let siteRoot = Path.join(fixtures, "sites/golden")
    static let goldenRoot = Path.join(fixtures, "golden")

    /// One page per template, and the generated files.
    static let pinned = [
        "index.html", "gioi-thieu/index.html", "lien-he/index.html", "gop-y/index.html",
        "to-chuc/index.html", "to-chuc/ban-giam-hieu/index.html", "to-chuc/doan-the/index.html",
        "to-chuc/doan-the/lien-doi/index.html", "cong-khai/index.html", "cong-khai/2025-2026/index.html",
        "cong-khai/2025-2026/tai-chinh/index.html", "cai-cach-hanh-chinh/index.html",
        "cai-cach-hanh-chinh/don-xin-nghi-hoc/index.html", "tin-tuc/index.html", "tin-tuc/trang/2/index.html",
        "tin-tuc/khai-giang/index.html", "chu-de/index.html", "chu-de/su-kien/index.html",
        "chu-de/su-kien/trang/2/index.html", "404.html",
        "sitemap.xml", "robots.txt", "rss.xml", "atom.xml", "tin-tuc/rss.xml",
    ]

    /// Built once for the whole suite.
    static let built = buildGoldenSite()

    /// The checked-in site's files, relative to its root.
    static let siteFiles: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        let live = FileSystem.live
        for relative in (try? live.walkFiles(siteRoot)) ?? [] {
            files[relative] = try? live.readFile(Path.join(siteRoot, relative))
        }
        return files
    }()

    static func buildGoldenSite() -> (SiteBuilder.Report, MemoryTree) {
        let (fileSystem, tree) = Fixture(files: siteFiles).fileSystem()
        let request = SiteBuilder.Request(
            siteRoot: "/site",
            options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
            compliance: .off)
        return (SiteBuilder(fileSystem: fileSystem).build(request), tree)
    }

    @Test func goldenSiteBuildsCleanly() {
        let (report, _) = Self.built
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test(arguments: pinned)
    func pageMatchesGolden(_ file: String) throws {
        let (_, tree) = Self.built
        let actual = try #require(tree.files["/site/public/" + file], "not written: \(file)")
        let goldenPath = Path.join(Self.goldenRoot, file)
        if EnvironmentFlag.updateGolden {
            try FileSystem.live.writeFile(goldenPath, actual)
            return
        }
        let expected = try FileSystem.live.readFile(goldenPath)
        #expect(
            String(decoding: actual, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
            "\(file) differs from its golden copy; if the change is intended, run EDUSITE_UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests")
    }

    @Test func rawHTMLInMarkdownIsOmittedAndTextEscaped() throws {
        let (_, tree) = Self.built
        let post = try #require(tree.contents(of: "/site/public/tin-tuc/khai-giang/index.html"))
        #expect(!post.contains("<script>alert"))
        #expect(post.contains("&amp; chào cờ"))
    }
}

enum EnvironmentFlag {
    static var updateGolden: Bool {
        guard let value = getenv("EDUSITE_UPDATE_GOLDEN") else { return false }
        return String(cString: value) == "1"
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
