import Testing

@testable import EduSite

@Suite struct YAMLDecoderTests {
    static let siteYAML = """
        name: Trường THPT Nguyễn Văn Cừ
        short_name: THPT Nguyễn Văn Cừ
        unit: thpt
        founded: 1975
        base_url: https://thptnguyenvancu.hcm.edu.vn
        contact:
          address: Số 1 Lê Lợi, Phường Bến Thành, TP. Hồ Chí Minh
          landline: 028 3855 1234
          email: c3nguyenvancu@hcm.edu.vn
        feedback:
          email: gopy@thptnguyenvancu.edu.vn
        upstream_feeds:
          - id: tin-tuc
            title: Tin tức
            url: https://hcm.edu.vn/rss/tin-tuc
          - id: thong-bao
            title: Thông báo
            url: https://hcm.edu.vn/rss/thong-bao
            limit: 5
        params:
          motto: Học để làm người
          social:
            facebook: https://facebook.com/thptnvc
            years: [2023, 2024]
          show_map: true

        """

    /// The site.yaml above with line `line` (1-based) replaced.
    static func site(replacing line: Int, with text: String) -> String {
        var lines = siteYAML.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }

    @Test func decodesRealisticSiteConfig() throws {
        let config = try YAMLTest.decode(SiteConfig.self, Self.siteYAML)
        #expect(config.name == "Trường THPT Nguyễn Văn Cừ")
        #expect(config.unit == .thpt)
        #expect(config.founded == 1975)
        #expect(config.baseURL == "https://thptnguyenvancu.hcm.edu.vn/")
        #expect(config.contact.landline == "028 3855 1234")
        #expect(config.feedback?.email == "gopy@thptnguyenvancu.edu.vn")
        #expect(config.upstreamFeeds.map(\.id) == ["tin-tuc", "thong-bao"])
        #expect(config.upstreamFeeds[1].limit == 5)
        #expect(config.pageSize == SiteConfig.defaults.pageSize)
        #expect(config.params["motto"] == .string("Học để làm người"))
        #expect(config.params["show_map"] == .bool(true))
        #expect(
            config.params["social"]
                == .object(["facebook": .string("https://facebook.com/thptnvc"), "years": .array([.int(2023), .int(2024)])]))
    }

    @Test func typoedKeysAreAllReportedWithHints() {
        var text = Self.site(replacing: 2, with: "shortname: THPT Nguyễn Văn Cừ")
        text = text.replacingLine(9, with: "  email: c3nguyenvancu@hcm.edu.vn\n  hotlien: 1900 1234")
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.decode(SiteConfig.self, text) }
        #expect(YAMLTest.summary(errors) == ["E002@2:1", "E002@10:3"])
        #expect(errors[0].message.en == "unknown key `shortname` at the top level")
        #expect(errors[0].hint?.en.hasPrefix("did you mean `short_name`?") == true)
        #expect(errors[0].hint?.en.contains("`base_url`") == true)
        #expect(errors[1].message.en == "unknown key `hotlien` in `contact`")
        #expect(errors[1].hint?.en.hasPrefix("did you mean `hotline`?") == true)
    }

    @Test func unknownKeyInsideListItemInFrontMatter() {
        let errors = YAMLTest.diagnostics {
            _ = try YAMLTest.decode(SiteConfig.self, Self.site(replacing: 19, with: "    limt: 5"), firstLine: 2)
        }
        #expect(YAMLTest.summary(errors) == ["E002@20:5"])
        #expect(errors.first?.message.en == "unknown key `limt` in `upstream_feeds[2]`")
        #expect(errors.first?.hint?.en.hasPrefix("did you mean `limit`?") == true)
    }

    @Test func missingKeyIsReportedAtItsParentKey() {
        let errors = YAMLTest.diagnostics {
            _ = try YAMLTest.decode(SiteConfig.self, Self.site(replacing: 8, with: "  landlin: 028 3855 1234"))
        }
        #expect(YAMLTest.summary(errors) == ["E004@6:1"])
        #expect(errors.first?.message.en == "missing required key `landline` inside `contact`")
        #expect(errors.first?.hint?.en.contains("`landlin` (line 8)") == true)
    }

    @Test func missingKeyInListItemIsReportedAtTheItem() {
        let errors = YAMLTest.diagnostics {
            _ = try YAMLTest.decode(SiteConfig.self, Self.site(replacing: 17, with: "    note: x"), firstLine: 2)
        }
        #expect(YAMLTest.summary(errors) == ["E004@17:5"])
    }

    @Test(arguments: [
        // (line to replace, replacement, expected, message fragment)
        (4, "sections: tin-tuc", "E003@4:11", "expected a list (lines starting with '- '), found text (`tin-tuc`)"),
        (4, "founded: năm 1975", "E003@4:10", "expected a whole number, found text (`năm 1975`)"),
        (4, "founded: \"1975\"", "E003@4:10", "remove them"),
        (11, "  - gopy@thptnguyenvancu.edu.vn", "E003@11:3", "expected a group of `key: value` lines, found a list"),
        (1, "name:", "E003@1:6", "expected text, found nothing"),
        (5, "base_url: thptnguyenvancu.hcm.edu.vn", "E005@5:11", "is not a web address"),
        (18, "    url: ftp://hcm.edu.vn/rss", "E005@18:10", "is not a web address"),
        (19, "    limit: 0", "E005@19:12", "greater than 0"),
        (3, "unit: thpt2", "E005@3:7", "did you mean `thpt`?"),
        (11, "  mail: a@b.vn", "E005@10:1", "`feedback` needs at least one of"),
    ])
    func valueErrorsAreLocated(line: Int, replacement: String, expected: String, fragment: String) {
        let errors = YAMLTest.diagnostics {
            _ = try YAMLTest.decode(SiteConfig.self, Self.site(replacing: line, with: replacement))
        }
        #expect(YAMLTest.summary(errors) == [expected])
        #expect(errors.first?.message.en.contains(fragment) == true, "\(errors)")
    }

    struct Person: Decodable, Equatable {
        var name: String
        var role: String
        var phone: String?
        var order: Int?
    }

    struct People: Decodable {
        var title: String
        var people: [Person]
    }

    @Test func nestedListsOfMappingsInFrontMatter() throws {
        let text = """
            title: Ban giám hiệu
            people:
              - name: Nguyễn Văn A
                role: Hiệu trưởng
                phone: 0909123456
              - name: Trần Thị B
                role: Phó hiệu trưởng
                order: 2
            """
        let page = try YAMLTest.decode(People.self, text, firstLine: 2)
        #expect(page.people[0].phone == "0909123456")
        #expect(page.people[1] == Person(name: "Trần Thị B", role: "Phó hiệu trưởng", phone: nil, order: 2))

        let wrongType = text.replacingLine(8, with: "    order: [2]")
        #expect(YAMLTest.summary(YAMLTest.diagnostics { _ = try YAMLTest.decode(People.self, wrongType, firstLine: 2) }) == ["E003@9:12"])
        let unknown = text.replacingLine(8, with: "    emial: b@x.vn")
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.decode(People.self, unknown, firstLine: 2) }
        #expect(YAMLTest.summary(errors) == ["E002@9:5"])
        #expect(errors.first?.message.en == "unknown key `emial` in `people[2]`")
    }

    struct Scalars: Decodable {
        var flag: Bool
        var small: Int8
        var unsigned: UInt16
        var big: Int64
        var hex: Int
        var ratio: Double
        var single: Float
        var year: String
        var yes: String
        var none: String?
        var infinite: Double
    }

    @Test func scalarResolution() throws {
        let value = try YAMLTest.decode(
            Scalars.self,
            """
            flag: TRUE
            small: -128
            unsigned: 65535
            big: 9223372036854775807
            hex: 0x1F
            ratio: 1.5e3
            single: 0.25
            year: 2025
            yes: yes
            none: ~
            infinite: -.inf
            """)
        #expect(value.flag && value.small == -128 && value.unsigned == 65535 && value.big == .max && value.hex == 31)
        #expect(value.ratio == 1500 && value.single == 0.25 && value.year == "2025" && value.yes == "yes")
        #expect(value.none == nil && value.infinite == -.infinity)
    }

    @Test(arguments: [
        ("yes", "Bool"), ("on", "Bool"), ("\"true\"", "Bool"), ("'false'", "Bool"), ("300", "Int8"), ("-1", "UInt"),
        ("1.5", "Int"), ("\"12\"", "Int"), ("'1.5'", "Double"), ("nan", "Double"), ("[1]", "String"), ("{a: 1}", "Int"),
    ])
    func scalarTypeErrors(value: String, type: String) {
        struct B: Decodable { var v: Bool }
        struct I8: Decodable { var v: Int8 }
        struct U: Decodable { var v: UInt }
        struct I: Decodable { var v: Int }
        struct D: Decodable { var v: Double }
        struct S: Decodable { var v: String }
        let text = "v: \(value)"
        let errors = YAMLTest.diagnostics {
            switch type {
            case "Bool": _ = try YAMLTest.decode(B.self, text)
            case "Int8": _ = try YAMLTest.decode(I8.self, text)
            case "UInt": _ = try YAMLTest.decode(U.self, text)
            case "Int": _ = try YAMLTest.decode(I.self, text)
            case "Double": _ = try YAMLTest.decode(D.self, text)
            default: _ = try YAMLTest.decode(S.self, text)
            }
        }
        #expect(YAMLTest.summary(errors) == ["E003@1:4"])
    }

    @Test func paramsDecodeAsNestedYAMLValues() throws {
        struct Page: Decodable { var params: [String: YAMLValue] }
        let page = try YAMLTest.decode(
            Page.self,
            """
            params:
              banner:
                image: /img/a.jpg
                links: [{title: A, url: /a/}, 3, 1.5, false, ~, "01"]
              empty:
            """)
        #expect(page.params["empty"] == .null)
        #expect(
            page.params["banner"]
                == .object([
                    "image": .string("/img/a.jpg"),
                    "links": .array([
                        .object(["title": .string("A"), "url": .string("/a/")]), .int(3), .double(1.5), .bool(false), .null,
                        .string("01"),
                    ]),
                ]))
    }

    /// Keys asked through several containers on one mapping (hand-written Codable) all count.
    struct HandWritten: Decodable {
        var a: Int
        var b: String
        var inner: Int

        enum First: String, CodingKey { case a, nested }
        enum Second: String, CodingKey { case b, c }
        enum Inner: String, CodingKey { case x }

        init(from decoder: any Decoder) throws {
            let first = try decoder.container(keyedBy: First.self)
            a = try first.decode(Int.self, forKey: .a)
            inner = try first.nestedContainer(keyedBy: Inner.self, forKey: .nested).decode(Int.self, forKey: .x)
            let second = try decoder.container(keyedBy: Second.self)
            b = try second.decode(String.self, forKey: .b)
            _ = second.contains(.c)
        }
    }

    @Test func unknownKeysUnionOverContainers() throws {
        let value = try YAMLTest.decode(HandWritten.self, "a: 1\nb: x\nc: 2\nnested: {x: 3}\n")
        #expect(value.a == 1 && value.b == "x" && value.inner == 3)
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.decode(HandWritten.self, "a: 1\nb: x\nd: 2\nnested: {x: 3, y: 4}\n") }
        #expect(YAMLTest.summary(errors) == ["E002@3:1", "E002@4:16"])
        #expect(errors[0].hint?.en.contains("`a`, `nested`, `b`, `c`") == true)
    }

    @Test func unkeyedAndSingleValueContainers() throws {
        struct Pair: Decodable {
            var left: Int
            var right: [String]
            init(from decoder: any Decoder) throws {
                var list = try decoder.unkeyedContainer()
                #expect(list.count == 3)
                #expect(try list.decodeNil() == false)
                left = try list.decode(Int.self)
                var nested = try list.nestedUnkeyedContainer()
                right = []
                while !nested.isAtEnd { right.append(try nested.decode(String.self)) }
                #expect(try list.decodeNil())
                #expect(list.isAtEnd)
            }
        }
        let pair = try YAMLTest.decode(Pair.self, "- 7\n- [x, 'y']\n- ~\n")
        #expect(pair.left == 7 && pair.right == ["x", "y"])
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.decode([Int].self, "- 1\n- 2\n- drei\n") }
        #expect(YAMLTest.summary(errors) == ["E003@3:3"])
        #expect(try YAMLTest.decode([String: Int].self, "x: 1\ny: 2\n") == ["x": 1, "y": 2])
    }

    @Test func contentDateErrorsAreInvalidValues() {
        struct Post: Decodable { var date: DateTimeValue }
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.decode(Post.self, "date: 31/02/2025\n", firstLine: 2) }
        #expect(YAMLTest.summary(errors) == ["E005@2:7"])
        #expect(errors.first?.message.en.contains("is not a date") == true)
    }
}

extension String {
    /// This text with line `line` (1-based) replaced.
    fileprivate func replacingLine(_ line: Int, with text: String) -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[line - 1] = text
        return lines.joined(separator: "\n")
    }
}
