import Testing

@testable import EduSite

/// Each kind of bad input gets one clear finding at file:line:col, the build fails, and the
/// previous output is left exactly as it was.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let path: String
        let text: [UInt8]
        let code: DiagnosticCode
        let location: SourceLocation?
        var description: String { name }

        init(_ name: String, _ path: String, _ text: String, _ code: DiagnosticCode, _ location: SourceLocation?) {
            self.init(name, path, bytes: Array(text.utf8), code, location)
        }

        init(_ name: String, _ path: String, bytes: [UInt8], _ code: DiagnosticCode, _ location: SourceLocation?) {
            self.name = name
            self.path = path
            self.text = bytes
            self.code = code
            self.location = location
        }
    }

    static let cases: [Case] = [
        Case(
            "malformed YAML", "content/tin-tuc/a.md", "---\ntitle: Bài: viết\ndate: 2026-09-01\n---\nx\n", .yamlMalformed,
            SourceLocation(path: "content/tin-tuc/a.md", line: 2, column: 11)),
        Case(
            "unknown key", "content/tin-tuc/a.md", "---\ntitle: A\ndate: 2026-09-01\ntittle: B\n---\nx\n", .yamlUnknownKey,
            SourceLocation(path: "content/tin-tuc/a.md", line: 4, column: 1)),
        Case(
            "wrong type", "content/tin-tuc/a.md", "---\ntitle: A\ndate: 2026-09-01\ntags: Y tế\n---\nx\n", .yamlWrongType,
            SourceLocation(path: "content/tin-tuc/a.md", line: 4, column: 7)),
        Case(
            "bad date", "content/tin-tuc/a.md", "---\ntitle: A\ndate: 2026-13-45\n---\nx\n", .yamlInvalidValue,
            SourceLocation(path: "content/tin-tuc/a.md", line: 3, column: 7)),
        Case(
            "missing front matter end", "content/tin-tuc/a.md", "---\ntitle: A\ndate: 2026-09-01\nx\n", .frontMatterNotClosed,
            SourceLocation(path: "content/tin-tuc/a.md", line: 1, column: 1)),
        Case(
            "attachment that does not exist", "content/gioi-thieu.md",
            "---\ntitle: A\nattachments:\n  - file: /tai-lieu/khong-co.pdf\n    title: X\n---\nx\n", .missingFile,
            SourceLocation(path: "content/gioi-thieu.md", line: 4, column: 11)),
        Case(
            "image that does not exist", "content/gioi-thieu.md", "---\ntitle: A\n---\nxin chào\n\n![Ảnh](anh.png)\n",
            .missingFile, SourceLocation(path: "content/gioi-thieu.md", line: 6, column: 1)),
        Case(
            "attachment leaving the site", "content/gioi-thieu.md",
            "---\ntitle: A\nattachments:\n  - file: ../../etc/passwd\n---\nx\n", .pathLeavesSite,
            SourceLocation(path: "content/gioi-thieu.md", line: 4, column: 11)),
        Case(
            "two pages with the same URL", "content/tin-tuc/khai-giang-2.md",
            "---\ntitle: A\ndate: 2026-09-01\nslug: khai-giang\n---\nx\n", .pathCollision,
            SourceLocation(path: "content/tin-tuc/khai-giang-2.md", line: 1, column: 1)),
        Case(
            "non-UTF-8 file", "content/gioi-thieu.md",
            bytes: Array("---\ntitle: A\n---\nTr".utf8) + [0xEF, 0x72, 0x0A], .yamlNotUTF8,
            SourceLocation(path: "content/gioi-thieu.md", line: 4, column: 3)),
        Case("empty site.yaml", "site.yaml", "", .emptySiteConfig, SourceLocation(path: "site.yaml", line: 1, column: 1)),
        Case(
            "broken internal link", "content/gioi-thieu.md", "---\ntitle: A\n---\nXem [tin](/tin-tuc/khong-co/).\n",
            .brokenLink, SourceLocation(path: "content/gioi-thieu.md", line: 4, column: 5)),
        Case(
            "school year folder", "content/cong-khai/nam-nay/a.md", "---\ntitle: A\ndisclosure: x\n---\n",
            .badSchoolYearFolder, SourceLocation(path: "content/cong-khai/nam-nay/a.md", line: 1, column: 1)),
        Case(
            "template that does not parse", "layouts/page.mustache", "{{<base}}\n{{$main}}\n{{#page}}<p>{{title}}\n{{/main}}\n{{/base}}\n",
            .templateSyntax, SourceLocation(path: "layouts/page.mustache", line: 4, column: 4)),
        Case(
            "template that includes a missing partial", "layouts/page.mustache",
            "{{<base}}\n{{$main}}\n<p>Trang</p>  {{> partials/khong-co }}\n{{/main}}\n{{/base}}\n",
            .missingPartial, SourceLocation(path: "layouts/page.mustache", line: 3, column: 15)),
        Case(
            "post without date", "content/tin-tuc/a.md", "---\ntitle: A\n---\nx\n", .missingDate,
            SourceLocation(path: "content/tin-tuc/a.md", line: 2, column: 1)),
        // Nesting that ended the process with signal 11 (exit 139) before the limit of 64 levels.
        Case(
            "deep list in front matter", "content/tin-tuc/a.md", "---\ntitle: A\ndate: 2026-09-01\ntags: "
                + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000) + "\n---\nx\n",
            .yamlTooDeep, SourceLocation(path: "content/tin-tuc/a.md", line: 4, column: 7 + 63)),
        Case(
            "deep groups in site.yaml", "site.yaml",
            Sites.siteYAML + "params: " + String(repeating: "{a: ", count: 25_000) + String(repeating: "}", count: 25_000) + "\n",
            .yamlTooDeep, SourceLocation(path: "site.yaml", line: 11, column: 9 + 63 * 4)),
        Case(
            "deep list items in front matter", "content/gioi-thieu.md",
            "---\ntitle: A\nparams:\n" + String(repeating: "- ", count: 5_000) + "x\n---\nx\n",
            .yamlTooDeep, SourceLocation(path: "content/gioi-thieu.md", line: 4, column: 1 + 63 * 2)),
        Case(
            "partial that includes itself", "layouts/partials/vong.mustache", "<p>{{> partials/vong}}</p>\n",
            .partialCycle, SourceLocation(path: "layouts/partials/vong.mustache", line: 1, column: 4)),
        Case(
            "sections nested 100,000 deep", "layouts/partials/sau.mustache",
            String(repeating: "{{#a}}", count: 100_000) + String(repeating: "{{/a}}", count: 100_000),
            .templateSyntax, SourceLocation(path: "layouts/partials/sau.mustache", line: 1, column: 601)),
    ]

    @Test(arguments: cases)
    func badInputFailsWithOneLocatedFinding(_ bad: Case) throws {
        // First a good build, so there is previous output to protect.
        let (fileSystem, tree) = Sites.basic().fileSystem()
        let builder = SiteBuilder(fileSystem: fileSystem)
        let request = SiteBuilder.Request(
            siteRoot: "/site", options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: Fixture.themeSearchPaths),
            compliance: .off)
        #expect(builder.build(request).succeeded)
        let before = tree.files.filter { $0.key.hasPrefix("/site/public/") }

        try fileSystem.writeFile("/site/" + bad.path, bad.text)
        let report = builder.build(request)

        #expect(!report.succeeded)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [bad.code], "\(report.diagnostics)")
        #expect(errors.first?.location == bad.location, "\(report.diagnostics)")
        // Type and value errors say what to write in the message itself; the others add a hint.
        if ![DiagnosticCode.yamlWrongType, .yamlInvalidValue].contains(bad.code) {
            #expect(errors.first?.hint != nil)
        }
        #expect(tree.files.filter { $0.key.hasPrefix("/site/public/") } == before)
        #expect(!tree.files.keys.contains { $0.contains("/staging/") })
    }
}
