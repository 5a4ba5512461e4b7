import Testing

@testable import EduSite

/// `compliance.json`, the self-check page, `build` failing on unmet requirements, and the
/// text/GitHub output of `check`.
@Suite struct ComplianceReportTests {
    static let schemaText: String = {
        let path = Path.join(ExampleSite.repository, "docs/compliance-report.schema.json")
        return String(decoding: try! FileSystem.live.readFile(path), as: UTF8.self)
    }()

    @Test func buildWritesTheReportAndThePage() throws {
        let (report, tree) = ExampleSite().build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let json = try #require(tree.contents(of: "/site/public/compliance.json"))
        #expect(json.contains("\"text\" : \"đạt 16/16 yêu cầu\""))
        let problems = try JSONSchemaValidator(schemaText: Self.schemaText).validate(jsonText: json)
        #expect(problems.isEmpty, "\(problems)")
        let page = try #require(tree.contents(of: "/site/public/tu-kiem-tra/index.html"))
        #expect(page.contains("data-layout=\"compliance\""))
        #expect(page.contains("Đạt 16/16 yêu cầu"))
        #expect(page.contains("Công khai: biểu mẫu 09-12 (THCS, THPT)"))
        #expect(page.contains("Chưa kiểm chứng: Số hiệu biểu mẫu"))
        #expect(page.contains("class=\"site-footer\""))
    }

    @Test func aReportWithFindingsMatchesTheSchemaToo() throws {
        var site = ExampleSite()
        site.removeFolder("content/cong-khai/2026-2027/")
        site.remove("content/cai-cach-hanh-chinh/phuc-khao.md")
        site.write("content/tin-tuc/bai-loi.md", "---\ntitle: Bài lỗi\ndate: 2026-10-01\n---\n[x](/khong-co/)\n")
        let outcome = site.check()
        let result = try #require(outcome.compliance)
        let json = ComplianceReport(site: try #require(outcome.site), result: result, otherFindings: outcome.diagnostics.filter { $0.rule == nil }).json()
        let problems = try JSONSchemaValidator(schemaText: Self.schemaText).validate(jsonText: json)
        #expect(problems.isEmpty, "\(problems)")
        #expect(json.contains("\"status\" : \"pending\""))
        #expect(json.contains("\"status\" : \"missing\""))
        #expect(json.contains("\"code\" : \"E201\""))
        // The same input gives the same bytes.
        #expect(ComplianceReport(site: outcome.site!, result: site.check().compliance!).json() == ComplianceReport(site: outcome.site!, result: result).json())
    }

    @Test func buildFailsOnAnUnmetRequirementUnlessReportOnly() throws {
        var site = ExampleSite()
        site.remove("content/cong-khai/2024-2025/tai-chinh.md")
        let missing = Finding(.namedItemMissing, "tt09-2024/tai-chinh", "content/cong-khai/2024-2025/:1:1")
        let (failed, tree) = site.build()
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.map(Finding.init) == [missing])
        #expect(tree.contents(of: "/site/public/compliance.json") == nil)

        let (written, after) = site.build(mode: .reportOnly)
        #expect(written.succeeded)
        #expect(written.diagnostics.map(Finding.init) == [Finding(.namedItemMissing, .warning, "tt09-2024/tai-chinh", "content/cong-khai/2024-2025/:1:1")])
        let json = try #require(after.contents(of: "/site/public/compliance.json"))
        #expect(json.contains("\"passed\" : false"))
    }

    @Test func textOutputGroupsByManifestAndEndsWithTheSummary() throws {
        var site = ExampleSite()
        site.replace("content/cai-cach-hanh-chinh/don-xin-nghi-hoc.md", "procedure: don-xin-nghi-hoc", with: "procedure: don-nghi-hoc")
        let outcome = site.check()
        let text = CheckOutput.text(outcome.diagnostics, compliance: outcome.compliance, language: .en)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "== hcm-portal: Tiêu chí trang thông tin điện tử đơn vị giáo dục TP.HCM (9/10) ==")
        #expect(lines.contains(
            "content/cai-cach-hanh-chinh/:1:1: error[R013]: “Chuyên mục biểu mẫu, thủ tục hành chính”: “Đơn xin nghỉ học” is missing [hcm-portal/bieu-mau]"))
        #expect(lines.contains("note: unverified: Số hiệu biểu mẫu theo cấp học chưa được đối chiếu với phụ lục của Thông tư."))
        #expect(lines.last == "15 of 16 requirements met; 1 error, 0 warnings")
    }

    @Test func githubOutputIsWorkflowAnnotations() {
        var site = ExampleSite()
        site.replace("content/cai-cach-hanh-chinh/don-xin-nghi-hoc.md", "procedure: don-xin-nghi-hoc", with: "procedure: don-nghi-hoc")
        let outcome = site.check()
        let lines = CheckOutput.github(outcome.diagnostics, compliance: outcome.compliance, pathPrefix: "example-site/", language: .en)
            .split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix(
            "::error file=example-site/content/cai-cach-hanh-chinh/,line=1,col=1,title=EduSite R013%3A Chuyên mục biểu mẫu%2C thủ tục hành chính [hcm-portal/bieu-mau]::content/cai-cach-hanh-chinh/:1:1: error[R013]: “Chuyên mục biểu mẫu, thủ tục hành chính”: “Đơn xin nghỉ học” is missing [hcm-portal/bieu-mau]%0A  hint: ") == true, "\(lines)")
        #expect(lines.last == "::notice title=edusite check::15 of 16 requirements met; 1 error, 0 warnings")
    }
}
