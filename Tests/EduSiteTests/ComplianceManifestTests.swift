import Testing

@testable import EduSite

/// Manifests a district adds to a site, bad manifests, and school-year arithmetic.
@Suite struct ComplianceManifestTests {
    static let districtManifest = """
        id: quan-mau
        title: Yêu cầu riêng của phường mẫu
        regulation: { name: Công văn mẫu, source: hồ sơ của phường }
        extends: [hcm-portal]
        requirements:
          - id: tin-tuc
            title: Tin tức (ít nhất 10 bài mỗi năm học)
            kind: posts
            path: content/tin-tuc/
            rules: { min_items: 10, school_years: { last: 1 } }
          - id: gioi-thieu
            title: Giới thiệu nhà trường
            kind: page
            path: content/gioi-thieu.md
            rules: { non_empty: true }

        """

    static func withManifest(_ text: String, named path: String = "compliance/quan-mau.yaml") -> ExampleSite {
        var site = ExampleSite()
        site.write(path, text)
        site.replace("site.yaml", "manifests: [hcm-portal, tt09-2024, tt36-2017]", with: "manifests: [\(path)]")
        return site
    }

    @Test func aDistrictManifestExtendsABundledOne() throws {
        let outcome = Self.withManifest(Self.districtManifest).check()
        // Without tt36-2017 and tt09-2024 among the manifests, their disclosures count for nothing: said once per page.
        #expect(outcome.diagnostics.allSatisfy { $0.code == .unknownDisclosure && $0.severity == .warning }, "\(outcome.diagnostics)")
        #expect(outcome.diagnostics.contains { $0.location?.path == "content/cong-khai/2022-2023/bieu-mau-09.md" })
        let result = try #require(outcome.compliance)
        let rules = result.requirements.map(\.ruleID)
        // The parent's requirements, with `tin-tuc` replaced in place, then the new one.
        #expect(rules.first == "quan-mau/ten-mien")
        #expect(rules.last == "quan-mau/gioi-thieu")
        #expect(rules.filter { $0 == "quan-mau/tin-tuc" }.count == 1)
        let news = try #require(result.requirements.first { $0.ruleID == "quan-mau/tin-tuc" })
        #expect(news.requirement.rules.minItems == 10)
        #expect(result.manifests.map(\.source) == ["compliance/quan-mau.yaml"])
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let code: DiagnosticCode
        let location: String
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(
            name: "unknown rule kind",
            text: districtManifest.replacingAll("rules: { non_empty: true }", with: "rules: { non_empty: true, at_least: 3 }"),
            code: .yamlUnknownKey, location: "compliance/quan-mau.yaml:15:31"),
        BadCase(
            name: "missing field",
            text: districtManifest.replacingAll("    title: Giới thiệu nhà trường\n", with: ""),
            code: .yamlMissingKey, location: "compliance/quan-mau.yaml:11:5"),
        BadCase(
            name: "unknown kind",
            text: districtManifest.replacingAll("kind: page", with: "kind: trang"),
            code: .yamlInvalidValue, location: "compliance/quan-mau.yaml:13:11"),
        BadCase(
            name: "rule that does not fit the kind",
            text: districtManifest.replacingAll("rules: { non_empty: true }", with: "rules: { min_items: 2 }"),
            code: .invalidManifest, location: "compliance/quan-mau.yaml:11:5"),
        BadCase(
            name: "extends a manifest that does not exist",
            text: districtManifest.replacingAll("extends: [hcm-portal]", with: "extends: [hcm-portl]"),
            code: .unknownManifest, location: "compliance/quan-mau.yaml:4:11"),
        BadCase(
            name: "extends itself",
            text: districtManifest.replacingAll("extends: [hcm-portal]", with: "extends: [quan-mau.yaml]"),
            code: .manifestCycle, location: "compliance/quan-mau.yaml:4:11"),
    ]

    @Test(arguments: badCases)
    func aBadManifestIsALoadErrorAtItsLine(_ bad: BadCase) {
        let outcome = Self.withManifest(bad.text).check()
        #expect(!outcome.loaded)
        #expect(outcome.compliance == nil)
        #expect(outcome.diagnostics.map(Finding.init) == [Finding(bad.code, nil, bad.location)], "\(outcome.diagnostics)")
    }

    @Test func aCycleThroughTwoFilesIsReportedAtTheExtendsLine() {
        var site = Self.withManifest(Self.districtManifest.replacingAll("extends: [hcm-portal]", with: "extends: [b.yaml]"))
        site.write("compliance/b.yaml", "id: b\ntitle: B\nregulation: { name: B, source: B }\nextends: [quan-mau.yaml]\n")
        let outcome = site.check()
        #expect(outcome.diagnostics.map(Finding.init) == [Finding(.manifestCycle, nil, "compliance/b.yaml:4:11")])
    }

