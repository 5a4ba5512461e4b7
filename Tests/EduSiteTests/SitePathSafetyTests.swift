import Testing

@testable import EduSite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every path stays inside the site: a symlink in `content/`, `static/`, `layouts/` or a theme that
/// points outside, at nothing or round in a loop is an error naming it, and nothing from outside is
/// published; a link to a file inside the site is published like the file.
@Suite struct SitePathSafetyTests {
    /// What stands outside the site, in the memory tree and on disk.
    static let secret = "root:x:0:0:SECRET-OF-THE-RUNNER"
    static let outsidePage = "---\ntitle: Bí mật\n---\n\(secret)\n"
    static let outsideTemplate = "{{<base}}{{$main}}\(secret){{/main}}{{/base}}\n"

    struct Link: Sendable, CustomStringConvertible {
        let name: String
        /// Relative to the site.
        let path: String
        /// Where it points, as written; `@OUT` stands for the folder outside the site.
        let target: String
        let code: DiagnosticCode
        var siteYAML = Sites.siteYAML
        var description: String { name }
    }

    /// The outside folder holds `passwd`, `page.md`, `page.mustache` and `theme/templates/…`.
    static let refused: [Link] = [
        Link(name: "static file to /etc/passwd", path: "static/leak", target: "@OUT/passwd", code: .linkLeavesSite),
        Link(name: "static folder to /etc", path: "static/docs", target: "@OUT", code: .linkLeavesSite),
        Link(name: "static itself to /etc", path: "static", target: "@OUT", code: .linkLeavesSite),
        Link(name: "relative ../../ link", path: "static/tai-lieu/leak.txt", target: "../../../out/passwd", code: .linkLeavesSite),
        Link(name: "page from outside", path: "content/tin-tuc/bi-mat.md", target: "@OUT/page.md", code: .linkLeavesSite),
        Link(name: "layout from outside", path: "layouts/page.mustache", target: "@OUT/page.mustache", code: .linkLeavesSite),
        Link(
            name: "site theme from outside", path: "themes/rieng", target: "@OUT/theme", code: .linkLeavesSite,
            siteYAML: Sites.siteYAML + "theme: rieng\n"),
        Link(name: "into the site's .git", path: "static/config", target: "../.git/config", code: .linkLeavesSite),
        Link(name: "dangling", path: "static/mat.pdf", target: "khong-con.pdf", code: .danglingLink),
        Link(name: "link to itself", path: "static/vong.pdf", target: "vong.pdf", code: .linkLoop),
        Link(name: "folder holding the link", path: "content/tin-tuc/vong", target: "..", code: .linkLoop),
    ]

    /// The basic site with a photo in `content/` and a `.git/config` holding a token.
    static func site(siteYAML: String = Sites.siteYAML) -> Fixture {
        Sites.basic {
            File("site.yaml", siteYAML)
            Dir(".git") { File("config", "[remote] url = https://token:\(secret)@example.com/\n") }
            Dir("content") { Dir("anh") { File("logo.png", "PNG-BYTES") } }
        }
    }

    static func outsideFiles(_ outside: String) -> [String: String] {
        [
            outside + "/passwd": secret, outside + "/page.md": outsidePage, outside + "/page.mustache": outsideTemplate,
            outside + "/theme/templates/home.mustache": outsideTemplate,
        ]
    }

    /// Builds the site in memory with `links` (path → target) added.
    static func buildInMemory(_ links: [(String, String)], siteYAML: String = Sites.siteYAML) -> (SiteBuilder.Report, MemoryTree) {
        let (fileSystem, tree) = site(siteYAML: siteYAML).fileSystem()
        for (path, text) in outsideFiles("/out") { try? fileSystem.writeFile(path, Array(text.utf8)) }
        for (path, target) in links {
            tree.addSymlink("/site/" + path, to: target.replacingOccurrences(of: "@OUT", with: "/out"))
        }
        let request = SiteBuilder.Request(
            siteRoot: "/site", options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
            compliance: .off)
        return (SiteBuilder(fileSystem: fileSystem).build(request), tree)
    }

