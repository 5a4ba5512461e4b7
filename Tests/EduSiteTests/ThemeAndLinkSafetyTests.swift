import Testing

@testable import EduSite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `theme:` names a theme and never reaches outside; a theme lacking a template a page needs is an
/// error, never an empty page; every link a page shows goes through `LinkPolicy`; a bad choice says
/// which values are allowed.
@Suite struct ThemeAndLinkSafetyTests {
    /// Line of a key appended to `Sites.siteYAML`.
    static let appendedLine = Sites.siteYAML.count { $0 == "\n" } + 1

    static func build(_ fixture: Fixture) -> (SiteBuilder.Report, MemoryTree) { BuildPipelineTests.build(fixture) }

    static func site(appending yaml: String, @FixtureBuilder extra: () -> [FixtureNode] = { [] }) -> Fixture {
        let added = extra()
        return Sites.basic {
            File("site.yaml", Sites.siteYAML + yaml)
            added
        }
    }

    static func errors(_ report: SiteBuilder.Report) -> [Diagnostic] { report.diagnostics.filter { $0.severity == .error } }

    // MARK: Themes

    @Test(arguments: ["../../../../etc", "/etc", "default/../../../etc", ".git", "a/b"])
    func aThemeThatIsAPathIsAnErrorAtItsLine(_ name: String) {
        let (report, tree) = Self.build(Self.site(appending: "theme: \"\(name)\"\n"))
        #expect(Self.errors(report).map(\.code) == [.badThemeName], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.location == SourceLocation(path: "site.yaml", line: Self.appendedLine, column: 1))
        #expect(report.diagnostics.first?.hint?.en.contains("the themes there are: default") == true)
        #expect(!tree.files.keys.contains { $0.hasPrefix("/site/public/") })
    }

    @Test func anUnknownThemeListsTheThemesThereAre() {
        let (report, _) = Self.build(
            Self.site(appending: "theme: khong-co\n") {
                Dir("themes") { Dir("rieng") { Dir("templates") { File("home.mustache", "x") } } }
            })
        #expect(Self.errors(report).map(\.code) == [.missingTheme])
        #expect(report.diagnostics.first?.location == SourceLocation(path: "site.yaml", line: Self.appendedLine, column: 1))
        #expect(report.diagnostics.first?.hint?.en.contains("the themes there are: default, rieng") == true, "\(report.diagnostics)")
    }

    @Test func aThemeWithoutTemplatesIsAnErrorNotEmptyPages() throws {
        let (report, tree) = Self.build(
            Self.site(appending: "theme: trong\n") { Dir("themes") { Dir("trong") { Dir("static") { File("a.css", "p{}") } } } })
        let errors = Self.errors(report)
        #expect(errors.map(\.code) == [.missingTemplate], "\(report.diagnostics)")
        let error = try #require(errors.first)
        #expect(error.location == SourceLocation(path: "site.yaml", line: Self.appendedLine, column: 1))
        for name in ["home", "page", "contact", "post", "list", "cards", "404"] {
            #expect(error.message.en.contains("`\(name)`"), "\(error.message)")
        }
        #expect(tree.contents(of: "/site/public/index.html") == nil)
    }

    @Test func aThemeMissingSomeTemplatesNamesThoseAndThePagesNeedingThem() throws {
        let defaults = Fixture.defaultTheme.filter {
            !$0.key.hasSuffix("/post.mustache") && !$0.key.hasSuffix("/list.mustache")
        }
        var files: [String: [UInt8]] = Self.site(appending: "theme: nua\n").files
        for (path, bytes) in defaults { files[path.replacingOccurrences(of: "/themes/default/", with: "themes/nua/")] = bytes }
        let (report, _) = Self.build(Fixture(files: files))
        let error = try #require(Self.errors(report).first, "\(report.diagnostics)")
        #expect(Self.errors(report).map(\.code) == [.missingTemplate])
        #expect(error.message.en.contains("`list` (for /tin-tuc/"), "\(error.message)")
        #expect(error.message.en.contains("`post` (for /tin-tuc/hoi-thao/, /tin-tuc/khai-giang/)"), "\(error.message)")
    }