    @Test func anUnknownManifestListsTheBundledOnes() throws {
        var site = ExampleSite()
        site.replace("site.yaml", "manifests: [hcm-portal, tt09-2024, tt36-2017]", with: "manifests: [hcm-portal, tt09]")
        let outcome = site.check()
        #expect(!outcome.loaded)
        #expect(outcome.diagnostics.map(Finding.init) == [Finding(.unknownManifest, nil, "site.yaml:28:27")])
        let hint = try #require(outcome.diagnostics.first?.hint?.en)
        #expect(hint.contains("`hcm-portal`, `tt09-2024`, `tt36-2017`"))
    }

    @Test func withoutComplianceTheHCMCDefaultsApply() throws {
        var site = ExampleSite()
        site.replace("site.yaml", "compliance:\n  manifests: [hcm-portal, tt09-2024, tt36-2017]\n", with: "")
        let result = try #require(site.check().compliance)
        #expect(result.manifests.map(\.id) == ["hcm-portal", "tt09-2024", "tt36-2017"])
    }

    // MARK: School years

    static func statuses(_ result: ComplianceResult) -> [String: RequirementResult] {
        Dictionary(uniqueKeysWithValues: result.requirements.map { ($0.ruleID, $0) })
    }

    @Test func schoolYearsFollowTheCheckDate() throws {
        // 15/08/2027: school year 2027-2028 has begun; its disclosures are due by 30/06/2028.
        let outcome = ExampleSite().check(date: DateTimeValue(year: 2027, month: 8, day: 15))
        let result = try #require(outcome.compliance)
        #expect(result.schoolYear.description == "2027-2028")
        let byRule = Self.statuses(result)
        #expect(byRule["tt09-2024/tai-chinh"]?.schoolYears.map(\.description) == ["2027-2028", "2026-2027", "2025-2026", "2024-2025"])
        #expect(byRule["tt09-2024/tai-chinh"]?.status == .pending)
        // TT36 keeps only 2023-2024 inside the five-year window (a reading: the fourth year back).
        #expect(byRule["tt36-2017/bieu-mau-trung-hoc"]?.schoolYears.map(\.description) == ["2023-2024"])
        #expect(byRule["tt36-2017/bieu-mau-trung-hoc"]?.status == .met)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)")
        // 2027-2028 is not due: no finding, an upcoming entry.
        #expect(!outcome.diagnostics.contains { $0.rule == "tt09-2024/tai-chinh" })
        #expect(result.upcoming.contains { $0.finding.rule == "tt09-2024/tai-chinh" && $0.due.isoDay == "2028-06-30" })
        // After 30/06/2028 the same gap is an error.
        let late = ExampleSite().check(date: DateTimeValue(year: 2028, month: 7, day: 1))
        #expect(late.diagnostics.contains(Finding(.schoolYearMissing, .error, "tt09-2024/tai-chinh", "content/cong-khai/2027-2028/:1:1")))
        // Four years back (2024-2025 in 2028-2029) is asked for only on the five-year reading: a warning.
        var older = ExampleSite()
        older.removeFolder("content/cong-khai/2024-2025/")
        let reading = older.check(date: DateTimeValue(year: 2028, month: 9, day: 1))
        #expect(reading.diagnostics.contains(Finding(.schoolYearMissing, .warning, "tt09-2024/tai-chinh", "content/cong-khai/2024-2025/:1:1")))
        #expect(!reading.diagnostics.contains(Finding(.schoolYearMissing, .error, "tt09-2024/tai-chinh", "content/cong-khai/2024-2025/:1:1")))
    }

    @Test func aRecentlyFoundedSchoolIsAskedOnlyForItsYears() throws {
        var site = ExampleSite()
        site.replace("site.yaml", "founded: 1998", with: "founded: 2025")
        let result = try #require(site.check().compliance)
        let byRule = Self.statuses(result)
        #expect(byRule["tt09-2024/tai-chinh"]?.schoolYears.map(\.description) == ["2026-2027", "2025-2026"])
        #expect(byRule["tt36-2017/bieu-mau-trung-hoc"]?.status == .notApplicable)
        #expect(result.summary.en == "15 of 15 requirements met")
    }

    @Test func dueDatesFallInTheRightCalendarYear() {
        let rule = SchoolYearRule(last: 1, due: MonthDay(month: 6, day: 30))
        #expect(rule.dueDate(of: SchoolYear(startYear: 2026)) == DateTimeValue(year: 2027, month: 6, day: 30))
        let early = SchoolYearRule(last: 1, due: MonthDay(month: 9, day: 30))
        #expect(early.dueDate(of: SchoolYear(startYear: 2026)) == DateTimeValue(year: 2026, month: 9, day: 30))
    }

    @Test func theDomainSuggestionUsesTheSchoolName() {
        #expect(DomainName.schoolPart(of: "Trường THPT Sông Sài Gòn", levelWords: ["trường", "thpt"]) == "songsaigon")
        #expect(
            DomainName.schoolPart(of: "Trường Trung học phổ thông Lê Hồng Phong", levelWords: ["trường", "trung học phổ thông"])
                == "lehongphong")
        #expect(DomainName.schoolPart(of: "Trường Tiểu học Lê Đức Thọ", levelWords: ["trường", "tiểu học"]) == "leductho")
    }
}

extension Array where Element == Diagnostic {
    func contains(_ finding: Finding) -> Bool { contains { Finding($0) == finding } }
}