    static func published(_ tree: MemoryTree) -> [String: String] {
        tree.files.filter { $0.key.hasPrefix("/site/public/") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: refused)
    func aRefusedLinkIsAnErrorNamingItAndNothingFromOutsideIsPublished(_ link: Link) {
        let (report, tree) = Self.buildInMemory([(link.path, link.target)], siteYAML: link.siteYAML)
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.code == link.code && $0.location == .file(link.path) }, "\(report.diagnostics)")
        #expect(errors.allSatisfy { $0.hint != nil && $0.message.en.contains(link.path) }, "\(errors)")
        #expect(!Self.published(tree).values.contains { $0.contains(Self.secret) })
    }

    @Test func theMessageSaysWhereTheLinkPoints() {
        let (report, _) = Self.buildInMemory([("static/leak", "/out/passwd")])
        let error = report.diagnostics.first { $0.code == .linkLeavesSite }
        #expect(error?.description.contains("static/leak` is a link to /out/passwd, outside the site folder") == true, "\(report.diagnostics)")
        #expect(error?.hint?.en.contains("copy the file into `static/`") == true)
    }

    @Test func aDanglingLinkIsNotADiskProblem() {
        let (report, _) = Self.buildInMemory([("static/mat.pdf", "khong-con.pdf")])
        #expect(report.diagnostics.map(\.code) == [.danglingLink], "\(report.diagnostics)")
        #expect(!report.diagnostics.description.contains("disk space"))
    }

    @Test func linksToFilesAndFoldersInsideTheSiteArePublishedUnderTheirOwnNames() throws {
        let (report, tree) = Self.buildInMemory([
            ("static/logo.png", "../content/anh/logo.png"), ("static/hinh", "/site/content/anh"),
            ("content/tin-tuc/ban-sao.md", "khai-giang.md"),
        ])
        #expect(report.succeeded, "\(report.diagnostics)")
        let files = Self.published(tree)
        #expect(files["/site/public/logo.png"] == "PNG-BYTES")
        #expect(files["/site/public/hinh/logo.png"] == "PNG-BYTES")
        #expect(files["/site/public/anh/logo.png"] == "PNG-BYTES")
        #expect(files["/site/public/tin-tuc/ban-sao/index.html"]?.contains("Khai giảng năm học mới") == true)
    }

    @Test func aLinkRefusedInAThemeOfTheSiteOrABundledOne() {
        // A link inside the site's own theme folder.
        let (report, tree) = Self.buildInMemory(
            [("themes/rieng/templates/home.mustache", "/out/page.mustache")], siteYAML: Sites.siteYAML + "theme: rieng\n")
        #expect(report.diagnostics.contains { $0.code == .linkLeavesSite && $0.location == .file("themes/rieng/templates/home.mustache") })
        #expect(!Self.published(tree).values.contains { $0.contains(Self.secret) })
        // A link in a bundled theme that leaves the theme's folder.
        let (fileSystem, bundledTree) = Sites.basic().fileSystem()
        for (path, text) in Self.outsideFiles("/out") { try? fileSystem.writeFile(path, Array(text.utf8)) }
        bundledTree.addSymlink("/themes/default/static/leak.txt", to: "/out/passwd")
        let request = SiteBuilder.Request(
            siteRoot: "/site", options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
            compliance: .off)
        let bundled = SiteBuilder(fileSystem: fileSystem).build(request)
        #expect(bundled.diagnostics.map(\.code) == [.linkLeavesSite], "\(bundled.diagnostics)")
        #expect(bundled.diagnostics.first?.location == .file("theme:default/static/leak.txt"))
    }

    @Test func linksToFoldersThatMultiplyAreAnErrorNotAHang() {
        // Two links in each of 30 nested folders, each to the next folder: 2^30 folders without a loop.
        var links: [(String, String)] = []
        for depth in 0..<30 {
            links += [("static/n\(depth)/a", "/site/static/n\(depth + 1)"), ("static/n\(depth)/b", "/site/static/n\(depth + 1)")]
        }
        let started = ContinuousClock.now
        let (report, _) = Self.buildInMemory(links)
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(report.diagnostics.filter { $0.code == .linkLoop }.count >= 1, "\(report.diagnostics.prefix(3))")
    }

    @Test func serveWatchesALinkOutsideAsALinkWithoutWalkingIt() {
        let (fileSystem, tree) = Self.site().fileSystem()
        for index in 0..<50 { try? fileSystem.writeFile("/out/many/\(index).txt", [1]) }
        tree.addSymlink("/site/static/docs", to: "/out/many")
        let watcher = SiteWatcher(
            fileSystem: fileSystem, roots: SiteWatcher.roots(siteRoot: "/site", themeFolders: []), siteRoot: "/site")
        let stamps = watcher.snapshot()
        #expect(stamps["/site/static/docs"] != nil)
        #expect(!stamps.keys.contains { $0.hasPrefix("/site/static/docs/") || $0.hasPrefix("/out") })
    }

    // MARK: The real kernel

    /// A temporary folder holding `site/` (the basic site, on disk) and `out/` (what must not leak).
    struct DiskSite {
        let folder: String
        var site: String { folder + "/site" }
        var outside: String { folder + "/out" }

        init() throws {
            var template = Array("/tmp/edusite-paths-XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw FileSystemError(path: "/tmp", reason: .other(errno), operation: "make a folder in") }
            folder = String(cString: made)
            let live = FileSystem.live
            for (path, bytes) in SitePathSafetyTests.site().files { try live.writeFile(site + "/" + path, bytes) }
            for (path, text) in SitePathSafetyTests.outsideFiles(outside) { try live.writeFile(path, Array(text.utf8)) }
            // The bundled theme, as the CLI finds it.
            for (path, bytes) in Fixture.defaultTheme { try live.writeFile(folder + path, bytes) }
        }

        func link(_ path: String, to target: String) {
            let full = site + "/" + path
            try? FileSystem.live.createDirectory(Path.parent(full))
            if FileSystem.live.linkInfo(full) != nil { try? FileSystem.live.removeItem(full) }
            _ = symlink(target.replacingOccurrences(of: "@OUT", with: outside), full)
        }

        /// With the build cache: incremental and quick rebuilds list the site as a full build does.
        func build(siteYAML: String? = nil) throws -> SiteBuilder.Report {
            if let siteYAML { try FileSystem.live.writeFile(site + "/site.yaml", Array(siteYAML.utf8)) }
            let request = SiteBuilder.Request(
                siteRoot: site, output: folder + "/public",
                options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: [folder + "/themes"]),
                compliance: .off)
            return SiteBuilder(fileSystem: .live, usesCache: true).build(request)
        }

        /// Every published file's text.
        func published() -> [String] {
            ((try? FileSystem.live.walkFiles(folder + "/public")) ?? []).compactMap {
                (try? FileSystem.live.readFile(folder + "/public/" + $0)).map { String(decoding: $0, as: UTF8.self) }
            }
        }

        func remove() { try? FileSystem.live.removeItem(folder) }
    }

    @Test(arguments: refused)
    func onDiskARefusedLinkIsAnErrorAndNothingLeaks(_ link: Link) throws {
        let disk = try DiskSite()
        defer { disk.remove() }
        #expect(try disk.build().succeeded)
        // The relative case climbs from the site folder to `out/` beside it, as in memory.
        disk.link(link.path, to: link.target)
        let report = try disk.build(siteYAML: link.siteYAML)
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.code == link.code && $0.location == .file(link.path) }, "\(report.diagnostics)")
        #expect(!disk.published().contains { $0.contains(Self.secret) })
    }

    @Test func onDiskALoopOfTwoLinksAndAPipeAreErrorsNotAHang() throws {
        let disk = try DiskSite()
        defer { disk.remove() }
        disk.link("static/a", to: "b")
        disk.link("static/b", to: "a")
        #expect(mkfifo(disk.site + "/static/ong", 0o644) == 0)
        let report = try disk.build()
        #expect(!report.succeeded)
        let found = Set(report.diagnostics.map { "\($0.code) \($0.location?.path ?? "")" })
        #expect(found == ["E114 static/a", "E114 static/b", "E115 static/ong"], "\(report.diagnostics)")
    }

    @Test func onDiskLinksInsideTheSiteArePublished() throws {
        let disk = try DiskSite()
        defer { disk.remove() }
        disk.link("static/logo.png", to: "../content/anh/logo.png")
        disk.link("static/hinh", to: disk.site + "/content/anh")
        let report = try disk.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(try FileSystem.live.readFile(disk.folder + "/public/logo.png") == Array("PNG-BYTES".utf8))
        #expect(try FileSystem.live.readFile(disk.folder + "/public/hinh/logo.png") == Array("PNG-BYTES".utf8))
    }

    @Test func aRebuildFollowsALinkPointedElsewhereAndRefusesOneAddedToOutside() throws {
        let disk = try DiskSite()
        defer { disk.remove() }
        try FileSystem.live.writeFile(disk.site + "/content/anh/moi.png", Array("NEW-BYTES".utf8))
        disk.link("static/logo.png", to: "../content/anh/logo.png")
        #expect(try disk.build().succeeded)
        // The same names, one link pointed at another file of the site.
        disk.link("static/logo.png", to: "../content/anh/moi.png")
        #expect(try disk.build().succeeded)
        #expect(try FileSystem.live.readFile(disk.folder + "/public/logo.png") == Array("NEW-BYTES".utf8))
        // A page's text edited (what the quick rebuild takes) with a link to outside added.
        let post = disk.site + "/content/tin-tuc/hoi-thao.md"
        try FileSystem.live.writeFile(post, try FileSystem.live.readFile(post) + Array("Thêm.\n".utf8))
        disk.link("static/leak", to: "@OUT/passwd")
        let report = try disk.build()
        #expect(!report.succeeded && !report.quick)
        #expect(report.diagnostics.map(\.code) == [.linkLeavesSite], "\(report.diagnostics)")
        #expect(!disk.published().contains { $0.contains(Self.secret) })
    }

    @Test func onDiskASiteReachedThroughALinkStillBuilds() throws {
        let disk = try DiskSite()
        defer { disk.remove() }
        _ = symlink(disk.site, disk.folder + "/via-link")
        let request = SiteBuilder.Request(
            siteRoot: disk.folder + "/via-link", output: disk.folder + "/public",
            options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: [disk.folder + "/themes"]),
            compliance: .off)
        let report = SiteBuilder(fileSystem: .live).build(request)
        #expect(report.succeeded, "\(report.diagnostics)")
    }
}
