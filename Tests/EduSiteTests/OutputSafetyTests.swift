import Foundation
import Testing

@testable import EduSite

/// The Write stage never deletes or overwrites what EduSite did not write, whatever the flags, and
/// after any failure the output is exactly the old build or exactly the new one.
@Suite struct OutputSafetyTests {
    static func request(output: String? = nil, force: Bool = false, home: String? = nil) -> SiteBuilder.Request {
        SiteBuilder.Request(
            siteRoot: "/site", output: output,
            options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
            force: force, compliance: .off, homeFolder: home)
    }

    /// Every file and its bytes below `folder` (symlinks as `-> target`).
    static func snapshot(_ tree: MemoryTree, _ fileSystem: FileSystem, below folder: String) -> [String: [UInt8]] {
        var all = tree.files.filter { $0.key.hasPrefix(folder + "/") }
        for path in tree.symlinks where path.hasPrefix(folder + "/") {
            all[path] = Array(("-> " + ((try? fileSystem.readLink(path)) ?? "")).utf8)
        }
        return all
    }

    static let foreignHome: [String: String] = [
        "/data/home/.bashrc": "export SECRET=1\n",
        "/data/home/.git/HEAD": "ref: refs/heads/main\n",
        "/data/home/.git/config": "[core]\n",
        "/data/home/Documents/bao-cao.docx": "PK\u{3}\u{4}…",
    ]

