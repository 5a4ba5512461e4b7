import Testing

@testable import EduSite

/// The edge cases of Zola's `components/content/src/front_matter/split.rs` (YAML rows), adapted to
/// EduSite's stricter rule that `---` opens on line 1 (Zola allows leading whitespace), plus CRLF,
/// BOM and empty front matter.
@Suite struct FrontMatterTests {
    enum Expected: Sendable, CustomStringConvertible {
        /// yaml, body, bodyFirstLine
        case split(String, String, Int)
        case noFrontMatter
        case notClosed

        var description: String {
            switch self {
            case .split(let yaml, let body, let line): "split(\(yaml.debugDescription), \(body.debugDescription), \(line))"
            case .noFrontMatter: "nil"
            case .notClosed: "E010"
            }
        }
    }

    static let cases: [(String, String, Expected)] = [
        ("yaml", "---\ntitle: Title\ndescription: hey there\ndate: 2002-10-12\n---\nHello\n",
         .split("title: Title\ndescription: hey there\ndate: 2002-10-12\n", "Hello\n", 6)),
        ("yaml section", "---\npaginate_by: 10\n---\nHello\n", .split("paginate_by: 10\n", "Hello\n", 4)),
        ("only front matter", "---\ntitle: Title\n---\n", .split("title: Title\n", "", 4)),
        ("yaml no newline", "---\ntitle: Title\n---", .split("title: Title\n", "", 4)),
        ("yaml with pluses in content", "---\ntitle: Title\n---\n+++", .split("title: Title\n", "+++", 4)),
        ("yaml with minuses in content", "---\ntitle: Title\n---\n---", .split("title: Title\n", "---", 4)),
        ("minuses later in body", "---\ntitle: Title\n---\nA\n\n---\nB\n", .split("title: Title\n", "A\n\n---\nB\n", 4)),
        ("yaml not closed", "---\ntitle: Title\ndate: 2002-10-12", .notClosed),
        ("yaml unmatched", "---\ntitle: Title\n+++", .notClosed),
        ("yaml too many dashes", "---\ntitle: Title\n----", .notClosed),
        ("too many dashes, closed later", "---\na: 1\n----\n---\nbody", .split("a: 1\n----\n", "body", 5)),
        ("only an opening line", "---", .notClosed),
        ("opening line then nothing", "---\n", .notClosed),
        ("empty front matter", "---\n---\nBody", .split("", "Body", 3)),
        ("trailing spaces on delimiters", "---  \ntitle: T\n--- \t\nBody", .split("title: T\n", "Body", 4)),
        ("crlf", "---\r\ntitle: T\r\n---\r\nBody\r\n", .split("title: T\r\n", "Body\r\n", 4)),
        ("bom", "\u{FEFF}---\ntitle: T\n---\nBody", .split("title: T\n", "Body", 4)),
        ("four dashes open nothing", "----\ntitle: T\n----\n", .noFrontMatter),
        ("leading blank line", "\n---\ntitle: T\n---\n", .noFrontMatter),
        ("leading space", " ---\ntitle: T\n---\n", .noFrontMatter),
        ("text after dashes", "--- title: T\n---\n", .noFrontMatter),
        ("no front matter", "# Hello\n", .noFrontMatter),
        ("empty file", "", .noFrontMatter),
        ("toml is not front matter", "+++\ntitle = \"T\"\n+++\n", .noFrontMatter),
        ("indented closing line is yaml", "---\na: |\n  ---\n---\nB", .split("a: |\n  ---\n", "B", 5)),
    ]

    @Test(arguments: cases)
    func zolaEdgeCases(name: String, input: String, expected: Expected) throws {
        let bytes = Array(input.utf8)
        switch expected {
        case .split(let yaml, let body, let bodyLine):
            let parts = try? FrontMatter.split(bytes, path: "a.md")
            #expect(parts.map { String(decoding: $0.yaml, as: UTF8.self) } == yaml, "\(name)")
            #expect(parts.map { String(decoding: $0.body, as: UTF8.self) } == body, "\(name)")
            #expect(parts?.yamlFirstLine == 2)
            #expect(parts?.bodyFirstLine == bodyLine, "\(name)")
        case .noFrontMatter:
            #expect(try FrontMatter.split(bytes, path: "a.md") == nil, "\(name)")
        case .notClosed:
            let errors = YAMLTest.diagnostics { _ = try FrontMatter.split(bytes, path: "a.md") }
            #expect(YAMLTest.summary(errors) == ["E010@1:1"], "\(name)")
            #expect(errors.first?.message.en == "the front matter that opens on line 1 is never closed")
            #expect(errors.first?.hint?.en == "add a line with only --- after the last key")
        }
    }

    @Test func frontMatterErrorsUseFileLines() throws {
        let file = Array("---\ntitle: Lễ khai giảng\ntags: [a, b\n---\nBody\n".utf8)
        let parts = try #require(try FrontMatter.split(file, path: "content/tin-tuc/a.md"))
        let errors = YAMLTest.diagnostics {
            _ = try YAMLParser.parse(parts.yaml, path: "content/tin-tuc/a.md", firstLine: parts.yamlFirstLine)
        }
        #expect(YAMLTest.summary(errors) == ["E001@3:7"])
        #expect(errors.first?.location?.path == "content/tin-tuc/a.md")
    }

    @Test func emptyFrontMatterParsesToNil() throws {
        let parts = try #require(try FrontMatter.split(Array("---\n---\nBody".utf8), path: "a.md"))
        #expect(try YAMLParser.parse(parts.yaml, path: "a.md", firstLine: parts.yamlFirstLine) == nil)
    }
}
