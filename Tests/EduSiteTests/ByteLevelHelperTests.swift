import Foundation
import Testing

@testable import EduSite

/// The byte-level helpers of `Support/` against the Character-level or Foundation code they replace.
@Suite struct ByteLevelHelperTests {
    static let pieces = [
        "/", "/", "//", ".", "..", "a", "tin-tuc", "x.pdf", " ", "\u{0301}", "\u{0323}\u{0302}", "é", "e\u{0301}",
        "tài-liệu", "đ", "Đ", "\u{0600}", "\r\n", "_index.md", "-", "Ø", "\u{1F600}", "ạ",
    ]

    static func corpus(count: Int, seed: UInt64) -> [String] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int(generator.next() % 7)
            return (0..<length).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
        }
    }

    @Test(arguments: [
        ("", ""), ("/", "/"), ("a", "a"), ("/a/b", "/a/b"), ("/a/b/", "/a/b"), ("a//b", "a/b"), ("//a", "/a"),
        ("./a", "a"), ("a/./b/..", "a"), ("/a/../..", nil), ("..", nil), (".", ""), ("/..", nil),
        ("content/tin-tuc/../../static/x.pdf", "static/x.pdf"), ("/tài-liệu/./báo-cáo.pdf", "/tài-liệu/báo-cáo.pdf"),
    ] as [(String, String?)])
    func normalize(path: String, expected: String?) {
        #expect(Path.normalize(path) == expected)
        #expect(Path.normalizeByCharacters(path) == expected)
    }

    @Test func normalizeAgreesWithCharacters() {
        for path in Self.corpus(count: 20_000, seed: 1) {
            let fast = Path.normalize(path)
            let general = Path.normalizeByCharacters(path)
            // Same bytes, not only canonically equal strings.
            #expect(fast.map { Array($0.utf8) } == general.map { Array($0.utf8) }, "\(Array(path.unicodeScalars))")
        }
    }

    @Test func partsAgreeWithSplit() {
        for path in Self.corpus(count: 20_000, seed: 2) {
            let parts = Path.parts(path).map { Array($0.utf8) }
            let split = path.split(separator: "/").map { Array($0.utf8) }
            #expect(parts == split, "\(Array(path.unicodeScalars))")
        }
        #expect(Path.parts("/\u{0301}a/b") == ["/\u{0301}a", "b"])  // a `/` fused with a mark is no separator
    }

    @Test func pathPiecesAgreeWithTheUTF8ViewVersions() {
        for path in Self.corpus(count: 20_000, seed: 6) + ["", "/", "a/", "/a", "a.B/c.PDF", ".x", "x.", "/.a.b"] {
            let utf8 = path.utf8
            let slash = utf8.lastIndex(of: UInt8(ascii: "/"))
            let parent = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? ""
            let last = slash.map { String(path[utf8.index(after: $0)...]) } ?? path
            let nameStart = slash.map { utf8.index(after: $0) } ?? utf8.startIndex
            var ext = ""
            if let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart {
                let text = path[utf8.index(after: dot)...]
                ext = text.utf8.allSatisfy({ !(65...90).contains($0) }) ? String(text) : text.lowercased()
            }
            #expect(Array(Path.parent(path).utf8) == Array(parent.utf8), "\(Array(path.unicodeScalars))")
            #expect(Array(Path.lastComponent(path).utf8) == Array(last.utf8), "\(Array(path.unicodeScalars))")
            #expect(Array(Path.fileExtension(path).utf8) == Array(ext.utf8), "\(Array(path.unicodeScalars))")
        }
    }

    @Test func byteSearchAgreesWithFirstRange() {
        let haystacks: [[UInt8]] = [[], Array("TODO".utf8), Array("<p>TOD</p>".utf8), Array("xxTODOyy".utf8),
            Array("TTTODO".utf8), Array("TOD".utf8), Array("Số liệu: TODO".utf8), Array("todo TODo".utf8)]
        let needles: [[UInt8]] = [[], Array("TODO".utf8), Array("T".utf8), Array("Số".utf8), Array("yy".utf8)]
        for haystack in haystacks {
            for needle in needles {
                #expect(ByteSearch.contains(haystack, needle) == (haystack.firstRange(of: needle) != nil))
            }
        }
    }

    @Test func slugAgreesWithTheScalarVersion() {
        for text in Self.corpus(count: 20_000, seed: 4) + ["Đơn xin nghỉ học", "ỹ ỸẠ Ø ÿ", "ǅ ʼn", "\u{1EFA}"] {
            #expect(Slug.make(text) == Self.scalarSlug(text), "\(Array(text.unicodeScalars))")
            #expect(Slug.make(Substring(text)) == Slug.make(text))
        }
    }

    @Test func byteOrderAgreesWithUTF8Comparison() {
        let names = Self.corpus(count: 400, seed: 5)
        for a in names {
            for b in names.prefix(50) {
                #expect(FileSystem.precedesInByteOrder(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8))
            }
        }
    }

    /// `Slug.make` as first written, on Unicode scalars with a dictionary of base letters.
    static func scalarSlug(_ text: String) -> String {
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậäåāÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅĀ"), ("e", "èéẻẽẹêềếểễệëēÈÉẺẼẸÊỀẾỂỄỆËĒ"),
            ("i", "ìíỉĩịïīÌÍỈĨỊÏĪ"), ("o", "òóỏõọôồốổỗộơờớởỡợöøōÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖØŌ"),
            ("u", "ùúủũụưừứửữựüūÙÚỦŨỤƯỪỨỬỮỰÜŪ"), ("y", "ỳýỷỹỵÿỲÝỶỸỴŸ"), ("d", "đĐ"), ("c", "çÇ"), ("n", "ñÑ"),
        ]
        var latinBase: [UInt32: Unicode.Scalar] = [:]
        for (base, letters) in groups { for scalar in letters.unicodeScalars { latinBase[scalar.value] = base } }
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let mapped: Unicode.Scalar?
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                mapped = scalar
            } else if (0x41...0x5A).contains(value) {
                mapped = Unicode.Scalar(value + 32)
            } else if value < 0x80 {
                mapped = nil
            } else if (0x300...0x36F).contains(value) {
                continue
            } else {
                mapped = latinBase[value]
            }
            if let mapped {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(mapped)
            } else {
                pendingDash = true
            }
        }
        return String(out)
    }
}
