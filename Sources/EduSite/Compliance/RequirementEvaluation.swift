/// Evaluates one requirement against a site, for one school year at a time, collecting findings.
/// Each finding names the requirement by its Vietnamese title and carries its rule id.
///
/// How much a finding weighs is decided here, once, from the pass's `Standing`: only a verified
/// rule whose item is due gives an error; a reading not verified gives a warning that states it;
/// an item not yet due gives no finding, only an entry of `upcoming`.
struct RequirementEvaluation {
    /// Whether what this pass finds missing is due, and on what authority.
    enum Standing {
        /// Verified and due: an error (a warning when the manifest says `severity: warning`).
        case due
        /// Asked for only on a reading not verified: a warning that says so.
        case reading(String)
        /// Not due until this day: no finding, an upcoming entry.
        case notYetDue(DateTimeValue)
    }

    let site: Site
    let requirement: Requirement
    let rule: String
    /// The manifest's id, for matching `disclosure:` references.
    let manifestID: String
    private(set) var findings: [Diagnostic] = []
    /// What falls due later, for `check --upcoming`.
    private(set) var upcoming: [UpcomingItem] = []
    /// One Vietnamese line per finding, for the self-check page.
    private(set) var summaries: [String] = []
    /// The school year being evaluated, for the summaries.
    private(set) var currentYear: SchoolYear?
    private var standing: Standing = .due
    /// The requirement's own standing: `.reading` when it (or its manifest) is not verified.
    private let baseStanding: Standing

    init(site: Site, requirement: Requirement, manifest: Manifest) {
        self.site = site
        self.requirement = requirement
        self.manifestID = manifest.id
        self.rule = "\(manifest.id)/\(requirement.id)"
        let verified = requirement.verified ?? manifest.verified
        baseStanding = verified ? .due : .reading(requirement.note ?? manifest.note ?? "nội dung chưa được đối chiếu với văn bản gốc")
    }

    var rules: RequirementRules { requirement.rules }
    /// "Công khai: Thông tin chung (Điều 4)" as messages quote it.
    var title: String { "“\(requirement.title)”" }

    /// Records a finding at the weight the pass's standing gives it: `reading` (an item's own
    /// unverified note) and `atMost` can only lower it.
    mutating func add(
        _ code: DiagnosticCode, _ message: Words, at location: SourceLocation, hint: Words? = nil, vi: String,
        reading: String? = nil, atMost: Diagnostic.Severity = .error
    ) {
        var standing = standing
        if case .due = standing, let reading { standing = .reading(reading) }
        let yearNote = currentYear.map { " (năm học \($0))" } ?? ""
        switch standing {
        case .due:
            let severity: Diagnostic.Severity = requirement.severity == .warning ? .warning : atMost
            findings.append(Diagnostic(code, severity, message, at: location, hint: hint, rule: rule))
            summaries.append(vi + yearNote)
        case .reading(let note):
            findings.append(
                Diagnostic(
                    code, .warning,
                    message + Words(vi: " — yêu cầu theo một cách hiểu chưa kiểm chứng: \(note)", en: " — asked for on a reading that is not verified: \(note)"),
                    at: location, hint: hint, rule: rule))
            summaries.append(vi + yearNote + " — chưa kiểm chứng: \(note)")
        case .notYetDue(let due):
            upcoming.append(
                UpcomingItem(due: due, finding: Diagnostic(code, .warning, message, at: location, hint: hint, rule: rule), summary: vi + yearNote))
        }
    }

    /// A finding about an item that is there (late, without its period): a warning whatever the
    /// standing, since it cannot wait for a due date and a past lateness cannot be undone.
    mutating func warn(_ code: DiagnosticCode, _ message: Words, at location: SourceLocation, hint: Words? = nil, vi: String) {
        findings.append(Diagnostic(code, .warning, message, at: location, hint: hint, rule: rule))
        summaries.append(vi)
    }

    /// Something that falls due later and is not there yet.
    mutating func expect(
        _ code: DiagnosticCode, _ message: Words, due: DateTimeValue, at location: SourceLocation, hint: Words? = nil, vi: String
    ) {
        upcoming.append(
            UpcomingItem(due: due, finding: Diagnostic(code, .warning, message, at: location, hint: hint, rule: rule), summary: vi))
    }

