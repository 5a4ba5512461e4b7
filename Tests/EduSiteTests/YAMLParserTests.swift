import Testing

@testable import EduSite

@Suite struct YAMLParserTests {
    @Test func buildsTreeWithFileLocations() throws {
        let text = """
            name: Trường THPT Nguyễn Văn Cừ
            contact:
              landline: "028 3855 1234"
            feeds:
              - id: tin-tuc
                title: Tin tức
              - |
                literal
            """
        let node = try #require(try YAMLTest.parse(text, firstLine: 2))
        #expect(node.location == SourceLocation(path: "site.yaml", line: 2, column: 1))
        #expect(node["name"]?.scalar == YAMLScalar("Trường THPT Nguyễn Văn Cừ"))
        let landline = try #require(node["contact"]?["landline"])
        #expect(landline.scalar?.style == .doubleQuoted)
        #expect(landline.location == SourceLocation(path: "site.yaml", line: 4, column: 13))
        let feeds = try #require(node["feeds"]?.items)
        #expect(feeds.count == 2)
        #expect(feeds[0].location.line == 6 && feeds[0].location.column == 5)
        #expect(feeds[0]["title"]?.location == SourceLocation(path: "site.yaml", line: 7, column: 12))
        #expect(feeds[1].scalar == YAMLScalar("literal", style: .literal))
        #expect(node.location(ofKeyPath: ["contact", "landline"]) == SourceLocation(path: "site.yaml", line: 4, column: 3))
        #expect(node.location(ofKeyPath: ["contact", "email"]) == SourceLocation(path: "site.yaml", line: 3, column: 1))
        #expect(node.location(ofKeyPath: ["nothing"]) == node.location)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "địa chỉ" is 7 characters but 11 bytes: the value starts at character column 10.
        let node = try #require(try YAMLTest.parse("tên: Nguyễn\nđịa chỉ: Số 1 Lê Lợi\n"))
        #expect(node["địa chỉ"]?.location == SourceLocation(path: "site.yaml", line: 2, column: 10))
        // The second `: ` on a line with Vietnamese text is reported at its character column.
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.parse("tiêu đề: Thông báo: lịch thi\n") }
        #expect(YAMLTest.summary(errors) == ["E001@1:19"])
        #expect(errors.first?.hint?.en.contains("quotes") == true)
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try YAMLTest.parse("") == nil)
        #expect(try YAMLTest.parse("# only a comment\n\n") == nil)
        #expect(try YAMLTest.parse("~") != nil)
    }

    @Test func anchorsAreCopied() throws {
        let node = try #require(try YAMLTest.parse("base: &b {x: 1}\ncopy: *b\n"))
        #expect(node["copy"]?["x"]?.scalar?.value == "1")
        #expect(node["copy"]?.location == SourceLocation(path: "site.yaml", line: 2, column: 7))
    }

    @Test(arguments: [
        // (input, expected "code@line:col"), firstLine = 1
        ("title: \"unclosed\nnext: 1\n", "E001@1:8"),
        ("a: 1\n\tb: 2\n", "E001@2:1"),
        ("a:\n\t- b\n", "E001@2:1"),
        ("a: 1\n  b: 2\n", "E001@2:4"),
        ("a:\n  b: 1\n c: 2\n", "E001@3:2"),
        ("a: 1\nfoo\nb: 2\n", "E001@2:1"),
        ("key: - a\n", "E001@1:6"),
        ("a: @x\n", "E001@1:4"),
        ("a: \"C:\\q\"\n", "E001@1:7"),
        ("a: [1, 2\nb: 3\n", "E001@1:4"),
        ("title: \"a\" b\n", "E001@1:12"),
        ("- a\nb: 1\n", "E001@2:1"),
        ("a: 1\u{07}\n", "E001@1:5"),
        ("a: 1\n---\nb: 2\n", "E011@2:1"),
        ("a: *nowhere\n", "E009@1:4"),
        ("a: 1\nb: 2\na: 3\n", "E006@3:1"),
    ])
    func malformedInputIsLocated(input: String, expected: String) {
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.parse(input) }
        #expect(YAMLTest.summary(errors) == [expected])
        #expect(errors.allSatisfy { $0.hint != nil })
    }

    @Test func errorsInFrontMatterUseFileLines() {
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.parse("title: ok\ntags:\n\t- a\n", firstLine: 2) }
        #expect(YAMLTest.summary(errors) == ["E001@4:1"])
        #expect(errors.first?.hint?.en.contains("spaces") == true)
    }

    @Test func duplicateKeysNameBothLines() {
        let text = """
            people:
              - name: A
                role: x
                name: B
            """
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.parse(text, firstLine: 2) }
        #expect(YAMLTest.summary(errors) == ["E006@5:5"])
        #expect(errors.first?.message.en.contains("line 3") == true)
        #expect(errors.first?.message.en.contains("line 5") == true)
        #expect(errors.first?.related == [SourceLocation(path: "site.yaml", line: 3, column: 5)])
    }

    @Test func largeMappingDuplicateKeys() {
        var text = ""
        for i in 0..<40 { text += "k\(i): \(i)\n" }
        text += "k7: again\n"
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.parse(text) }
        #expect(YAMLTest.summary(errors) == ["E006@41:1"])
    }

    @Test func billionLaughsFailsFast() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [" + Array(repeating: previous, count: 9).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var errors: [Diagnostic] = []
        let elapsed = clock.measure { errors = YAMLTest.diagnostics { _ = try YAMLTest.parse(text) } }
        #expect(errors.map(\.code) == [.yamlTooManyAliases])
        #expect(errors.first?.location?.line == 6)
        #expect(elapsed < .seconds(1))
    }

    @Test func invalidUTF8IsLocatedAtFirstBadByte() {
        // "tên: Tr" then a Windows-1258 byte (0xD0) that is not UTF-8.
        var bytes = Array("a: 1\ntên: Tr".utf8)
        bytes.append(0xD0)
        bytes += Array("ng\n".utf8)
        let errors = YAMLTest.diagnostics { _ = try YAMLParser.parse(ArraySlice(bytes), path: "x.md", firstLine: 2) }
        #expect(YAMLTest.summary(errors) == ["E007@3:8"])
        #expect(errors.first?.location?.path == "x.md")
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE1, 0x80], [0x80], [0xFF],
    ])
    func utf8ValidationRejects(bad: [UInt8]) {
        #expect(UTF8Validation.firstInvalidByte(in: ArraySlice(Array("ok ".utf8) + bad)) == 3)
    }

    @Test func utf8ValidationAccepts() {
        #expect(UTF8Validation.firstInvalidByte(in: ArraySlice(Array("Đoàn TNCS Hồ Chí Minh 🎓 €".utf8))) == nil)
    }
}


/// Helpers shared by the YAML and front matter tests.
enum YAMLTest {
    static let path = "site.yaml"

    static func parse(_ text: String, firstLine: Int = 1) throws(DiagnosticError) -> YAMLNode? {
        try YAMLParser.parse(ArraySlice(Array(text.utf8)), path: path, firstLine: firstLine)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, firstLine: Int = 1) throws(DiagnosticError) -> T {
        guard let node = try parse(text, firstLine: firstLine) else {
            throw DiagnosticError(Diagnostic("E000", .error, Words(verbatim: "empty"), at: nil))
        }
        return try YAMLDecoder().decode(T.self, from: node)
    }

    /// The diagnostics a throwing call produced (empty when it succeeded).
    static func diagnostics(_ body: () throws -> Void) -> [Diagnostic] {
        do {
            try body()
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics
        } catch {
            return [Diagnostic("E999", .error, Words(verbatim: "not a DiagnosticError: \(error)"), at: nil)]
        }
    }

    /// `E003@4:12` for compact assertions on code and location.
    static func summary(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code)@\($0.location.map { "\($0.line):\($0.column)" } ?? "-")" }
    }
}
