import Foundation
import Testing

@testable import EduSite

/// Rebuilds from the build cache must give the very bytes of a build from nothing. These tests copy
/// the example site to a temporary folder on disk (the cache keeps bodies in a real file), edit it,
/// and after every edit compare a rebuild with a full build of the same content.
@Suite(.serialized) struct IncrementalBuildTests {
    static let editsPerSequence = 9

    @Test func randomEditSequencesGiveTheBytesOfAFullBuild() throws {
        for seed in [1, 2, 3] as [UInt64] {
            let workspace = try Workspace()
            defer { workspace.remove() }
            var random = SplitMix64(seed: seed)
            #expect(workspace.rebuild().succeeded)
            var incremental = 0
            var edits: [String] = []
            for _ in 0..<Self.editsPerSequence {
                let edit = workspace.randomEdit(&random)
                edits.append(edit)
                let rebuilt = workspace.rebuild()
                let full = workspace.fullBuild()
                #expect(rebuilt.succeeded == full.succeeded, "seed \(seed), after \(edits)")
                if rebuilt.incremental { incremental += 1 }
                if full.succeeded {
                    let differences = workspace.differences()
                    #expect(differences.isEmpty, "seed \(seed), after \(edits): \(differences.prefix(5))")
                    if !differences.isEmpty { return }
                }
            }
            // Most edits must have used the cache, or this test proves nothing.
            #expect(
                incremental >= Self.editsPerSequence / 2,
                "seed \(seed): only \(incremental) of \(Self.editsPerSequence) rebuilds used the cache")
        }
    }

    @Test func oneChangedPostRendersOnlyThePagesItReaches() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = workspace.rebuild()
        #expect(first.succeeded && !first.incremental)
        let post = workspace.posts[3]
        try workspace.append(post, "\n\nMột đoạn văn mới được thêm vào bài viết.\n")
        let report = workspace.rebuild()
        #expect(report.succeeded)
        #expect(report.incremental)
        #expect(report.reusedPageCount == workspace.markdownCount - 1)
        // The post, its two neighbours, its section's list page, its tags' pages, and the pages
        // rendered every time (home, indexes, self-check page): far fewer than all.
        #expect(report.renderedPageCount < 30, "rendered \(report.renderedPageCount) of \(report.pageCount)")
        #expect(workspace.fullBuild().succeeded)
        #expect(workspace.differences().isEmpty)
        let page = try workspace.outputText(of: post)
        #expect(page.contains("Một đoạn văn mới được thêm vào bài viết."))
    }

    @Test func aFailedRebuildLeavesTheOutputAndTheNextOneRecovers() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(workspace.rebuild().succeeded)
        let post = workspace.posts[5]
        let before = try workspace.outputText(of: post)
        let original = try workspace.read(post)
        try workspace.write(post, original.replacingOccurrences(of: "title:", with: "title: [không đóng"))
        #expect(!workspace.rebuild().succeeded)
        #expect(try workspace.outputText(of: post) == before)
        try workspace.write(post, original + "\nĐã sửa lỗi.\n")
        let report = workspace.rebuild()
        #expect(report.succeeded && report.incremental)
        #expect(try workspace.outputText(of: post).contains("Đã sửa lỗi."))
        _ = workspace.fullBuild()
        #expect(workspace.differences().isEmpty)
    }
}

