import Testing

@testable import EduSite

/// The example site meets every requirement; breaking one thing at a time gives exactly the
/// finding of that requirement, at the place to fix.
@Suite struct ComplianceExampleSiteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let change: @Sendable (inout ExampleSite) -> Void
        let expected: Set<Finding>
        var testDescription: String { name }

        init(_ name: String, _ expected: [Finding], change: @escaping @Sendable (inout ExampleSite) -> Void) {
            self.name = name
            self.change = change
            self.expected = Set(expected)
        }
    }

    static let tt09Groups = [
        "thong-tin-chung", "tai-chinh", "dieu-kien-chat-luong-pho-thong", "ke-hoach-ket-qua-pho-thong",
        "bao-cao-thuong-nien",
    ]

    static func yearFindings(_ year: String, _ severity: Diagnostic.Severity) -> [Finding] {
        let place = "content/cong-khai/\(year)/:1:1"
        return [Finding(.schoolYearMissing, severity, "hcm-portal/cong-khai-theo-nam-hoc", place)]
            + tt09Groups.map { Finding(.schoolYearMissing, severity, "tt09-2024/\($0)", place) }
    }

    static let cases: [Case] = [
        Case("feedback page", [Finding(.sectionMissing, "hcm-portal/gop-y", "content/gop-y.md:1:1")]) {
            $0.remove("content/gop-y.md")
        },
        Case("contact page", [Finding(.sectionMissing, "hcm-portal/lien-he", "content/lien-he.md:1:1")]) {
            $0.remove("content/lien-he.md")
        },
        Case("leadership", [Finding(.sectionMissing, "hcm-portal/ban-giam-hieu", "content/to-chuc/ban-giam-hieu.md:1:1")]) {
            $0.remove("content/to-chuc/ban-giam-hieu.md")
        },
        Case("organisations", [Finding(.sectionMissing, "hcm-portal/doan-the", "content/to-chuc/doan-the/:1:1")]) {
            for name in ["ban-dai-dien-cmhs", "chi-bo", "cong-doan", "doan-thanh-nien", "hoi-dong-truong"] {
                $0.remove("content/to-chuc/doan-the/\(name).md")
            }
        },
        Case("form: đơn xin nghỉ học", [Finding(.namedItemMissing, "hcm-portal/bieu-mau", "content/cai-cach-hanh-chinh/:1:1")]) {
            $0.remove("content/cai-cach-hanh-chinh/don-xin-nghi-hoc.md")
        },
        // Asked for on a reading (no text we read requires the form): a warning.
        Case("form: chuyển trường", [Finding(.namedItemMissing, .warning, "hcm-portal/bieu-mau", "content/cai-cach-hanh-chinh/:1:1")]) {
            $0.remove("content/cai-cach-hanh-chinh/chuyen-truong.md")
        },
        Case("procedure without its form files", [Finding(.fileMissing, "hcm-portal/bieu-mau", "content/cai-cach-hanh-chinh/phuc-khao.md:1:1")]) {
            $0.replace("content/cai-cach-hanh-chinh/phuc-khao.md", "forms:", with: "x_forms:")
            $0.replace("content/cai-cach-hanh-chinh/phuc-khao.md", "x_forms:", with: "params:\n  old_forms:")
        },
        Case("a past school year of disclosures", yearFindings("2025-2026", .error)) {
            $0.removeFolder("content/cong-khai/2025-2026/")
        },
        // Not due before 30/06/2027: no finding (`upcoming` lists it, see below).
        Case("the current school year of disclosures (not due before 30/06)", []) {
            $0.removeFolder("content/cong-khai/2026-2027/")
        },
        Case("a TT09 group in one year", [Finding(.namedItemMissing, "tt09-2024/tai-chinh", "content/cong-khai/2024-2025/:1:1")]) {
            $0.remove("content/cong-khai/2024-2025/tai-chinh.md")
        },
        // TT36 is unverified, and 2023-2024 is outside 4210's three years: a warning.
        Case("a TT36 form of an archived year", [Finding(.namedItemMissing, .warning, "tt36-2017/bieu-mau-trung-hoc", "content/cong-khai/2023-2024/:1:1")]) {
            $0.remove("content/cong-khai/2023-2024/bieu-mau-11.md")
        },
        Case("annual report without its PDF", [Finding(.fileMissing, "tt09-2024/bao-cao-thuong-nien", "content/cong-khai/2025-2026/bao-cao-thuong-nien.md:1:1")]) {
            $0.replace("content/cong-khai/2025-2026/bao-cao-thuong-nien.md", "attachments:", with: "params:\n  old:")
        },
        Case("a placeholder disclosure", [
            Finding(.placeholderContent, "hcm-portal/cong-khai-theo-nam-hoc", "content/cong-khai/2025-2026/tai-chinh.md:1:1"),
            Finding(.placeholderContent, "tt09-2024/tai-chinh", "content/cong-khai/2025-2026/tai-chinh.md:1:1"),
            Finding(.namedItemMissing, "tt09-2024/tai-chinh", "content/cong-khai/2025-2026/:1:1"),
        ]) {
            let path = "content/cong-khai/2025-2026/tai-chinh.md"
            let text = $0.text(path)
            let end = text.range(of: "\n---\n")!.upperBound
            $0.write(path, String(text[..<end]) + "Đang cập nhật.\n")
        },
        Case("the landline in site.yaml", [
            Finding(.fieldMissing, "hcm-portal/lien-he", "site.yaml:14:3"),
            Finding(.fieldMissing, "hcm-portal/chan-trang", "site.yaml:14:3"),
        ]) {
            $0.replace("site.yaml", "landline: \"028 3555 0198\"", with: "landline: \"TODO\"")
        },
        Case("the landline in the footer", [Finding(.fieldMissing, "hcm-portal/chan-trang", "layouts/partials/footer.mustache:1:1")]) {
            let footer = String(decoding: Fixture.defaultTheme["/themes/default/templates/partials/footer.mustache"]!, as: UTF8.self)
            let kept = footer.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("footer.contact.landline") }
            $0.write("layouts/partials/footer.mustache", kept.joined(separator: "\n"))
        },
        Case("the email on the contact page", [Finding(.fieldMissing, "hcm-portal/lien-he", "layouts/contact.mustache:1:1")]) {
            let contact = String(decoding: Fixture.defaultTheme["/themes/default/templates/contact.mustache"]!, as: UTF8.self)
            $0.write("layouts/contact.mustache", contact.replacingAll("{{email}}", with: "").replacingAll("{{emailHref}}", with: ""))
        },
        // Not due before 31/05: no finding until then.
        Case("fewer than 40 posts this school year (not due until 31/05)", []) {
            for (path, bytes) in $0.files where path.hasPrefix("/site/content/tin-tuc/") {
                if String(decoding: bytes, as: UTF8.self).contains("\ndate: 2026-11") { $0.files[path] = nil }
            }
        },
        Case("an upstream feed", [Finding(.namedItemMissing, "hcm-portal/tin-tu-co-quan-cap-tren", "site.yaml:21:1")]) {
            $0.replace("site.yaml", "  - { id: thu-moi,", with: "  # - { id: thu-moi,")
        },
        Case("feedback address", [Finding(.fieldMissing, "hcm-portal/gop-y", "site.yaml:3:1")]) {
            $0.replace("site.yaml", "feedback:\n  email: gopy.thptsongsaigon@hcm.edu.vn\n", with: "")
        },
        Case("domain outside hcm.edu.vn", [Finding(.domainMismatch, "hcm-portal/ten-mien", "site.yaml:7:1")]) {
            $0.replace("site.yaml", "domain: thptsongsaigon.hcm.edu.vn", with: "domain: thpt-songsaigon-tphcm.edu.vn")
        },
        Case("domain without the level prefix (an inferred rule: a warning)", [Finding(.domainMismatch, .warning, "hcm-portal/ten-mien", "site.yaml:7:1")]) {
            $0.replace("site.yaml", "domain: thptsongsaigon.hcm.edu.vn", with: "domain: songsaigon.hcm.edu.vn")
        },
        Case("domain with another name (a warning)", [Finding(.domainMismatch, .warning, "hcm-portal/ten-mien", "site.yaml:7:1")]) {
            $0.replace("site.yaml", "domain: thptsongsaigon.hcm.edu.vn", with: "domain: thptssg.hcm.edu.vn")
        },
    ]

    @Test func exampleSiteMeetsEveryRequirement() {
        let outcome = ExampleSite().check()
        #expect(outcome.loaded)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics)")
        let result = try! #require(outcome.compliance)
        #expect(result.metCount == result.applicableCount)
        #expect(result.summary.en == "16 of 16 requirements met")
    }

    @Test(arguments: cases)
    func breakingOneThingGivesItsFinding(_ test: Case) {
        var site = ExampleSite()
        test.change(&site)
        let outcome = site.check()
        #expect(outcome.loaded, "\(outcome.diagnostics)")
        let compliance = Set(outcome.diagnostics.filter { $0.rule != nil }.map(Finding.init))
        #expect(compliance == test.expected, "\(outcome.diagnostics.map(\.description))")
        // Every finding names its requirement by the manifest's Vietnamese title.
        for diagnostic in outcome.diagnostics where diagnostic.rule != nil {
            let requirement = outcome.compliance?.requirements.first { $0.ruleID == diagnostic.rule }
            #expect(requirement.map { diagnostic.message.en.contains("“\($0.requirement.title)”") } == true, "\(diagnostic)")
        }
    }

    /// What is not yet due gives no finding, but is listed with its due day, soonest first.
    @Test func whatIsNotYetDueIsUpcomingNotAFinding() throws {
        var site = ExampleSite()
        site.removeFolder("content/cong-khai/2026-2027/")
        for (path, bytes) in site.files where path.hasPrefix("/site/content/tin-tuc/") {
            if String(decoding: bytes, as: UTF8.self).contains("\ndate: 2026-11") { site.files[path] = nil }
        }
        let outcome = site.check()
        #expect(!outcome.diagnostics.contains { $0.rule != nil }, "\(outcome.diagnostics)")
        let result = try #require(outcome.compliance)
        let upcoming = result.upcoming.map { "\($0.due.isoDay) \($0.finding.code) \($0.finding.rule ?? "")" }
        #expect(upcoming.first == "2027-05-31 R012 hcm-portal/tin-tuc", "\(upcoming)")
        #expect(Set(upcoming.dropFirst()) == Set(Self.yearFindings("2026-2027", .warning).map { "2027-06-30 R014 \($0.rule ?? "")" }))
        let statuses = Dictionary(uniqueKeysWithValues: result.requirements.map { ($0.ruleID, $0.status) })
        #expect(statuses["tt09-2024/tai-chinh"] == .pending)
        #expect(statuses["hcm-portal/tin-tuc"] == .pending)
        // A month later than 31/05 it is an error.
        let late = site.check(date: DateTimeValue(year: 2027, month: 6, day: 1))
        #expect(late.diagnostics.contains(Finding(.tooFewItems, .error, "hcm-portal/tin-tuc", "content/tin-tuc/:1:1")))
    }
}
