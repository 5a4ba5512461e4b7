import Testing

@testable import EduSite

/// Fair rules: disclosure kinds with the timing of Thông tư 09/2024 Điều 15, items scoped to unit
/// kinds, and a disclosure's own statement of its year cross-checked against its folder.
@Suite struct ComplianceTimingTests {
    static let year = "content/cong-khai/2026-2027/"

    static func disclosure(_ id: String, title: String, period: String? = nil, date: String? = nil, extra: String = "") -> String {
        var lines = ["---", "title: \"\(title)\"", "disclosure: \(id)"]
        if let period { lines.append("period: \(period)") }
        if let date { lines.append("date: \(date)") }
        if !extra.isEmpty { lines.append(extra) }
        return (lines + ["---", "Nội dung \(title.lowercased()) của nhà trường.", ""]).joined(separator: "\n")
    }

    /// The example school (THPT) publishing weekly menus, one on time, one late, one undated.
    static func withMenus() -> ExampleSite {
        var site = ExampleSite()
        site.write(Self.year + "thuc-don-16-11.md", Self.disclosure("tt09-2024/ke-hoach-ket-qua/thuc-don", title: "Thực đơn tuần 16/11", period: "2026-11-16", date: "2026-11-14"))
        site.write(Self.year + "thuc-don-23-11.md", Self.disclosure("ke-hoach-ket-qua/thuc-don", title: "Thực đơn tuần 23/11", period: "2026-11-23", date: "2026-11-23 07:00"))
        // A kind alone, as schools write it: `thuc-don` is a kind of `ke-hoach-ket-qua`.
        site.write(Self.year + "thuc-don-09-11.md", Self.disclosure("thuc-don", title: "Thực đơn tuần 09/11", period: "2026-11-09", date: "2026-11-09"))
        site.write(Self.year + "thuc-don-khac.md", Self.disclosure("tt09-2024/ke-hoach-ket-qua/thuc-don", title: "Thực đơn bổ sung", date: "2026-11-02"))
        return site
    }

    @Test func aLateMenuIsAWarningAtItsDateAndAnUndatedOneCannotBeChecked() {
        let outcome = Self.withMenus().check()
        let findings = outcome.diagnostics.map(Finding.init)
        let rule = "tt09-2024/ke-hoach-ket-qua-pho-thong"
        // Due by Saturday 21/11 (the Saturday of the week before), published Monday 23/11.
        #expect(findings.contains(Finding(.publishedLate, .warning, rule, Self.year + "thuc-don-23-11.md:5:1")), "\(findings)")
        // Published on the deadline day itself: on time.
        #expect(!findings.contains { $0.location.hasPrefix(Self.year + "thuc-don-16-11.md") })
        #expect(findings.contains(Finding(.periodUnknown, .warning, rule, Self.year + "thuc-don-khac.md:3:1")))
        #expect(findings.contains(Finding(.publishedLate, .warning, rule, Self.year + "thuc-don-09-11.md:5:1")), "\(findings)")
        #expect(!findings.contains { $0.code == .unknownDisclosure })
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        let status = outcome.compliance?.requirements.first { $0.ruleID == rule }?.status
        #expect(status == .review)
    }

