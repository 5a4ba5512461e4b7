/// Checks that a decoded requirement makes sense: every rule fits its kind, per-year paths name
/// `{year}`. Problems are R004 at the requirement's line in its manifest.
enum RequirementValidator {
    /// Which rules each kind understands.
    static let allowed: [RequirementKind: Set<String>] = [
        .page: ["non_empty"],
        .people: ["non_empty", "min_items"],
        .organisations: ["non_empty", "min_items", "items"],
        .disclosures: ["non_empty", "min_items", "school_years", "items", "file_types"],
        .procedures: ["non_empty", "min_items", "items", "file_types"],
        .posts: ["non_empty", "min_items", "school_years"],
        .feedback: ["non_empty"],
        .contact: ["non_empty", "fields"],
        .footer: ["fields"],
        .feeds: ["non_empty", "min_items", "items"],
        .site: ["domain"],
    ]

    static func problems(_ requirement: Requirement) -> [Diagnostic] {
        let rules = requirement.rules
        var used: [String] = []
        if rules.nonEmpty != nil { used.append("non_empty") }
        if rules.minItems != nil { used.append("min_items") }
        if rules.schoolYears != nil { used.append("school_years") }
        if rules.items != nil { used.append("items") }
        if rules.fileTypes != nil { used.append("file_types") }
        if rules.fields != nil { used.append("fields") }
        if rules.domain != nil { used.append("domain") }
        let allowed = Self.allowed[requirement.kind] ?? []
        var problems: [Diagnostic] = []
        let kind = requirement.kind.rawValue
        let takes = allowed.sorted().map { "`\($0)`" }.joined(separator: ", ")
        for rule in used where !allowed.contains(rule) {
            problems.append(
                Diagnostic(
                    .invalidManifest, .error,
                    Words(
                        vi: "yêu cầu `\(requirement.id)`: quy tắc `\(rule)` không áp dụng cho loại `\(kind)`",
                        en: "requirement `\(requirement.id)`: the rule `\(rule)` does not apply to kind `\(kind)`"),
                    at: requirement.location,
                    hint: Words(vi: "loại `\(kind)` nhận: \(takes)", en: "kind `\(kind)` takes: \(takes)")))
        }
        if requirement.kind == .disclosures, rules.schoolYears != nil, !requirement.path.contains("{year}") {
            problems.append(
                Diagnostic(
                    .invalidManifest, .error,
                    Words(
                        vi: "yêu cầu `\(requirement.id)` được kiểm theo từng năm học, nhưng `path` của nó không có `{year}`",
                        en: "requirement `\(requirement.id)` is checked per school year, but its `path` has no `{year}`"),
                    at: requirement.location,
                    hint: Words(
                        vi: "viết đường dẫn kèm thư mục năm học, ví dụ `content/cong-khai/{year}/`",
                        en: "write the path with the year folder, e.g. `content/cong-khai/{year}/`")))
        }
        problems += itemProblems(requirement)
        if let types = rules.fileTypes, types.isEmpty {
            problems.append(
                Diagnostic(
                    .invalidManifest, .error,
                    Words(
                        vi: "yêu cầu `\(requirement.id)`: `file_types` đang trống",
                        en: "requirement `\(requirement.id)`: `file_types` is empty"),
                    at: requirement.location,
                    hint: Words(vi: "nêu ít nhất một loại tệp, ví dụ `[pdf]`", en: "name at least one file type, e.g. `[pdf]`")))
        }
        return problems
    }

    /// One id twice only for units that do not overlap; kinds only on disclosure items, each id once.
    static func itemProblems(_ requirement: Requirement) -> [Diagnostic] {
        let items = requirement.rules.items ?? []
        var problems: [Diagnostic] = []
        for (index, item) in items.enumerated() {
            for other in items[..<index] where other.id == item.id {
                let overlap = UnitKind.allCases.filter { item.applies(to: $0) && other.applies(to: $0) && requirement.applies(to: $0) }
                if !overlap.isEmpty {
                    let units = overlap.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                    problems.append(
                        Diagnostic(
                            .invalidManifest, .error,
                            Words(
                                vi: "yêu cầu `\(requirement.id)`: mục `\(item.id)` được liệt kê hai lần cho \(units)",
                                en: "requirement `\(requirement.id)`: the item `\(item.id)` is listed twice for \(units)"),
                            at: requirement.location,
                            hint: Words(
                                vi: "cho mỗi bản của mục một `units` riêng, không có cấp học nào ở cả hai",
                                en: "give each copy of the item its own `units`, with no unit kind in both")))
                }
            }
            if !item.kinds.isEmpty && requirement.kind != .disclosures {
                problems.append(
                    Diagnostic(
                        .invalidManifest, .error,
                        Words(
                            vi: "yêu cầu `\(requirement.id)`: chỉ mục công khai mới có `kinds`",
                            en: "requirement `\(requirement.id)`: only disclosure items have `kinds`"),
                        at: requirement.location, hint: Words(vi: "bỏ `kinds` khỏi `\(item.id)`", en: "remove `kinds` from `\(item.id)`")))
            }
            let kindIDs = item.kinds.map(\.id)
            if Set(kindIDs).count != kindIDs.count {
                problems.append(
                    Diagnostic(
                        .invalidManifest, .error,
                        Words(
                            vi: "yêu cầu `\(requirement.id)`: mục `\(item.id)` nêu một loại hai lần",
                            en: "requirement `\(requirement.id)`: the item `\(item.id)` names a kind twice"),
                        at: requirement.location, hint: Words(vi: "cho mỗi loại một mã riêng", en: "give each kind its own id")))
            }
        }
        return problems
    }
}
