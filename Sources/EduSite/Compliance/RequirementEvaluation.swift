/// Evaluates one requirement against a site, for one school year at a time, collecting findings.
/// Each finding names the requirement by its Vietnamese title and carries its rule id.
struct RequirementEvaluation {
    let site: Site
    let requirement: Requirement
    let rule: String
    private(set) var findings: [Diagnostic] = []
    /// One Vietnamese line per finding, for the self-check page.
    private(set) var summaries: [String] = []
    /// The school year being evaluated, for the summaries.
    private var currentYear: SchoolYear?

    init(site: Site, requirement: Requirement, rule: String) {
        self.site = site
        self.requirement = requirement
        self.rule = rule
    }

    var rules: RequirementRules { requirement.rules }
    /// "Công khai: Thông tin chung (Điều 4)" as messages quote it.
    var title: String { "“\(requirement.title)”" }

    mutating func add(
        _ code: DiagnosticCode, _ severity: Diagnostic.Severity, _ message: Words, at location: SourceLocation,
        hint: Words? = nil, vi: String
    ) {
        findings.append(Diagnostic(code, severity, message, at: location, hint: hint, rule: rule))
        summaries.append(vi + (currentYear.map { " (năm học \($0))" } ?? ""))
    }

    /// One pass of the rules, for `year` when the requirement is per school year.
    mutating func evaluate(year: SchoolYear?, severity: Diagnostic.Severity, due: DateTimeValue?) {
        currentYear = year
        var severity = severity
        var suffix = year.map { Words(vi: " của năm học \($0)", en: " for school year \($0)") } ?? Words(verbatim: "")
        if let due {
            let day = "\(due.day.twoDigits)/\(due.month.twoDigits)/\(due.year)"
            suffix = suffix + Words(vi: " (hạn chót \(day))", en: " (due by \(day))")
            severity = .warning
        }
        let path = requirement.path(for: year)
        switch requirement.kind {
        case .page, .feedback, .contact, .people:
            guard let page = page(at: path, suffix: suffix, severity: severity) else { return }
            if requirement.kind == .people { checkCount(page.people.count, noun: Words(vi: "người", en: "people"), at: page.location, suffix: suffix, severity: severity) }
            if requirement.kind == .feedback, site.config.feedback == nil {
                add(
                    .fieldMissing, severity,
                    Words(
                        vi: "\(title): site.yaml chưa nêu nơi nhận góp ý", en: "\(title): site.yaml says nowhere to send feedback"),
                    at: site.configLocation(["feedback"]),
                    hint: Words(
                        vi: "thêm `feedback:` với `form_action`, `email` hoặc `url` vào site.yaml",
                        en: "add `feedback:` with `form_action`, `email` or `url` to site.yaml"),
                    vi: "Chưa khai báo nơi nhận góp ý (`feedback` trong site.yaml)")
            }
            if requirement.kind == .contact, let fields = rules.fields {
                checkConfigFields(fields, severity: severity)
                checkTemplateFields(fields, root: page.layout ?? "contact", stopAt: ["base"], severity: severity)
            }
        case .footer:
            let fields = rules.fields ?? []
            checkConfigFields(fields, severity: severity)
            checkTemplateFields(fields, root: "base", stopAt: [], severity: severity)
        case .site:
            if let domain = rules.domain { checkDomain(domain, severity: severity) }
        case .organisations:
            let pages = site.pages.filter { $0.kind == .organisation && $0.source.hasPrefix(path) }
            checkItems(pages.map(PageItem.init), ids: { $0.page?.organisation.map { [$0.kind.rawValue] } ?? [] },
                       at: .file(path), noun: Words(vi: "tổ chức", en: "organisations"), year: nil, suffix: suffix, severity: severity)
        case .procedures:
            let pages = site.pages.filter { $0.kind == .procedure && $0.source.hasPrefix(path) }
            checkItems(pages.map(PageItem.init), ids: { $0.page?.procedure.map { [$0.id] } ?? [] },
                       at: .file(path), noun: Words(vi: "thủ tục", en: "procedures"), year: nil, suffix: suffix, severity: severity)
        case .disclosures:
            let pages = site.pages.filter { page in
                guard let disclosure = page.disclosure, page.source.hasPrefix(path) else { return false }
                return year.map { disclosure.schoolYear == $0 } ?? true
            }
            checkItems(pages.map(PageItem.init), ids: { $0.page?.disclosure.map { [$0.requirement] } ?? [] },
                       at: .file(path), noun: Words(vi: "nội dung công khai", en: "disclosures"), year: year, suffix: suffix, severity: severity)
        case .posts:
            let sections = Set(site.config.sections.map(\.path))
            let posts = site.pages.filter { page in
                guard case .post(let section) = page.kind, sections.contains(section), let date = page.date,
                    date <= site.buildDate
                else { return false }
                return year.map { SchoolYear(containing: date) == $0 } ?? true
            }
            checkItems(posts.map(PageItem.init), ids: { _ in [] }, at: .file(path), noun: Words(vi: "bài viết", en: "posts"), year: nil,
                       suffix: suffix, severity: severity)
        case .feeds:
            let feeds = site.config.upstreamFeeds.map { PageItem(id: $0.id) }
            checkItems(feeds, ids: { [$0.id ?? ""] }, at: site.configLocation(["upstream_feeds"]), noun: Words(vi: "nguồn tin", en: "upstream feeds"),
                       year: nil, suffix: suffix, severity: severity)
        }
    }