    @Test func forceIntoAFolderOfSomeoneElsesKeepsEveryFile() throws {
        let (fileSystem, tree) = Sites.basic().fileSystem()
        for (path, text) in Self.foreignHome { try fileSystem.writeFile(path, Array(text.utf8)) }
        tree.addSymlink("/data/home/passwd-link", to: "/etc/passwd")
        try fileSystem.writeFile("/etc/passwd", Array("root:x:0:0\n".utf8))
        let before = Self.snapshot(tree, fileSystem, below: "/data/home")
        let identities = before.keys.compactMap { path in fileSystem.linkInfo(path).map { (path, $0.identity) } }

        let refused = SiteBuilder(fileSystem: fileSystem).build(Self.request(output: "/data/home"))
        #expect(refused.diagnostics.map(\.code) == [.foreignOutputFolder])
        #expect(Self.snapshot(tree, fileSystem, below: "/data/home") == before)

        for round in 0..<3 {
            if round == 2 { try fileSystem.writeFile("/site/content/gioi-thieu.md", Array("---\ntitle: Mới\n---\nKhác.\n".utf8)) }
            let report = SiteBuilder(fileSystem: fileSystem).build(Self.request(output: "/data/home", force: true))
            #expect(report.succeeded, "\(report.diagnostics)")
            #expect(report.keptForeignFiles.sorted() == [".bashrc", ".git/HEAD", ".git/config", "Documents/bao-cao.docx", "passwd-link"])
            let after = Self.snapshot(tree, fileSystem, below: "/data/home")
            for (path, bytes) in before { #expect(after[path] == bytes, "\(path) changed in round \(round)") }
            for (path, identity) in identities { #expect(fileSystem.linkInfo(path)?.identity == identity, "\(path) is another file") }
            #expect(tree.contents(of: "/data/home/gioi-thieu/index.html") != nil)
        }
        #expect(tree.contents(of: "/etc/passwd") == "root:x:0:0\n")
    }

    @Test func aCopiedRecordMakesNothingEduSites() throws {
        let (fileSystem, tree) = Sites.basic().fileSystem()
        #expect(SiteBuilder(fileSystem: fileSystem).build(Self.request(output: "/data/a")).succeeded)
        try fileSystem.writeFile("/data/b/precious.txt", Array("keep".utf8))
        // The old marker's trick: the record of another folder, copied beside this one.
        try fileSystem.writeFile("/data/.edusite/output-b/record", try fileSystem.readFile("/data/.edusite/output-a/record"))
        let report = SiteBuilder(fileSystem: fileSystem).build(Self.request(output: "/data/b"))
        #expect(report.diagnostics.map(\.code) == [.foreignOutputFolder])
        #expect(tree.contents(of: "/data/b/precious.txt") == "keep")
    }

    static let refusedOutputs = [
        "/", "/etc", "/etc/nginx", "/usr", "/usr/share/nginx", "/var", "/var/lib/x", "/home", "/home/teacher", "/root",
        "/tmp", "/proc/self", "/site", "/site/content", "/site/content/x", "/site/static", "/site/layouts", "/site/themes",
        "/site/.edusite", "/site/.edusite/cache", "/site/.git", "/data/.edusite/output-x", "/data/teacher",
        "/data/link-to-etc", "/data/link-to-etc/www", "/site/site.yaml", "/dev", "/dev/shm", "/dev/pts",
    ]

    @Test(arguments: refusedOutputs)
    func refusesOutputFoldersThatAreNotTheSites(_ output: String) {
        let (fileSystem, tree) = Sites.basic().fileSystem()
        tree.addSymlink("/data/link-to-etc", to: "../etc")
        try? fileSystem.writeFile("/etc/hostname", Array("box".utf8))
        let before = tree.files
        let report = SiteBuilder(fileSystem: fileSystem).build(Self.request(output: output, force: true, home: "/data/teacher"))
        #expect(report.diagnostics.map(\.code) == [.unsafeOutputFolder], "\(output): \(report.diagnostics)")
        #expect(tree.files == before)
    }

    @Test(arguments: ["/var/www/school", "/srv/www", "/tmp/out", "/site/public", "/data/teacher/site", "/site/ban-in", "/dev/shm/bench/site/public"])
    func acceptsOutputFoldersOfTheSitesOwn(_ output: String) {
        let (fileSystem, _) = Sites.basic().fileSystem()
        let report = SiteBuilder(fileSystem: fileSystem).build(Self.request(output: output, home: "/data/teacher"))
        #expect(report.succeeded, "\(output): \(report.diagnostics)")
    }

    @Test func aSitePathWhereSomeoneElsesFileStandsStops() throws {
        let (fileSystem, tree) = Sites.basic().fileSystem()
        try fileSystem.writeFile("/site/public/index.html", Array("<p>hand-made</p>".utf8))
        let report = SiteBuilder(fileSystem: fileSystem).build(Self.request(force: true))
        #expect(report.diagnostics.map(\.code) == [.outputFileNotOurs])
        #expect(tree.contents(of: "/site/public/index.html") == "<p>hand-made</p>")
        #expect(tree.files.keys.filter { $0.hasPrefix("/site/public/") } == ["/site/public/index.html"])
        #expect(!tree.files.keys.contains { $0.contains("/staging") })
    }

    @Test func aFileChangedByHandIsNoLongerEduSites() throws {
        let (fileSystem, tree) = Sites.basic().fileSystem()
        #expect(SiteBuilder(fileSystem: fileSystem).build(Self.request()).succeeded)
        try fileSystem.writeFile("/site/public/robots.txt", Array("User-agent: *\nDisallow: /\n".utf8))
        let report = SiteBuilder(fileSystem: fileSystem).build(Self.request())
        #expect(report.diagnostics.map(\.code) == [.outputFileNotOurs])
        #expect(tree.contents(of: "/site/public/robots.txt") == "User-agent: *\nDisallow: /\n")
    }

    @Test func staleFilesOfEduSitesGoOthersStay() throws {
        let (fileSystem, tree) = Sites.basic().fileSystem()
        #expect(SiteBuilder(fileSystem: fileSystem).build(Self.request()).succeeded)
        try fileSystem.writeFile("/site/public/CNAME", Array("thptthunghiem.hcm.edu.vn\n".utf8))
        try fileSystem.createDirectory("/site/public/empty-of-someone")
        try fileSystem.removeItem("/site/content/tin-tuc/hoi-thao.md")
        let report = SiteBuilder(fileSystem: fileSystem).build(Self.request())
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.keptForeignFiles == ["CNAME"])
        #expect(tree.contents(of: "/site/public/CNAME") == "thptthunghiem.hcm.edu.vn\n")
        #expect(fileSystem.directoryExists("/site/public/empty-of-someone"))
        #expect(!fileSystem.directoryExists("/site/public/tin-tuc/hoi-thao"))
        // The output holds only the site: EduSite's record is beside it.
        #expect(!tree.files.keys.contains { $0.hasPrefix("/site/public/.") })
        #expect(Set(tree.files.keys.filter { $0.hasPrefix("/site/.edusite/") }) == ["/site/.edusite/output-public/record"])
    }

    // MARK: - Failure at every point

    /// The basic site built once, then edited: what a failing rebuild starts from, and what it should end as.
    struct Rebuild {
        let fileSystem: FileSystem
        let tree: MemoryTree
        let old: [String: [UInt8]]?
        let new: [String: [UInt8]]

        init(withPreviousOutput: Bool) throws {
            let (fileSystem, tree) = Sites.basic().fileSystem()
            if withPreviousOutput { #expect(SiteBuilder(fileSystem: fileSystem).build(OutputSafetyTests.request()).succeeded) }
            try fileSystem.writeFile(
                "/site/content/tin-tuc/khai-giang.md", Array(Sites.post("Khai giảng (sửa)", date: "2026-09-06").utf8))
            try fileSystem.removeItem("/site/content/tin-tuc/hoi-thao.md")
            old = withPreviousOutput ? OutputSafetyTests.snapshot(tree, fileSystem, below: "/site/public") : nil
            let (expected, expectedTree) = Sites.basic().fileSystem()
            try expected.writeFile(
                "/site/content/tin-tuc/khai-giang.md", Array(Sites.post("Khai giảng (sửa)", date: "2026-09-06").utf8))
            try expected.removeItem("/site/content/tin-tuc/hoi-thao.md")
            #expect(SiteBuilder(fileSystem: expected).build(OutputSafetyTests.request()).succeeded)
            new = OutputSafetyTests.snapshot(expectedTree, expected, below: "/site/public")
            self.fileSystem = fileSystem
            self.tree = tree
        }

        var output: [String: [UInt8]] { OutputSafetyTests.snapshot(tree, fileSystem, below: "/site/public") }
    }

    /// Fails the 1st, 2nd, … changing call of a rebuild until one runs through: each time the output is
    /// the old site or the new one, the message says which truly, and the next build mends everything.
    @Test(arguments: [(28, true), (13, true), (5, true), (28, false)])
    func aFailureAtAnyPointLeavesTheOldOrTheNewOutput(code: Int32, withPreviousOutput: Bool) async throws {
        var points = 0
        var failedBuilds = 0
        for failing in 1...2_000 {
            // Hundreds of builds in a row: let the other tests' tasks (a fetch's deadline) run between them.
            await Task.yield()
            let rebuild = try Rebuild(withPreviousOutput: withPreviousOutput)
            let plan = FaultPlan(failing: failing, code: code)
            let report = SiteBuilder(fileSystem: .faulty(rebuild.fileSystem, plan)).build(Self.request())
            let where_ = plan.failed.withLock { $0 } ?? "nothing failed"
            guard plan.failed.withLock({ $0 }) != nil else { break }
            points += 1
            let output = rebuild.output
            if report.succeeded {
                #expect(output == rebuild.new, "failing \(where_): succeeded but the output is not the new site")
                #expect(report.diagnostics.allSatisfy { $0.code == .outputNotTidied }, "\(report.diagnostics)")
            } else {
                failedBuilds += 1
                #expect(output == (rebuild.old ?? [:]), "failing \(where_): failed but the output is not the old site")
                #expect(report.diagnostics.map(\.code) == [.writeFailed], "failing \(where_): \(report.diagnostics)")
                #expect(report.previousOutputExisted == withPreviousOutput)
                let hint = report.diagnostics.first?.hint?.en ?? ""
                #expect(hint.contains(withPreviousOutput ? "unchanged" : "nothing was written"), "\(hint)")
            }
            // The next build, on a disk that works again, mends whatever was left.
            let next = SiteBuilder(fileSystem: rebuild.fileSystem).build(Self.request())
            #expect(next.succeeded, "after failing \(where_): \(next.diagnostics)")
            #expect(next.diagnostics.isEmpty, "after failing \(where_): \(next.diagnostics)")
            #expect(rebuild.output == rebuild.new, "after failing \(where_)")
            let leftovers = rebuild.tree.files.keys.filter { $0.hasPrefix("/site/.edusite/") && !$0.hasSuffix("/record") }
            #expect(leftovers.isEmpty, "after failing \(where_): \(leftovers)")
        }
        // Cannot pass vacuously: the rebuild has many failure points, and failures before the swap.
        print("fault points: \(points) (errno \(code), previous output: \(withPreviousOutput)), \(failedBuilds) failed builds")
        #expect(points > 20)
        #expect(failedBuilds > 15)
    }
}

/// The same on the real disk, through the build cache's two shortcuts: the rebuild that renders only
/// the changed pages, and the one that puts a changed body in place.
@Suite struct LiveOutputSafetyTests {
    static let themes = [Path.normalize(Path.join(Path.parent(#filePath), "../../themes"))!]

    final class Workspace {
        let root = NSTemporaryDirectory() + "edusite-output-\(UUID().uuidString)"
        var site: String { root + "/site" }
        var output: String { root + "/site/public" }
        let fileSystem = FileSystem.live

        init() throws {
            for (path, bytes) in Sites.basic().files { try fileSystem.writeFile(Path.join(site, path), bytes) }
            try fileSystem.writeFile(Path.join(site, "content/gioi-thieu.md"), Array(Self.about.utf8))
        }

        /// Long enough that an edit at its end leaves what lists and checks read of it unchanged.
        static let about = "---\ntitle: Giới thiệu\n---\n" + String(repeating: "Trường được thành lập năm 1998 tại Thành phố Hồ Chí Minh. ", count: 20) + "\n"

        deinit { try? fileSystem.removeItem(root) }

        func request() -> SiteBuilder.Request {
            SiteBuilder.Request(
                siteRoot: site, options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: LiveOutputSafetyTests.themes),
                compliance: .off)
        }

        func build(_ fileSystem: FileSystem? = nil) -> SiteBuilder.Report {
            SiteBuilder(fileSystem: fileSystem ?? self.fileSystem, usesCache: true).build(request())
        }

        /// Every file of the output with its bytes.
        func outputFiles() -> [String: [UInt8]] {
            var files: [String: [UInt8]] = [:]
            for path in (try? fileSystem.walkFiles(output)) ?? [] { files[path] = try? fileSystem.readFile(Path.join(output, path)) }
            return files
        }

        func edit(_ kind: Edit) throws {
            let post = Path.join(site, "content/tin-tuc/hoi-thao.md")
            switch kind {
            case .body:
                try fileSystem.writeFile(Path.join(site, "content/gioi-thieu.md"), Array((Self.about + "\nĐổi tên năm 2005.\n").utf8))
            case .title: try fileSystem.writeFile(post, Array(Sites.post("Hội thao mùa thu", date: "2026-10-01 08:00").utf8))
            }
        }
    }

    enum Edit: CaseIterable { case body, title }

    @Test(arguments: Edit.allCases)
    func aFailureAtAnyPointOfARebuildLeavesTheOldOrTheNewOutput(_ edit: Edit) async throws {
        // What the rebuild should make, from nothing.
        let expected = try Workspace()
        try expected.edit(edit)
        #expect(expected.build().succeeded)
        let new = expected.outputFiles()

        var points = 0
        var failedBuilds = 0
        var shortcutTaken = false
        for failing in 1...2_000 {
            await Task.yield()
            let workspace = try Workspace()
            #expect(workspace.build().succeeded)
            try workspace.edit(edit)
            let old = workspace.outputFiles()
            let plan = FaultPlan(failing: failing, code: 28)
            let report = workspace.build(.faulty(.live, plan))
            guard let failed = plan.failed.withLock({ $0 }) else {
                #expect(report.succeeded, "\(report.diagnostics)")
                shortcutTaken = report.incremental && report.quick == (edit == .body)
                break
            }
            points += 1
            let output = workspace.outputFiles()
            if report.succeeded {
                #expect(output == new, "failing \(failed): succeeded but the output is not the new site")
            } else {
                failedBuilds += 1
                #expect(output == old, "failing \(failed): failed but the output is not the old site")
                #expect(report.diagnostics.map(\.code) == [.writeFailed], "failing \(failed): \(report.diagnostics)")
            }
            let next = workspace.build()
            #expect(next.succeeded && next.diagnostics.isEmpty, "after failing \(failed): \(next.diagnostics)")
            #expect(workspace.outputFiles() == new, "after failing \(failed)")
            let work = Path.join(workspace.site, ".edusite/output-public")
            #expect((try? workspace.fileSystem.listDirectory(work).map(\.name)) == ["record"], "after failing \(failed)")
        }
        print("live fault points (\(edit) edit): \(points), \(failedBuilds) failed builds")
        #expect(shortcutTaken)
        #expect(points > 20)
        #expect(failedBuilds > 10)
    }
}
