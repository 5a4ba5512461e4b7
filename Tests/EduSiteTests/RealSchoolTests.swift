import Testing

@testable import EduSite

/// Two school repositories written the way HCMC schools publish (`Fixtures/schools/`), built as of
/// 3 December 2026: each builds, and its findings are exactly the ones listed, with the reason, in
/// its `expected-findings.txt`. A new finding, a lost one, or one at another place fails the test.
@Suite struct RealSchoolTests {
    static let folder = "Tests/EduSiteTests/Fixtures/schools"
    static let date = DateTimeValue(year: 2026, month: 12, day: 3)
    static let schools = ["mn-hoa-sen", "thcs-nguyen-du"]

    /// `severity code place rule`, one line a finding; `#` starts the reason, kept beside each line.
    static func expectedFindings(_ school: String) throws -> [String] {
        let path = Path.join(ExampleSite.repository, "\(folder)/\(school)/expected-findings.txt")
        let text = String(decoding: try FileSystem.live.readFile(path), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            let finding = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            return finding.isEmpty ? nil : finding
        }
    }

    static func line(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location?.description ?? "-"
        return "\(diagnostic.severity) \(diagnostic.code) \(place) \(diagnostic.rule ?? "-")"
    }

    static func build(_ school: String) -> (SiteBuilder.Report, MemoryTree) {
        ExampleSite(folder: "\(folder)/\(school)").build(date: date)
    }

    @Test(arguments: schools)
    func buildsWithExactlyTheExpectedFindings(school: String) throws {
        let expected = try Self.expectedFindings(school)
        #expect(!expected.isEmpty, "the list is read, not vacuous")
        let (report, tree) = Self.build(school)
        #expect(!report.diagnostics.contains { $0.severity == .error }, "\(report.diagnostics)")
        #expect(tree.files.keys.contains("/site/public/index.html"))
        let found = report.diagnostics.map(Self.line)
        let missing = expected.filter { !found.contains($0) }
        let unexpected = found.filter { !expected.contains($0) }
        #expect(missing.isEmpty && unexpected.isEmpty, "missing: \(missing)\nunexpected: \(unexpected)")
    }

    /// The same repository declared a lower-secondary school is asked for the phúc khảo form: the
    /// kindergarten is spared it by its unit kind, not by luck.
    @Test func kindergartenIsNotAskedForWhatItCannotHave() throws {
        var school = ExampleSite(folder: "\(Self.folder)/mn-hoa-sen")
        func asksForPhucKhao() -> Bool {
            school.build(date: Self.date).0.diagnostics.contains {
                $0.severity == .error && $0.rule == "hcm-portal/bieu-mau" && $0.message.en.contains("phúc khảo")
            }
        }
        #expect(!asksForPhucKhao())
        school.replace("site.yaml", "unit: mam-non", with: "unit: thcs")
        #expect(asksForPhucKhao())
    }

    /// What the lower-secondary school's repository does that the example site never did.
    @Test func lowerSecondaryEdgeCasesComeOutRight() throws {
        let (_, tree) = Self.build("thcs-nguyen-du")
        func page(_ path: String) throws -> String { try #require(tree.contents(of: "/site/public/\(path)"), "\(path)") }

        // 23:30 UTC on 31 July is 06:30 on 1 August in Ho Chi Minh City, school year 2026-2027.
        let late = try page("thong-bao/tuu-truong-2026/index.html")
        #expect(late.contains("<time datetime=\"2026-08-01T06:30:00+07:00\">01/08/2026"))
        // A draft is not published; a file named in NFD gets an NFC, unaccented address.
        #expect(tree.contents(of: "/site/public/tin-tuc/ban-nhap-so-ket/index.html") == nil)
        #expect(tree.files.keys.contains("/site/public/tin-tuc/hoi-thi-van-nghe-20-11-2025/index.html"))
        // Static files named in NFD are written (and linked) in NFC.
        let nfc = "/site/public/tai-lieu/cong-khai/2025-2026/B\u{E1}o c\u{E1}o th\u{1B0}\u{1EDD}ng ni\u{EA}n 2025.pdf"
        #expect(tree.files.keys.contains(nfc))
        #expect(!tree.files.keys.contains { $0.hasPrefix("/site/public/") && $0.unicodeScalars.contains { (0x300...0x36F).contains($0.value) } })
        // A BOM and CRLF line ends do not leak into titles.
        let withBOM = [
            "thong-bao/nghi-tet-2026/index.html": "Thông báo lịch nghỉ Tết Nguyên đán Bính Ngọ 2026",
            "cai-cach-hanh-chinh/chuyen-truong/index.html": "Chuyển trường (chuyển đến, chuyển đi)",
        ]
        for (path, title) in withBOM {
            let html = try page(path)
            #expect(!html.contains("\u{FEFF}") && !html.contains("\r"), "\(path)")
            #expect(html.contains("<h1 class=\"article__title\">\(title)</h1>"), "\(path)")
        }
        // The office's titles as the publisher wrote them, brackets and all.
        let home = try page("index.html")
        #expect(home.contains("&lt;đối với các cơ sở giáo dục&gt;"))
    }
}