/// `QuickRebuild`: edits of page text only are put in place without loading the site, with the bytes
/// of a full build; anything else takes the ordinary rebuild.
@Suite(.serialized) struct QuickRebuildTests {
    /// A build with the cache writes each page with a marker for its body, then the body in its place.
    @Test func aBuildWithTheCacheWritesTheBytesOfOneWithout() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(workspace.rebuild().succeeded)
        #expect(workspace.fullBuild().succeeded)
        #expect(workspace.differences().isEmpty)
    }

    @Test func bodyEditsArePutInPlaceWithTheBytesOfAFullBuild() throws {
        for seed in [11, 12] as [UInt64] {
            let workspace = try Workspace()
            defer { workspace.remove() }
            var random = SplitMix64(seed: seed)
            #expect(workspace.rebuild().succeeded)
            var quick = 0
            var edits: [String] = []
            let rounds = 10
            for _ in 0..<rounds {
                edits.append(try workspace.randomBodyEdit(&random))
                let rebuilt = workspace.rebuild()
                #expect(rebuilt.succeeded, "seed \(seed), after \(edits)")
                if rebuilt.quick {
                    quick += 1
                    #expect(rebuilt.renderedPageCount <= 1)
                    #expect(rebuilt.pageCount > 100 && rebuilt.complianceSummary != nil)
                }
                #expect(workspace.fullBuild().succeeded)
                let differences = workspace.differences()
                #expect(differences.isEmpty, "seed \(seed), after \(edits): \(differences.prefix(5))")
                if !differences.isEmpty { return }
            }
            #expect(quick >= rounds / 2, "seed \(seed): only \(quick) of \(rounds) rebuilds were quick: \(edits)")
        }
    }

    @Test func anEditOfWhatOtherPagesShowTakesTheOrdinaryRebuild() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(workspace.rebuild().succeeded)
        let post = workspace.posts[2]
        let original = try workspace.read(post)
        // The title is on lists and neighbours; a capital TODO changes what the placeholder check sees.
        for edited in [
            original.replacingFirst("title: ", with: "title: Sửa – "), original + "\nTODO: bổ sung ảnh.\n", original,
        ] {
            try workspace.write(post, edited)
            let report = workspace.rebuild()
            #expect(report.succeeded && report.incremental && !report.quick)
            _ = workspace.fullBuild()
            #expect(workspace.differences().isEmpty)
        }
    }

    @Test func aTagRespelledOnOnePostRelabelsItOnTheOthersAsAFullBuildDoes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let (unchanged, respelled) = (workspace.posts[0], workspace.posts[1])
        for post in [unchanged, respelled] {
            try workspace.write(post, try workspace.read(post).replacingLine(startingWith: "tags:", with: "tags: [khoa-hoc-xanh]"))
        }
        #expect(workspace.rebuild().succeeded)
        // The label is chosen over the whole site: the post whose file did not change shows the new one.
        for (spelling, label) in [("Khoa học xanh", "Khoa học xanh"), ("khoa-hoc-xanh", "khoa-hoc-xanh")] {
            try workspace.write(respelled, try workspace.read(respelled).replacingLine(startingWith: "tags:", with: "tags: [\(spelling)]"))
            let report = workspace.rebuild()
            #expect(report.succeeded && report.incremental)
            #expect(try workspace.outputText(of: unchanged).contains("href=\"/chu-de/khoa-hoc-xanh/\">\(label)</a>"))
            #expect(workspace.fullBuild().succeeded)
            #expect(workspace.differences().isEmpty, "\(spelling)")
        }
    }

    @Test func aBrokenLinkInAnEditedBodyFailsTheRebuildAndLeavesTheOutput() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(workspace.rebuild().succeeded)
        let post = workspace.posts[1]
        let before = try workspace.outputText(of: post)
        try workspace.append(post, "\nXem [trang này](/khong-co-trang-nay/).\n")
        let failed = workspace.rebuild()
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.contains { $0.code == .brokenLink && $0.location?.path == post })
        #expect(try workspace.outputText(of: post) == before)
        try workspace.append(post, "\nXem [trang chủ](/).\n")
        #expect(!workspace.rebuild().succeeded)
        let original = try workspace.read(post).replacingOccurrences(of: "\nXem [trang này](/khong-co-trang-nay/).\n", with: "")
        try workspace.write(post, original)
        #expect(workspace.rebuild().succeeded)
        _ = workspace.fullBuild()
        #expect(workspace.differences().isEmpty)
    }

    @Test func anEditUndoneGivesTheFirstBytesAgain() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(workspace.rebuild().succeeded)
        let post = workspace.posts[4]
        let original = try workspace.read(post)
        try workspace.append(post, "\nMột câu thêm tạm thời.\n")
        let edited = workspace.rebuild().quick
        #expect(edited)
        try workspace.write(post, original)
        let undone = workspace.rebuild().quick
        #expect(undone)
        // An ordinary rebuild after quick ones renders the patched page again, from its source.
        try workspace.append(workspace.posts[0], "\nTODO\n")
        let ordinary = workspace.rebuild()
        #expect(ordinary.succeeded && !ordinary.quick)
        _ = workspace.fullBuild()
        #expect(workspace.differences().isEmpty)
    }

    @Test func aQuickRebuildCutShortLeavesNoCacheThatReads() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(workspace.rebuild().succeeded)
        try workspace.append(workspace.posts[3], "\nThêm một câu.\n")
        let quick = workspace.rebuild().quick
        #expect(quick)
        // As if a rebuild had begun (marked the patches file) and been stopped before its patch.
        let patches = workspace.site + "/.edusite/cache/" + BuildCache.patchesFileName
        var bytes = try workspace.fileSystem.readFile(patches)
        bytes.append(BuildCachePatch.beginMark)
        try workspace.fileSystem.writeFile(patches, bytes)
        try workspace.append(workspace.posts[3], "\nThêm câu nữa.\n")
        let report = workspace.rebuild()
        #expect(report.succeeded && !report.incremental)
        _ = workspace.fullBuild()
        #expect(workspace.differences().isEmpty)
    }

    @Test func withWholePostsInFeedsAnEditReachesTheFeedsToo() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.append("site.yaml", "\nfeeds: { full_content: true, limit: 5 }\n")
        #expect(workspace.rebuild().succeeded)
        var quick = 0
        for post in workspace.posts {
            try workspace.append(post, "\nMột câu mới cho nguồn tin.\n")
            let report = workspace.rebuild()
            #expect(report.succeeded)
            if report.quick { quick += 1 }
        }
        // The newest posts of the site's and each section's feed are rebuilt the ordinary way.
        #expect(quick > 0 && quick < workspace.posts.count - 5)
        _ = workspace.fullBuild()
        #expect(workspace.differences().isEmpty)
        let feed = String(decoding: try workspace.fileSystem.readFile(workspace.rebuiltOutput + "/rss.xml"), as: UTF8.self)
        #expect(feed.contains("Một câu mới cho nguồn tin."))
    }

    @Test func aThemeThatWritesTheBodyTwiceIsRenderedWhole() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let theme = ExampleSite.repository + "/themes/default/templates/"
        var post = String(decoding: try workspace.fileSystem.readFile(theme + "post.mustache"), as: UTF8.self)
        post = post.replacingFirst("{{>partials/article-body}}", with: "{{>partials/article-body}}{{#contentHTML}}<details>{{.}}</details>{{/contentHTML}}")
        try workspace.write("layouts/post.mustache", post)
        #expect(workspace.rebuild().succeeded)
        try workspace.append(workspace.posts[2], "\nĐoạn văn <mới> & khác.\n")
        let report = workspace.rebuild()
        #expect(report.succeeded && report.incremental && !report.quick)
        _ = workspace.fullBuild()
        #expect(workspace.differences().isEmpty)
    }
}

