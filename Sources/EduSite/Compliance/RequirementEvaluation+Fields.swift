/// The rules about `site.yaml` values and the templates that show them: contact fields, domain.
extension RequirementEvaluation {
    /// Each field is filled in `site.yaml` `contact` (not empty, not a placeholder).
    mutating func checkConfigFields(_ fields: [ContactField]) {
        for field in fields {
            let value = field.value(in: site.config.contact) ?? ""
            if Placeholder.isPlaceholder(text: value) {
                add(
                .fieldMissing, Words(
                        vi: "\(title): chưa điền \(field.label) trong site.yaml `contact.\(field.rawValue)`",
                        en: "\(title): the \(field.rawValue) is missing in site.yaml `contact.\(field.rawValue)`"),
                    at: site.configLocation(["contact", field.rawValue]),
                    hint: Words(
                        vi: "viết giá trị thật, ví dụ `\(field.rawValue): \(Self.example(field))`",
                        en: "write the real value, e.g. `\(field.rawValue): \(Self.example(field))`"),
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
            add(
                .fieldMissing, Words(
                    vi: "\(title): mẫu giao diện không hiển thị \(field.label) (`\(field.rawValue)`)",
                    en: "\(title): the template does not show the \(field.rawValue) (`\(field.rawValue)`)"),
                at: .file(place),
                hint: requirement.kind == .footer
                    ? Words(
                        vi: "hiển thị nó ở chân trang, ví dụ {{layout.footer.contact.\(field.rawValue)}}",
                        en: "show it in the footer, e.g. {{layout.footer.contact.\(field.rawValue)}}")
                    : Words(
                        vi: "hiển thị nó trên trang, ví dụ {{#contact}}{{\(field.rawValue)}}{{/contact}}",
                        en: "show it on the page, e.g. {{#contact}}{{\(field.rawValue)}}{{/contact}}"),
                vi: "Giao diện không hiển thị \(field.label)")
        }
    }

    /// `domain` follows `<prefix><name><suffix>`; a suggestion when it does not.
    mutating func checkDomain(_ rule: DomainRule) {
        let config = site.config
        let prefixes = rule.prefixes[config.unit] ?? []
        let name = DomainName.schoolPart(of: config.name, levelWords: rule.levelWords)
        let suggestions = prefixes.map { $0 + name + rule.suffix }
        let suggestion =
            suggestions.first.map { Words(vi: " (với \(config.name): `\($0)`)", en: " (for \(config.name): `\($0)`)") }
            ?? Words(verbatim: "")
        let pattern = Words(vi: "<tiền tố><tên>\(rule.suffix)", en: "<prefix><name>\(rule.suffix)") + suggestion
        guard let domain = config.domain?.lowercased(), !domain.isEmpty else {
            add(
                .domainMismatch, Words(vi: "\(title): site.yaml chưa có `domain`", en: "\(title): site.yaml has no `domain`"),
                at: site.configLocation(["domain"]),
                hint: Words(
                    vi: "thêm `domain:` theo mẫu \(pattern.vi)", en: "add `domain:` following the pattern \(pattern.en)"),
                vi: "Chưa khai báo tên miền")
            return
        }
        let at = site.configLocation(["domain"])
        if suggestions.contains(domain) { return }
        guard domain.hasSuffix(rule.suffix), domain.count > rule.suffix.count else {
            add(
                .domainMismatch, Words(
                    vi: "\(title): tên miền `\(domain)` không thuộc `\(rule.suffix)`",
                    en: "\(title): the domain `\(domain)` is not under `\(rule.suffix)`"),
                at: at,
                hint: Words(
                    vi: "dùng tên miền con do Sở cấp: \(pattern.vi)", en: "use the sub-domain the Department gives: \(pattern.en)"),
                vi: "Tên miền \(domain) không thuộc \(rule.suffix)")
            return
        }
        let label = String(domain.dropLast(rule.suffix.count))
        if !prefixes.isEmpty, !prefixes.contains(where: { label.hasPrefix($0) && label.count > $0.count }) {
            let shown = prefixes.map { "`\($0)`" }.joined(separator: ", ")
            let unit = config.unit.label.lowercased()
            add(
                .domainMismatch, Words(
                    vi: "\(title): tên miền `\(domain)` không bắt đầu bằng tiền tố cấp học của \(unit) (\(shown))",
                    en: "\(title): the domain `\(domain)` does not start with the level prefix of a \(unit) (\(shown))"),
                at: at, hint: Words(vi: "mẫu là \(pattern.vi)", en: "the pattern is \(pattern.en)"),
                vi: "Tên miền \(domain) không bắt đầu bằng tiền tố cấp học", reading: rule.prefixesReading)
        } else if !prefixes.isEmpty, !name.isEmpty {
            let expected = suggestions.map { "`\($0)`" }
            add(
                .domainMismatch,
                Words(
                    vi: "\(title): tên miền `\(domain)` không khớp với tên trường `\(config.name)`",
                    en: "\(title): the domain `\(domain)` does not match the school's name `\(config.name)`"),
                at: at,
                hint: Words(
                    vi: "tên miền đúng mẫu là \(expected.joined(separator: " hoặc ")); nếu Sở đã cấp tên này thì cứ giữ",
                    en: "expected \(expected.joined(separator: " or ")); if the Department gave this name, keep it"),
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