    /// One pass of the rules, for `year` when the requirement is per school year.
    mutating func evaluate(year: SchoolYear?, standing: Standing) {
        currentYear = year
        switch (baseStanding, standing) {
        case (.reading, .due): self.standing = baseStanding
        default: self.standing = standing
        }
        var suffix = year.map { Words(vi: " của năm học \($0)", en: " for school year \($0)") } ?? Words(verbatim: "")
        if case .notYetDue(let due) = standing {
            suffix = suffix + Words(vi: " (hạn chót \(due.displayDay))", en: " (due by \(due.displayDay))")
        }
        let path = requirement.path(for: year)
        let unit = site.config.unit
        switch requirement.kind {
        case .page, .feedback, .contact, .people:
            guard let page = page(at: path, suffix: suffix) else { return }
            if requirement.kind == .people { checkCount(page.people.count, noun: Words(vi: "người", en: "people"), at: page.location, suffix: suffix) }
            if requirement.kind == .feedback, site.config.feedback == nil {
                add(
                    .fieldMissing,
                    Words(
                        vi: "\(title): site.yaml chưa nêu nơi nhận góp ý", en: "\(title): site.yaml says nowhere to send feedback"),
                    at: site.configLocation(["feedback"]),
                    hint: Words(
                        vi: "thêm `feedback:` với `form_action`, `email` hoặc `url` vào site.yaml",
                        en: "add `feedback:` with `form_action`, `email` or `url` to site.yaml"),
                    vi: "Chưa khai báo nơi nhận góp ý (`feedback` trong site.yaml)")
            }
            if requirement.kind == .contact, let fields = rules.fields {
                checkConfigFields(fields)
                checkTemplateFields(fields, root: page.layout ?? "contact", stopAt: ["base"])
            }
        case .footer:
            let fields = rules.fields ?? []
            checkConfigFields(fields)
            checkTemplateFields(fields, root: "base", stopAt: [])
        case .site:
            if let domain = rules.domain { checkDomain(domain) }
        case .organisations:
            let pages = site.pages.filter { $0.kind == .organisation && $0.source.hasPrefix(path) }
            checkItems(pages.map(PageItem.init), ids: { $0.page?.organisation.map { [$0.kind.rawValue] } ?? [] },
                       at: .file(path), noun: Words(vi: "tổ chức", en: "organisations"), year: nil, suffix: suffix)
        case .procedures:
            let pages = site.pages.filter { $0.kind == .procedure && $0.source.hasPrefix(path) }
            checkItems(pages.map(PageItem.init), ids: { $0.page?.procedure.map { [$0.id] } ?? [] },
                       at: .file(path), noun: Words(vi: "thủ tục", en: "procedures"), year: nil, suffix: suffix)
        case .disclosures:
            let pages = site.pages.filter { page in
                guard let disclosure = page.disclosure, page.source.hasPrefix(path) else { return false }
                return year.map { disclosure.schoolYear == $0 } ?? true
            }
            let named = (rules.items ?? []).filter { $0.applies(to: unit) }
            let manifest = manifestID
            checkItems(pages.map(PageItem.init), ids: { item in
                guard let reference = item.page?.disclosure?.reference else { return [] }
                return named.filter { reference.match(manifest: manifest, item: $0.id, kinds: $0.kinds.map(\.id)) != nil }.map(\.id)
            }, at: .file(path), noun: Words(vi: "nội dung công khai", en: "disclosures"), year: year, suffix: suffix)
            checkTimings(pages, named: named, year: year)
        case .posts:
            let sections = Set(site.config.sections.map(\.path))
            let posts = site.pages.filter { page in
                guard case .post(let section) = page.kind, sections.contains(section), let date = page.date,
                    date <= site.buildDate
                else { return false }
                return year.map { SchoolYear(containing: date) == $0 } ?? true
            }
            checkItems(posts.map(PageItem.init), ids: { _ in [] }, at: .file(path), noun: Words(vi: "bài viết", en: "posts"), year: nil,
                       suffix: suffix)
        case .feeds:
            let feeds = site.config.upstreamFeeds.map { PageItem(id: $0.id) }
            checkItems(feeds, ids: { [$0.id ?? ""] }, at: site.configLocation(["upstream_feeds"]), noun: Words(vi: "nguồn tin", en: "upstream feeds"),
                       year: nil, suffix: suffix)
        }
    }

    /// The page at `path`, reported when missing or a placeholder.
    mutating func page(at path: String, suffix: Words) -> Page? {
        guard let page = site.pages.first(where: { $0.source == path }) else {
            add(
                .sectionMissing, Words(
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
                .placeholderContent, Words(
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

    mutating func checkCount(_ count: Int, noun: Words, at location: SourceLocation, suffix: Words) {
        let minimum = rules.minItems ?? (rules.nonEmpty == true ? 1 : 0)
        guard count < minimum else { return }
        if count == 0 {
            add(
                .sectionMissing, Words(
                    vi: "\(title)\(suffix.vi) còn trống: chưa có \(noun.vi) nào",
                    en: "\(title) is empty\(suffix.en): no \(noun.en)"),
                at: location,
                hint: minimum > 1
                    ? Words(vi: "cần ít nhất \(minimum) \(noun.vi)", en: "at least \(minimum) \(noun.en) are required") : nil,
                vi: "Chưa có nội dung")
        } else {
            add(
                .tooFewItems, Words(
                    vi: "\(title)\(suffix.vi) mới có \(count) \(noun.vi); cần ít nhất \(minimum)",
                    en: "\(title) has \(count) \(noun.en)\(suffix.en); at least \(minimum) are required"),
                at: location, vi: "Mới có \(count), cần ít nhất \(minimum)")
        }
    }
}

/// An item not yet due that is not there yet, with the day it falls due.
public struct UpcomingItem: Sendable, Hashable {
    public var due: DateTimeValue
    /// The finding it becomes on its due day.
    public var finding: Diagnostic
    /// One Vietnamese line, for the self-check page.
    public var summary: String
}

/// A page or a configured entry, as a list requirement counts it.
struct PageItem {
    var page: Page?
    var id: String?

    init(_ page: Page) { self.page = page }
    init(id: String) { self.id = id }
}
