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
        for rule in used where !allowed.contains(rule) {
            problems.append(
                Diagnostic(
                    .invalidManifest, .error,
                    "requirement `\(requirement.id)`: the rule `\(rule)` does not apply to kind `\(requirement.kind.rawValue)`",
                    at: requirement.location,
                    hint: "kind `\(requirement.kind.rawValue)` takes: " + allowed.sorted().map { "`\($0)`" }.joined(separator: ", ")))
        }
        if requirement.kind == .disclosures, rules.schoolYears != nil, !requirement.path.contains("{year}") {
            problems.append(
                Diagnostic(
                    .invalidManifest, .error,
                    "requirement `\(requirement.id)` is checked per school year, but its `path` has no `{year}`",
                    at: requirement.location, hint: "write the path with the year folder, e.g. `content/cong-khai/{year}/`"))
        }
        problems += itemProblems(requirement)
        if let types = rules.fileTypes, types.isEmpty {
            problems.append(
                Diagnostic(
                    .invalidManifest, .error, "requirement `\(requirement.id)`: `file_types` is empty",
                    at: requirement.location, hint: "name at least one file type, e.g. `[pdf]`"))
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
                    problems.append(
                        Diagnostic(
                            .invalidManifest, .error,
                            "requirement `\(requirement.id)`: the item `\(item.id)` is listed twice for "
                                + overlap.map { "`\($0.rawValue)`" }.joined(separator: ", "),
                            at: requirement.location, hint: "give each copy of the item its own `units`, with no unit kind in both"))
                }
            }
            if !item.kinds.isEmpty && requirement.kind != .disclosures {
                problems.append(
                    Diagnostic(
                        .invalidManifest, .error, "requirement `\(requirement.id)`: only disclosure items have `kinds`",
                        at: requirement.location, hint: "remove `kinds` from `\(item.id)`"))
            }
            let kindIDs = item.kinds.map(\.id)
            if Set(kindIDs).count != kindIDs.count {
                problems.append(
                    Diagnostic(
                        .invalidManifest, .error, "requirement `\(requirement.id)`: the item `\(item.id)` names a kind twice",
                        at: requirement.location, hint: "give each kind its own id"))
            }
        }
        return problems
    }
}
