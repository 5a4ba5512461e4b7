import Testing

@testable import EduSite

@Suite struct ServeSessionTests {
    static func session() -> (ServeSession, FileSystem) {
        let (fileSystem, _) = Sites.basic().fileSystem()
        let options = LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths)
        return (ServeSession(siteRoot: "/site", options: options, fileSystem: fileSystem, compliance: .off), fileSystem)
    }

    static func body(_ response: HTTPServer.Response) -> (Int, String)? {
        guard case .bytes(let status, _, let body) = response else { return nil }
        return (status, String(decoding: body, as: UTF8.self))
    }

    @Test func servesTheBuiltSiteWithTheReloadScriptOnlyInServeMode() throws {
        let (session, _) = Self.session()
        #expect(session.rebuild().files != nil)
        let (status, html) = try #require(Self.body(session.respond(to: .init(method: "GET", path: "/tin-tuc/khai-giang/"))))
        #expect(status == 200)
        #expect(html.contains(LiveReloadScript.tag))
        let (missing, _) = try #require(Self.body(session.respond(to: .init(method: "GET", path: "/khong-co/"))))
        #expect(missing == 404)
        // A normal build never carries the script.
        let (_, tree) = BuildPipelineTests.build(Sites.basic())
        #expect(tree.contents(of: "/site/public/index.html")?.contains("live-reload") == false)
    }

    @Test func aBrokenEditKeepsTheLastGoodPagesAndReportsTheError() throws {
        let (session, fileSystem) = Self.session()
        session.rebuild()
        try fileSystem.writeFile("/site/content/tin-tuc/khai-giang.md", Array(Sites.post("Tiêu đề mới", date: "2026-09-05").utf8))
        session.rebuild()
        #expect(session.hub.currentState == .ok)
        #expect(Self.body(session.respond(to: .init(method: "GET", path: "/tin-tuc/khai-giang/")))?.1.contains("Tiêu đề mới") == true)

        try fileSystem.writeFile("/site/content/tin-tuc/khai-giang.md", Array("---\ntitle: [hỏng\n---\n".utf8))
        #expect(session.rebuild().files == nil)
        guard case .failed(let lines) = session.hub.currentState else {
            Issue.record("expected a failed state")
            return
        }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("content/tin-tuc/khai-giang.md:2:8: error[E001]") == true)
        #expect(Self.body(session.respond(to: .init(method: "GET", path: "/tin-tuc/khai-giang/")))?.1.contains("Tiêu đề mới") == true)
        #expect(session.hub.sentEvents == ["reload", "reload", "build-error"])
    }

    @Test func theWatcherSeesAddedChangedAndRemovedFiles() throws {
        let (fileSystem, _) = Sites.basic().fileSystem()
        let watcher = SiteWatcher(fileSystem: fileSystem, roots: SiteWatcher.roots(siteRoot: "/site", themeFolders: []))
        let before = watcher.snapshot()
        try fileSystem.writeFile("/site/content/tin-tuc/moi.md", Array("x".utf8))
        try fileSystem.writeFile("/site/content/gioi-thieu.md", Array("changed".utf8))
        try fileSystem.removeItem("/site/content/lien-he.md")
        let changes = SiteWatcher.changes(from: before, to: watcher.snapshot())
        #expect(changes == ["/site/content/gioi-thieu.md", "/site/content/lien-he.md", "/site/content/tin-tuc/moi.md"])
    }

    @Test func eventDataIsJSON() {
        #expect(LiveReloadHub.json(["a \"b\"\n\tc"]) == #"["a \"b\"\n\tc"]"#)
    }

    @Test func aRebuildRendersOnlyWhatTheEditReachesAndServesWhatAFullBuildWould() throws {
        let (session, fileSystem) = Self.session()
        let first = session.rebuild()
        #expect(first.renderedPageCount == first.pageCount)
        let post = "/site/content/tin-tuc/khai-giang.md"
        let text = String(decoding: try fileSystem.readFile(post), as: UTF8.self)
        try fileSystem.writeFile(post, Array((text + "\nMột đoạn mới.\n").utf8))
        let second = session.rebuild()
        #expect(second.renderedPageCount < second.pageCount)
        #expect(Self.body(session.respond(to: .init(method: "GET", path: "/tin-tuc/khai-giang/")))?.1.contains("Một đoạn mới.") == true)

        // The same content built by a new session, from nothing.
        let fresh = ServeSession(
            siteRoot: "/site", options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
            fileSystem: fileSystem, compliance: .off)
        let full = fresh.rebuild()
        let files = { (rendering: SiteBuilder.Rendering) in
            Dictionary(uniqueKeysWithValues: (rendering.files ?? []).map { ($0.path, $0.contents) })
        }
        #expect(files(second) == files(full))
    }
}