    /// The page at `path`, reported when missing or a placeholder.
    mutating func page(at path: String, suffix: Words, severity: Diagnostic.Severity) -> Page? {
        guard let page = site.pages.first(where: { $0.source == path }) else {
            add(
                .sectionMissing, severity,
                Words(
                    vi: "thiếu \(title)\(suffix.vi): không có `\(path)`",
                    en: "\(title) is missing\(suffix.en): there is no `\(path)`"),
                at: .file(path),
                hint: Words(
                    vi: "tạo `\(path)` với nội dung của nó (trang mẫu example-site/ đi kèm EduSite có đủ mọi mục bắt buộc)",
                    en: "create `\(path)` with its content (the example site, example-site/, that comes with EduSite has every required section)"),
                vi: "Chưa có trang `\(path)`")
            return nil
        }
        if Placeholder.isPlaceholder(page) {
            add(
                .placeholderContent, severity,
                Words(
                    vi: "\(title)\(suffix.vi) vẫn là nội dung mẫu: hãy viết nội dung thật",
                    en: "\(title) is still a placeholder\(suffix.en): write its content"),
                at: page.location, hint: Self.placeholderHint,
                vi: "Trang `\(page.source)` mới là nội dung mẫu")
            return nil
        }
        return page
    }

    static let placeholderHint = Words(
        vi: "thay chữ của mẫu (“TODO”, “Đang cập nhật”, “Lorem ipsum”, phần thân trống) bằng nội dung thật",
        en: "replace the template's text (“TODO”, “Đang cập nhật”, “Lorem ipsum”, an empty body) with the real content")

    mutating func checkCount(_ count: Int, noun: Words, at location: SourceLocation, suffix: Words, severity: Diagnostic.Severity) {
        let minimum = rules.minItems ?? (rules.nonEmpty == true ? 1 : 0)
        guard count < minimum else { return }
        if count == 0 {
            add(
                .sectionMissing, severity,
                Words(
                    vi: "\(title)\(suffix.vi) còn trống: chưa có \(noun.vi) nào",
                    en: "\(title) is empty\(suffix.en): no \(noun.en)"),
                at: location,
                hint: minimum > 1
                    ? Words(vi: "cần ít nhất \(minimum) \(noun.vi)", en: "at least \(minimum) \(noun.en) are required") : nil,
                vi: "Chưa có nội dung")
        } else {
            add(
                .tooFewItems, severity,
                Words(
                    vi: "\(title)\(suffix.vi) mới có \(count) \(noun.vi); cần ít nhất \(minimum)",
                    en: "\(title) has \(count) \(noun.en)\(suffix.en); at least \(minimum) are required"),
                at: location, vi: "Mới có \(count), cần ít nhất \(minimum)")
        }
    }
}

/// A page or a configured entry, as a list requirement counts it.
struct PageItem {
    var page: Page?
    var id: String?

    init(_ page: Page) { self.page = page }
    init(id: String) { self.id = id }
}
