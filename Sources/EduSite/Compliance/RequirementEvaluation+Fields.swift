/// The rules about `site.yaml` values and the templates that show them: contact fields, domain.
extension RequirementEvaluation {
    /// Each field is filled in `site.yaml` `contact` (not empty, not a placeholder).
    mutating func checkConfigFields(_ fields: [ContactField]) {
        for field in fields {
            let value = field.value(in: site.config.contact) ?? ""
            if Placeholder.isPlaceholder(text: value) {
                add(.fieldMissing, "\(title): the \(field.label) is missing in site.yaml `contact.\(field.rawValue)`",
                    at: site.configLocation(["contact", field.rawValue]),
                    hint: "write the real value, e.g. `\(field.rawValue): \(Self.example(field))`",
                    vi: "Chưa điền \(field.label) trong site.yaml")
            }
        }
    }

    static func example(_ field: ContactField) -> String {
        switch field {
        case .address: "Số 1 Đường …, Phường …, Thành phố Hồ Chí Minh"
        case .landline, .hotline, .fax: "\"028 3822 0000\""
        case .email: "truong@hcm.edu.vn"
        }
    }

    /// Each field is printed by a template reachable from `root` (not descending into `stopAt`).
    mutating func checkTemplateFields(_ fields: [ContactField], root: String, stopAt: Set<String>) {
        let templates = Dictionary(site.theme.templates.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        guard templates[root] != nil else { return }  // a missing template is the content checker's finding
        var names: Set<String> = []
        var visited: Set<String> = []
        var pending = [root]
        while let name = pending.popLast() {
            guard visited.insert(name).inserted, let template = templates[name] else { continue }
            names.formUnion(TemplateTags.names(in: template.text))
            for partial in TemplateTags.partials(in: template.text) where !stopAt.contains(partial.name) {
                pending.append(partial.name)
            }
        }
        let target = visited.contains("partials/footer") && requirement.kind == .footer ? "partials/footer" : root
        let place = templates[target]?.displaySource ?? root
        for field in fields where !names.contains(where: { $0 == field.rawValue || $0.hasSuffix("." + field.rawValue) }) {
            add(.fieldMissing, "\(title): the template does not show the \(field.label) (`\(field.rawValue)`)",
                at: .file(place),
                hint: requirement.kind == .footer
                    ? "show it in the footer, e.g. {{layout.footer.contact.\(field.rawValue)}}"
                    : "show it on the page, e.g. {{#contact}}{{\(field.rawValue)}}{{/contact}}",
                vi: "Giao diện không hiển thị \(field.label)")
        }
    }

    /// `domain` follows `<prefix><name><suffix>`; a suggestion when it does not.
    mutating func checkDomain(_ rule: DomainRule) {
        let config = site.config
        let prefixes = rule.prefixes[config.unit] ?? []
        let name = DomainName.schoolPart(of: config.name, levelWords: rule.levelWords)
        let suggestions = prefixes.map { $0 + name + rule.suffix }
        let suggestion = suggestions.first.map { " (for \(config.name): `\($0)`)" } ?? ""
        guard let domain = config.domain?.lowercased(), !domain.isEmpty else {
            add(.domainMismatch, "\(title): site.yaml has no `domain`", at: site.configLocation(["domain"]),
                hint: "add `domain:` following the pattern <prefix><name>\(rule.suffix)\(suggestion)", vi: "Chưa khai báo tên miền")
            return
        }
        let at = site.configLocation(["domain"])
        if suggestions.contains(domain) { return }
        guard domain.hasSuffix(rule.suffix), domain.count > rule.suffix.count else {
            add(.domainMismatch, "\(title): the domain `\(domain)` is not under `\(rule.suffix)`", at: at,
                hint: "use the sub-domain the Department gives: <prefix><name>\(rule.suffix)\(suggestion)",
                vi: "Tên miền \(domain) không thuộc \(rule.suffix)")
            return
        }
        let label = String(domain.dropLast(rule.suffix.count))
        if !prefixes.isEmpty, !prefixes.contains(where: { label.hasPrefix($0) && label.count > $0.count }) {
            add(.domainMismatch, "\(title): the domain `\(domain)` does not start with the level prefix of a \(config.unit.label.lowercased()) ("
                    + prefixes.map { "`\($0)`" }.joined(separator: ", ") + ")", at: at,
                hint: "the pattern is <prefix><name>\(rule.suffix)\(suggestion)",
                vi: "Tên miền \(domain) không bắt đầu bằng tiền tố cấp học", reading: rule.prefixesReading)
        } else if !prefixes.isEmpty, !name.isEmpty {
            add(.domainMismatch,
                "\(title): the domain `\(domain)` does not match the school's name `\(config.name)`", at: at,
                hint: "expected \(suggestions.map { "`\($0)`" }.joined(separator: " or ")); if the Department gave this name, keep it",
                vi: "Tên miền \(domain) khác tên trường (gợi ý: \(suggestions.first ?? ""))", atMost: .warning)
        }
    }
}

/// Names used in Mustache tags: `{{#layout.footer}}` → `layout.footer`.
/// The unaccented school name of a domain: "Trường THPT Sông Sài Gòn" → "songsaigon".
enum DomainName {
    static func schoolPart(of name: String, levelWords: [String]) -> String {
        var text = " " + name.lowercased().split(separator: " ").joined(separator: "  ") + " "
        for word in levelWords.sorted(by: { $0.count > $1.count }) {
            text = text.replacingAll(" " + word.lowercased().split(separator: " ").joined(separator: "  ") + " ", with: " ")
        }
        return Slug.make(text).filter { $0 != "-" }
    }
}

extension String {
    /// Every occurrence replaced, scanning left to right (the replacement is not scanned again).
    func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