    @Test func eachPageIsRenderedWithTheTemplateTheCheckAsksFor() throws {
        let (fileSystem, _) = Sites.basic().fileSystem()
        let result = SiteLoader(fileSystem: fileSystem).load(
            root: "/site", options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths))
        let site = try #require(result.site)
        let plan = SitePlan(site: site)
        let factory = ViewFactory(site: site, plan: plan)
        for entry in plan.entries {
            #expect(factory.render(entry.job, path: entry.path).template == entry.job.template, "\(entry.path)")
        }
    }

    // MARK: One link policy

    static let refusedURLs = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " java\tscript:alert(1)", "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
    ]

    @Test(arguments: refusedURLs)
    func theLinkPolicyRefuses(_ url: String) {
        #expect(LinkPolicy.refusal(url) != nil)
    }

    @Test(arguments: [
        "/gioi-thieu/", "gioi-thieu.md", "#lich-su", "https://hcm.edu.vn/", "//cdn.example.vn/a.css", "mailto:a@b.vn",
        "tel:02838220000", "zalo://chat", "data:image/png;base64,AAAA", "javascript-la-gi/", "a/b:c",
    ])
    func theLinkPolicyAllows(_ url: String) {
        #expect(LinkPolicy.refusal(url) == nil)
    }

    @Test(arguments: refusedURLs)
    func aMenuURLThePolicyRefusesIsAnErrorAtItsValue(_ url: String) {
        let yaml = "menu:\n  - title: Trang chủ\n    url: \"\(url.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n"))\"\n"
        let (report, tree) = Self.build(Self.site(appending: yaml))
        #expect(Self.errors(report).map(\.code) == [.yamlInvalidValue], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.location == SourceLocation(path: "site.yaml", line: Self.appendedLine + 2, column: 10))
        #expect(report.diagnostics.first?.message.en.contains("cannot be a link on the site") == true)
        #expect(!tree.files.keys.contains { $0.hasPrefix("/site/public/") })
    }

    @Test func menuURLsThePolicyAllowsAreLinks() throws {
        let yaml = "menu:\n  - { title: Giới thiệu, url: /gioi-thieu/ }\n  - { title: Zalo, url: \"zalo://chat\" }\n  - { title: Gọi, url: \"tel:02838220000\" }\n"
        let (report, tree) = Self.build(Self.site(appending: yaml))
        #expect(report.succeeded, "\(report.diagnostics)")
        let home = try #require(tree.contents(of: "/site/public/index.html"))
        #expect(home.contains("href=\"/gioi-thieu/\"") && home.contains("href=\"zalo://chat\"") && home.contains("href=\"tel:02838220000\""))
    }

    @Test func aFrontMatterFileThePolicyRefusesIsAnErrorAtItsValue() {
        let page = "---\ntitle: A\nattachments:\n  - file: \"javascript:alert(1)\"\n    title: Tải về\n---\nx\n"
        let (report, tree) = Self.build(Sites.basic { Dir("content") { File("tai-lieu.md", page) } })
        #expect(Self.errors(report).map(\.code) == [.unsafeLink], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.location == SourceLocation(path: "content/tai-lieu.md", line: 4, column: 11))
        #expect(tree.contents(of: "/site/public/tai-lieu/index.html") == nil)
    }

    @Test func aMarkdownLinkThePolicyRefusesIsAnErrorAtTheLink() {
        let page = "---\ntitle: A\n---\nXem [đây](javascript:alert(1)) và ![ảnh](data:text/html,x).\n"
        let (report, _) = Self.build(Sites.basic { Dir("content") { File("xem.md", page) } })
        #expect(Self.errors(report).map(\.code) == [.unsafeLink, .unsafeLink], "\(report.diagnostics)")
        #expect(report.diagnostics.map(\.location) == [
            SourceLocation(path: "content/xem.md", line: 4, column: 5), SourceLocation(path: "content/xem.md", line: 4, column: 35),
        ])
    }

    @Test func anUpstreamItemWithAScriptLinkIsShownWithoutALink() throws {
        let snapshot = UpstreamFeedSnapshot(
            feedID: "tin-tuc", url: "http://127.0.0.1:1/tin-tuc.xml", title: "Sở GD&ĐT",
            items: [UpstreamItem(title: "Tin có mìn", link: "javascript:alert(1)", date: nil, summary: nil)],
            fetchedAt: nil, checkedAt: ContentDate(epochSeconds: 0, utcOffset: 0))
        let (_, tree) = Self.build(
            Sites.basic {
                File("site.yaml", Sites.siteYAML + UpstreamIncludeTests.feedsYAML)
                Dir(".edusite") { Dir("feeds") { File("tin-tuc.json", bytes: UpstreamFeedCache.encode(snapshot)) } }
            })
        let home = try #require(tree.contents(of: "/site/public/index.html"))
        #expect(home.contains("Tin có mìn"))
        #expect(!home.contains("javascript:"))
        // And as the feed reader reads it from the server.
        let rss = "<rss version=\"2.0\"><channel><title>S</title><item><title>T</title><link>javascript:alert(1)</link></item></channel></rss>"
        let parsed = try FeedDocumentParser.parse(Array(rss.utf8), sourceURL: "https://hcm.edu.vn/rss", httpCharset: nil)
        #expect(parsed.items.first?.link == nil)
    }

    @Test func aKeptFeedThatIsALinkIsNotRead() throws {
        let snapshot = UpstreamFeedSnapshot(
            feedID: "tin-tuc", url: "http://127.0.0.1:1/tin-tuc.xml", title: "Sở GD&ĐT",
            items: [UpstreamItem(title: "SECRET-OUTSIDE", link: nil, date: nil, summary: nil)],
            fetchedAt: nil, checkedAt: ContentDate(epochSeconds: 0, utcOffset: 0))
        let (fileSystem, tree) = Self.site(appending: UpstreamIncludeTests.feedsYAML).fileSystem()
        try fileSystem.writeFile("/out/secret.json", UpstreamFeedCache.encode(snapshot))
        tree.addSymlink("/site/.edusite/feeds/tin-tuc.json", to: "/out/secret.json")
        _ = SiteBuilder(fileSystem: fileSystem).build(
            SiteBuilder.Request(
                siteRoot: "/site", options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
                compliance: .off))
        #expect(!(tree.contents(of: "/site/public/index.html") ?? "").contains("SECRET-OUTSIDE"))
    }

    // MARK: Choices in words

    @Test func aBadUpstreamFormatListsTheAllowedValues() throws {
        let yaml = "upstream_feeds:\n  - id: so\n    title: Sở\n    url: https://hcm.edu.vn/rss\n    format: rss\n"
        let (report, _) = Self.build(Self.site(appending: yaml))
        let error = try #require(Self.errors(report).first, "\(report.diagnostics)")
        #expect(error.code == .yamlInvalidValue)
        #expect(error.location == SourceLocation(path: "site.yaml", line: Self.appendedLine + 4, column: 13))
        #expect(error.message.en == "`rss` is not one of the values allowed here: `auto`, `sitemap`", "\(error.message)")
    }

    @Test func aBadOnlineLevelListsTheAllowedValues() throws {
        let page = "---\ntitle: Thủ tục\nonline_level: muc-4\n---\nx\n"
        let (report, _) = Self.build(Sites.basic { Dir("content") { Dir("cai-cach-hanh-chinh") { File("a.md", page) } } })
        let error = try #require(Self.errors(report).first, "\(report.diagnostics)")
        #expect(error.location == SourceLocation(path: "content/cai-cach-hanh-chinh/a.md", line: 3, column: 15))
        #expect(error.message.en.contains("`toan-trinh`, `mot-phan`"), "\(error.message)")
    }

    @Test func aSiteYAMLLinkToOutsideIsRefused() {
        let (fileSystem, tree) = Sites.basic().fileSystem()
        try? fileSystem.writeFile("/out/site.yaml", Array(Sites.siteYAML.utf8))
        try? fileSystem.removeFile("/site/site.yaml")
        tree.addSymlink("/site/site.yaml", to: "/out/site.yaml")
        let report = SiteBuilder(fileSystem: fileSystem).build(
            SiteBuilder.Request(
                siteRoot: "/site", options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
                compliance: .off))
        #expect(report.diagnostics.map(\.code) == [.linkLeavesSite], "\(report.diagnostics)")
    }
}