/// A copy of the example site in a temporary folder, with an output for rebuilds and one for full builds.
private final class Workspace {
    let root: String
    let site: String
    let rebuiltOutput: String
    let fullOutput: String
    let fileSystem = FileSystem.live
    private(set) var posts: [String]
    private var newPostCount = 0

    init() throws {
        root = NSTemporaryDirectory() + "edusite-incremental-\(UUID().uuidString)"
        site = root + "/site"
        rebuiltOutput = root + "/rebuilt"
        fullOutput = root + "/full"
        for (path, bytes) in ExampleSite.siteFiles {
            try fileSystem.writeFile(site + path.dropFirst("/site".count), bytes)
        }
        for (path, bytes) in ExampleSite.feedSnapshots {
            try fileSystem.writeFile(site + path.dropFirst("/site".count), bytes)
        }
        posts = ExampleSite.siteFiles.keys
            .filter { ($0.hasPrefix("/site/content/tin-tuc/") || $0.hasPrefix("/site/content/thong-bao/")) && !$0.hasSuffix("_index.md") }
            .map { String($0.dropFirst("/site/".count)) }
            .sorted()
    }

    func remove() { try? fileSystem.removeItem(root) }

    var markdownCount: Int {
        ((try? fileSystem.walkFiles(site + "/content")) ?? []).filter { $0.hasSuffix(".md") }.count
    }

    private func request(output: String) -> SiteBuilder.Request {
        SiteBuilder.Request(
            siteRoot: site, output: output,
            options: LoadOptions(
                buildDate: ExampleSite.checkDate, themeSearchPaths: [ExampleSite.repository + "/themes"],
                manifestSearchPaths: [ExampleSite.repository + "/manifests"]))
    }

    func rebuild() -> SiteBuilder.Report { SiteBuilder(usesCache: true).build(request(output: rebuiltOutput)) }

    /// From nothing, without the cache.
    func fullBuild() -> SiteBuilder.Report {
        try? fileSystem.removeItem(fullOutput)
        return SiteBuilder(usesCache: false).build(request(output: fullOutput))
    }

    /// Files that differ between the two outputs (or are in only one).
    func differences() -> [String] {
        let rebuilt = Set((try? fileSystem.walkFiles(rebuiltOutput)) ?? [])
        let full = Set((try? fileSystem.walkFiles(fullOutput)) ?? [])
        var differing = rebuilt.symmetricDifference(full).sorted()
        for file in rebuilt.intersection(full).sorted()
        where (try? fileSystem.readFile(rebuiltOutput + "/" + file)) != (try? fileSystem.readFile(fullOutput + "/" + file)) {
            differing.append(file)
        }
        return differing
    }

    func read(_ file: String) throws -> String { String(decoding: try fileSystem.readFile(site + "/" + file), as: UTF8.self) }
    func write(_ file: String, _ text: String) throws { try fileSystem.writeFile(site + "/" + file, Array(text.utf8)) }
    func append(_ file: String, _ text: String) throws { try write(file, try read(file) + text) }

