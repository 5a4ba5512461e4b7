/// The timing rules of disclosure kinds (Thông tư 09/2024 Điều 15): each item against the deadline
/// of the period it covers, and the next period's item against its own.
extension RequirementEvaluation {
    mutating func checkTimings(_ pages: [Page], named: [NamedItem], year: SchoolYear?) {
        let today = site.buildDate.local
        var published: Set<String> = []  // "item/kind" with at least one page this year
        for page in pages {
            guard let reference = page.disclosure?.reference else { continue }
            for item in named {
                guard let kindID = reference.match(manifest: manifestID, item: item.id, kinds: item.kinds.map(\.id))?.kind, let kind = item.kind(kindID),
                    let rule = kind.publishBefore
                else { continue }
                published.insert("\(item.id)/\(kind.id)")
                checkDeadline(of: page, kind: kind, rule: rule)
            }
        }
        guard year == site.currentSchoolYear else { return }
        for item in named {
            for kind in item.kinds where published.contains("\(item.id)/\(kind.id)") {
                guard let rule = kind.publishBefore else { continue }
                let next = rule.nextPeriod(after: today)
                guard SchoolYear(containing: next.start) == year else { continue }
                let covered = pages.contains { page in
                    guard let period = page.disclosure?.period, let reference = page.disclosure?.reference,
                        reference.match(manifest: manifestID, item: item.id, kinds: item.kinds.map(\.id))?.kind == kind.id
                    else { return false }
                    return rule.sameSpan(period, next)
                }
                if covered { continue }
                let deadline = rule.deadline(for: next)
                let folder = SourceLocation.file(requirement.path(for: year))
                let message = Words(
                    vi: "\(title): \(kind.title) \(next.label) chưa được công khai (hạn chót \(deadline.displayDay))",
                    en: "\(title): \(kind.title) for \(next.label) is not published yet (due by \(deadline.displayDay))")
                let reference = "`disclosure: \(manifestID)/\(item.id)/\(kind.id)` và `period: \(next)`"
                let hint = Words(vi: "thêm một trang có \(reference)", en: "add a page with \(reference.replacingAll(" và ", with: " and "))")
                let vi = "\(kind.title) \(next.label) chưa công khai"
                if ComplianceChecker.isBefore(deadline, today) {
                    warn(.periodItemMissing, message, at: folder, hint: hint, vi: vi + " (hạn \(deadline.displayDay))")
                } else {
                    expect(.periodItemMissing, message, due: deadline, at: folder, hint: hint, vi: vi)
                }
            }
        }
    }

    private mutating func checkDeadline(of page: Page, kind: ItemKind, rule: PublicationDeadline) {
        let at = page.keyLocations["disclosure"] ?? page.location
        guard let period = page.disclosure?.period else {
            warn(.periodUnknown,
                 Words(
                    vi: "\(title): “\(page.title)” không ghi \(rule.periodWord.vi) áp dụng nên không kiểm tra được thời hạn",
                    en: "\(title): “\(page.title)” does not say which \(rule.periodWord.en) it is for, so its timing cannot be checked"),
                 at: at,
                 hint: Words(
                    vi: "thêm `period: \(rule.periodExample)` (\(rule.periodWord.vi) mà nội dung áp dụng)",
                    en: "add `period: \(rule.periodExample)` (the \(rule.periodWord.en) it covers)"),
                 vi: "“\(page.title)” chưa ghi `period:` (kỳ áp dụng)")
            return
        }
        guard let date = page.date?.local else {
            warn(.periodUnknown,
                 Words(
                    vi: "\(title): “\(page.title)” không có `date:` nên không kiểm tra được có đăng đúng hạn không",
                    en: "\(title): “\(page.title)” has no `date:`, so whether it was published on time cannot be checked"),
                 at: at, hint: Words(vi: "thêm `date:` là ngày đăng", en: "add `date:` with the day it was published"),
                 vi: "“\(page.title)” chưa ghi ngày đăng (`date:`)")
            return
        }
        let deadline = rule.deadline(for: period)
        if ComplianceChecker.isBefore(deadline, date) {
            warn(.publishedLate,
                 Words(
                    vi: "\(title): “\(page.title)” (\(kind.title.lowercased()) \(period.label)) đăng ngày \(date.displayDay), sau hạn chót \(deadline.displayDay)",
                    en: "\(title): “\(page.title)” (\(kind.title.lowercased()) for \(period.label)) was published on \(date.displayDay), after its deadline \(deadline.displayDay)"),
                 at: page.keyLocations["date"] ?? at,
                 hint: Words(
                    vi: "đăng \(kind.title.lowercased()) của mỗi \(rule.periodWord.vi) trước hạn; việc đã qua không sửa được nên đây chỉ là cảnh báo",
                    en: "publish the \(kind.title.lowercased()) of each \(rule.periodWord.en) by its deadline; a past one cannot be changed, so this stays a warning"),
                 vi: "“\(page.title)” đăng ngày \(date.displayDay), sau hạn \(deadline.displayDay)")
        }
    }
}

extension PublicationDeadline {
    var periodWord: Words {
        switch self {
        case .dayOfPreviousMonth: Words(vi: "tháng", en: "month")
        case .weekdayOfPreviousWeek: Words(vi: "tuần", en: "week")
        }
    }

    var periodExample: String {
        switch self {
        case .dayOfPreviousMonth: "2026-10"
        case .weekdayOfPreviousWeek: "2026-10-19"
        }
    }
}

extension DateTimeValue {
    /// `05/09/2026`.
    var displayDay: String { "\(day.twoDigits)/\(month.twoDigits)/\(year)" }
    /// `2026-09-05`.
    var isoDay: String { "\(year.fourDigits)-\(month.twoDigits)-\(day.twoDigits)" }
}