    @Test func theNextWeeksMenuIsUpcomingUntilItsSaturdayThenAWarning() throws {
        // Wednesday 25/11: next week's menu is due by Saturday 28/11.
        let before = try #require(Self.withMenus().check().compliance)
        #expect(before.upcoming.contains { $0.finding.code == .periodItemMissing && $0.due.isoDay == "2026-11-28" }, "\(before.upcoming)")
        // Sunday 29/11: it is late.
        let after = Self.withMenus().check(date: DateTimeValue(year: 2026, month: 11, day: 29, hour: 9))
        #expect(after.diagnostics.map(Finding.init).contains(
            Finding(.periodItemMissing, .warning, "tt09-2024/ke-hoach-ket-qua-pho-thong", Self.year + ":1:1")), "\(after.diagnostics)")
        // A school that publishes no menus at all is not asked for one (phổ thông: "nếu có").
        let none = try #require(ExampleSite().check(date: DateTimeValue(year: 2026, month: 11, day: 29, hour: 9)).compliance)
        #expect(!none.diagnostics.contains { $0.code == .periodItemMissing })
    }

    @Test func aKindergartensMonthlyPlanIsDueByThe25thOfTheMonthBefore() throws {
        var site = ExampleSite()
        site.replace("site.yaml", "unit: thpt", with: "unit: mam-non")
        site.write(Self.year + "ke-hoach-thang-11.md", Self.disclosure("tt09-2024/ke-hoach-ket-qua/ke-hoach-thang", title: "Kế hoạch tháng 11", period: "2026-11", date: "2026-10-26"))
        site.write(Self.year + "ke-hoach-thang-12.md", Self.disclosure("tt09-2024/ke-hoach-ket-qua/ke-hoach-thang", title: "Kế hoạch tháng 12", period: "2026-12", date: "2026-11-20"))
        let outcome = site.check()
        let rule = "tt09-2024/ke-hoach-ket-qua-mam-non"
        let late = outcome.diagnostics.filter { $0.code == .publishedLate }.map(Finding.init)
        #expect(late == [Finding(.publishedLate, .warning, rule, Self.year + "ke-hoach-thang-11.md:5:1")], "\(outcome.diagnostics)")
        // 26/12: January's plan was due on 25/12.
        let january = site.check(date: DateTimeValue(year: 2026, month: 12, day: 26, hour: 9))
        #expect(january.diagnostics.contains { $0.code == .periodItemMissing && $0.rule == rule && $0.message.en.contains("01/2027") })
    }

    @Test func aKindergartenIsNotAskedForAReviewForm() throws {
        var site = ExampleSite()
        site.replace("site.yaml", "unit: thpt", with: "unit: mam-non")
        site.remove("content/cai-cach-hanh-chinh/phuc-khao.md")
        site.remove("content/cai-cach-hanh-chinh/don-xin-nghi-hoc.md")
        let outcome = site.check()
        let forms = outcome.diagnostics.filter { $0.rule == "hcm-portal/bieu-mau" }
        #expect(!forms.contains { $0.message.en.contains("phúc khảo") }, "\(forms)")
        // Đơn xin nghỉ học is verified for THCS/THPT only: for a kindergarten, a reading.
        #expect(forms.map(Finding.init) == [Finding(.namedItemMissing, .warning, "hcm-portal/bieu-mau", "content/cai-cach-hanh-chinh/:1:1")])
        #expect(forms.first?.message.en.contains("THCS/THPT") == true)
        // The same removals for the THPT example are errors.
        var school = ExampleSite()
        school.remove("content/cai-cach-hanh-chinh/phuc-khao.md")
        #expect(school.check().diagnostics.contains(Finding(.namedItemMissing, .error, "hcm-portal/bieu-mau", "content/cai-cach-hanh-chinh/:1:1")))
    }

    @Test func aDisclosureThatNamesNothingIsAWarningAtItsKey() {
        var site = ExampleSite()
        site.write(Self.year + "thuc-don-sai.md", Self.disclosure("tt09-2024/ke-hoach-ket-qua/thuc-don-tuan", title: "Thực đơn"))
        site.write(Self.year + "tai-chinh-2.md", Self.disclosure("tai-chinh-nam-2026", title: "Tài chính"))
        site.write(Self.year + "phu-luc.md", Self.disclosure("tt09-2024/tai-chinh/phu-luc", title: "Phụ lục"))
        let findings = site.check().diagnostics.filter { $0.code == .unknownDisclosure }
        #expect(Set(findings.map(Finding.init)) == [
            Finding(.unknownDisclosure, .warning, nil, Self.year + "thuc-don-sai.md:3:1"),
            Finding(.unknownDisclosure, .warning, nil, Self.year + "tai-chinh-2.md:3:1"),
            Finding(.unknownDisclosure, .warning, nil, Self.year + "phu-luc.md:3:1"),
        ])
        #expect(findings.first { $0.location?.path.hasSuffix("thuc-don-sai.md") == true }?.hint?.en.contains("`thuc-don`") == true)
    }

    @Test func aStatedSchoolYearOrPeriodMustMatchTheFolder() {
        var site = ExampleSite()
        site.write(Self.year + "cu.md", Self.disclosure("tt09-2024/tai-chinh", title: "Tài chính (bản cũ)", extra: "school_year: 2025-2026"))
        site.write(Self.year + "thuc-don-cu.md", Self.disclosure("tt09-2024/ke-hoach-ket-qua/thuc-don", title: "Thực đơn", period: "2025-10-06", date: "2025-10-03"))
        site.write(Self.year + "dung.md", Self.disclosure("tt09-2024/tai-chinh", title: "Tài chính", extra: "school_year: 2026-2027"))
        let findings = site.check().diagnostics.filter { $0.code == .disclosureYearMismatch }.map(Finding.init)
        #expect(Set(findings) == [
            Finding(.disclosureYearMismatch, .warning, nil, Self.year + "cu.md:4:1"),
            Finding(.disclosureYearMismatch, .warning, nil, Self.year + "thuc-don-cu.md:4:1"),
        ])
    }

    /// A `period:` or `disclosure:` that cannot be read is an error at its value, said in both languages.
    @Test func anUnreadablePeriodOrIdIsAnErrorAtItsValueInBothLanguages() {
        var site = ExampleSite()
        site.write(Self.year + "ky-sai.md", Self.disclosure("tt09-2024/ke-hoach-ket-qua/thuc-don", title: "Thực đơn", period: "2026-13", date: "2026-11-02"))
        site.write(Self.year + "ma-sai.md", Self.disclosure("Thực đơn tuần", title: "Thực đơn", period: "2026-11-09", date: "2026-11-02"))
        let errors = site.check().diagnostics.filter { $0.code == .yamlInvalidValue }
        let period = errors.first { $0.location?.description == Self.year + "ky-sai.md:4:9" }
        #expect(period?.message.vi.contains("không phải một kỳ") == true, "\(errors)")
        #expect(period?.message.en.contains("is not a period") == true)
        let id = errors.first { $0.location?.description == Self.year + "ma-sai.md:3:13" }
        #expect(id?.message.vi.contains("không phải mã công khai") == true, "\(errors)")
    }

    @Test(arguments: [
        ("2026-11", "2026-10-25"), ("2027-01", "2026-12-25"), ("2026-11-23", "2026-11-21"), ("2026-11-29", "2026-11-21"),
        ("2027-01-04", "2027-01-02"), ("2026-03-01", "2026-02-21"), ("2026-03-02", "2026-02-28"),
    ])
    func deadlines(period: String, deadline: String) throws {
        let value = try #require(DisclosurePeriod(period))
        let rule: PublicationDeadline = period.count == 7 ? .dayOfPreviousMonth(25) : .weekdayOfPreviousWeek(6)
        #expect(rule.deadline(for: value).isoDay == deadline)
    }

    @Test func aManifestListingOneItemTwiceForTheSameUnitIsInvalid() {
        let text = """
            id: trung
            title: Trùng
            regulation: { name: Mẫu, source: mẫu }
            requirements:
              - id: bieu-mau
                title: Biểu mẫu
                kind: procedures
                path: content/cai-cach-hanh-chinh/
                rules:
                  items:
                    - { id: phuc-khao, title: Phúc khảo, units: [thcs, thpt] }
                    - { id: phuc-khao, title: Phúc khảo, units: [thpt, tieu-hoc], verified: false, note: suy luận }

            """
        let outcome = ComplianceManifestTests.withManifest(text).check()
        #expect(outcome.diagnostics.map(Finding.init) == [Finding(.invalidManifest, nil, "compliance/quan-mau.yaml:5:5")], "\(outcome.diagnostics)")
    }
}
