import Testing

@testable import EduSite

/// A tag slug has one label on the whole site: the first spelling with diacritics, by page path.
@Suite struct TagLabelTests {
    /// Three spellings of one tag; by path, `a` comes first but has no diacritics, so `b`'s wins.
    static func threeSpellings(b: String = "Y tế", c: String = "Y Tế") -> Fixture {
        Sites.basic {
            Dir("content") {
                Dir("tin-tuc") {
                    File("a-kham-suc-khoe.md", Sites.post("Khám sức khỏe", date: "2026-09-10", extra: "tags: [y-te]\n"))
                    File("b-tiem-chung.md", Sites.post("Tiêm chủng", date: "2026-09-12", extra: "tags: [\(b)]\n"))
                    File("c-phong-dich.md", Sites.post("Phòng dịch", date: "2026-09-14", extra: "tags: [\(c), Sự kiện]\n"))
                }
            }
        }
    }

    @Test func everyPlaceShowsTheOneLabel() throws {
        let (report, tree) = BuildPipelineTests.build(Self.threeSpellings())
        #expect(report.succeeded, "\(report.diagnostics)")
        let published = tree.files.filter { $0.key.hasPrefix("/site/public/") && !$0.key.hasSuffix(".css") }
        let link = "<a class=\"tag\" href=\"/chu-de/y-te/\">Y tế</a>"
        for post in ["a-kham-suc-khoe", "b-tiem-chung", "c-phong-dich"] {
            let page = try #require(tree.contents(of: "/site/public/tin-tuc/\(post)/index.html"))
            #expect(page.contains(link), "\(post)")
        }
        let tagPage = try #require(tree.contents(of: "/site/public/chu-de/y-te/index.html"))
        #expect(tagPage.contains("<title>Chủ đề: Y tế"))
        let tagIndex = try #require(tree.contents(of: "/site/public/chu-de/index.html"))
        #expect(tagIndex.contains(">Y tế</a>"))
        let rss = try #require(tree.contents(of: "/site/public/rss.xml"))
        #expect(rss.components(separatedBy: "<category>Y tế</category>").count == 4)
        let atom = try #require(tree.contents(of: "/site/public/tin-tuc/atom.xml"))
        #expect(atom.components(separatedBy: "<category term=\"Y tế\"/>").count == 4)
        // The other spellings appear nowhere (titles aside, none of the pages says them).
        for (path, bytes) in published {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("Y Tế") && !text.contains(">y-te<") && !text.contains("Chủ đề: y-te"), "\(path)")
        }
    }

    @Test func theChoiceIsTheFirstAccentedSpellingByPath() throws {
        func label(b: String, c: String) throws -> String? {
            let (_, tree) = BuildPipelineTests.build(Self.threeSpellings(b: b, c: c))
            let tagPage = try #require(tree.contents(of: "/site/public/chu-de/y-te/index.html"))
            return tagPage.firstMatch(of: /<title>Chủ đề: ([^<–]*?) [–|-]/).map { String($0.1) }
        }
        #expect(try label(b: "Y tế", c: "Y Tế") == "Y tế")
        #expect(try label(b: "Y Tế", c: "Y tế") == "Y Tế")
        // No spelling with diacritics: the first one by path.
        #expect(try label(b: "Y-Te", c: "Y te") == "y-te")
    }
}