    /// The built page of a content file in the rebuilt output.
    func outputText(of file: String) throws -> String {
        let slug = Path.removingExtension(String(file.dropFirst("content/".count)))
        return String(decoding: try fileSystem.readFile("\(rebuiltOutput)/\(slug)/index.html"), as: UTF8.self)
    }

    /// Changes the text of a page (a post, a disclosure, a procedure, a fixed page), not its front
    /// matter; returns what it did.
    func randomBodyEdit(_ random: inout SplitMix64) throws -> String {
        let pages = ((try? fileSystem.walkFiles(site + "/content")) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasSuffix("_index.md") }.map { "content/" + $0 }
        let page = pages[random.below(pages.count)]
        switch random.below(4) {
        case 0:
            try append(page, "\n\nĐoạn bổ sung số \(random.below(1000)) với **chữ đậm** và `mã`.\n")
            return "paragraph in \(page)"
        case 1:
            let target = posts[random.below(posts.count)]
            try append(page, "\nXem thêm [bài viết](/\(Path.removingExtension(String(target.dropFirst("content/".count))))/).\n")
            return "link in \(page)"
        case 2:
            try append(page, "\n## Mục mới \(random.below(100))\n\n- ý một\n- ý hai\n")
            return "section in \(page)"
        default:
            let text = try read(page)
            try write(page, text.replacingOccurrences(of: "trường", with: "Trường"))
            return "words in \(page)"
        }
    }

    /// Changes the site the way its editors do; returns what it did.
    func randomEdit(_ random: inout SplitMix64) -> String {
        let post = posts[random.below(posts.count)]
        let text = (try? read(post)) ?? ""
        do {
            switch random.below(11) {
            case 0:
                try append(post, "\n\nĐoạn bổ sung số \(random.below(1000)).\n")
                return "body of \(post)"
            case 1:
                try write(post, text.replacingFirst("title: ", with: "title: Cập nhật – "))
                return "title of \(post)"
            case 2:
                let day = 1 + random.below(28)
                try write(post, text.replacingLine(startingWith: "date:", with: "date: 2026-0\(1 + random.below(9))-\(day < 10 ? "0" : "")\(day) 08:00"))
                return "date of \(post)"
            case 3:
                let tags = ["Thể thao", "the thao", "Học bổng", "Chuyên đề mới", "Y tế", "y-te", "Y Tế"].shuffled(using: &random).prefix(1 + random.below(2))
                try write(post, text.replacingLine(startingWith: "tags:", with: "tags: [\(tags.joined(separator: ", "))]"))
                return "tags of \(post)"
            case 4:
                newPostCount += 1
                let file = "content/tin-tuc/bai-moi-\(newPostCount)-\(random.below(1000)).md"
                let target = posts[random.below(posts.count)]
                try write(file, """
                    ---
                    title: Bài mới số \(newPostCount)
                    date: 2026-10-\(10 + random.below(18)) 09:00
                    summary: Một bài viết mới của nhà trường.
                    tags: [Tin mới]
                    ---
                    Nội dung bài mới, xem thêm [bài này](/\(Path.removingExtension(String(target.dropFirst("content/".count))))/).

                    """)
                posts.append(file)
                return "new \(file)"
            case 5:
                // Only posts this edit sequence added: others may be linked to.
                guard let added = posts.last(where: { $0.contains("bai-moi-") }) else { return "nothing" }
                try fileSystem.removeItem(site + "/" + added)
                posts.removeAll { $0 == added }
                return "removed \(added)"
            case 6:
                try write(post, text)
                return "touched \(post)"
            case 7:
                try append("content/tin-tuc/_index.md", "\nThêm một dòng giới thiệu.\n")
                return "section intro"
            case 8:
                let summary = "Tóm tắt mới \(random.below(1000))."
                try write(post, text.replacingLine(startingWith: "summary:", with: "summary: \(summary)"))
                return "summary of \(post)"
            case 9:
                try fileSystem.writeFile(site + "/static/tai-lieu/them-\(random.below(5)).txt", Array("tệp \(random.below(100))".utf8))
                return "static file"
            default:
                let config = try read("site.yaml")
                try write("site.yaml", config.replacingLine(startingWith: "page_size:", with: "page_size: \(5 + random.below(8))"))
                return "page_size"
            }
        } catch {
            return "failed: \(error)"
        }
    }
}

extension String {
    fileprivate func replacingFirst(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { return self }
        return replacingCharacters(in: range, with: new)
    }

    /// Replaces the first line that starts with `prefix`; adds the line after `---` when there is none.
    fileprivate func replacingLine(startingWith prefix: String, with line: String) -> String {
        var lines = components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix(prefix) }) {
            lines[index] = line
        } else {
            lines.insert(line, at: 1)
        }
        return lines.joined(separator: "\n")
    }
}