/// A manifest named in `site.yaml` is read only from inside the site (or the bundled folder).
@Suite struct ManifestPathSafetyTests {
    @Test(arguments: [("../out/quan.yaml", DiagnosticCode.pathLeavesSite), ("compliance/quan.yaml", .linkLeavesSite)])
    func aManifestOutsideTheSiteIsRefusedAtItsName(_ path: String, _ code: DiagnosticCode) throws {
        var site = ComplianceManifestTests.withManifest(ComplianceManifestTests.districtManifest, named: path)
        site.files["/out/quan.yaml"] = Array(ComplianceManifestTests.districtManifest.utf8)
        site.files["/site/compliance/quan.yaml"] = nil
        let (fileSystem, tree) = site.fileSystem()
        if code == .linkLeavesSite { tree.addSymlink("/site/compliance/quan.yaml", to: "/out/quan.yaml") }
        let outcome = SiteBuilder(fileSystem: fileSystem).check(siteRoot: "/site", options: site.options())
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [code], "\(outcome.diagnostics)")
        #expect(errors.first?.location?.path == "site.yaml")
    }
}

/// A system's refusal reaches the user in words, never as a bare number.
@Suite struct ErrorWordsTests {
    @Test(arguments: [Int32(EACCES), EADDRNOTAVAIL, ENOTSUP, EROFS])
    func anErrnoIsWords(_ code: Int32) {
        let words = FileSystemError.words(forErrno: code)
        #expect(!words.en.contains("system error"))
        #expect(words.en.count > 12 && words.vi.count > 12, "\(words)")
    }

    @Test func theServersSocketErrorsAreWords() {
        #expect(ServeError.bind(host: "0.0.0.0", port: 80, code: EACCES).description.contains("permission denied"))
    }
}
