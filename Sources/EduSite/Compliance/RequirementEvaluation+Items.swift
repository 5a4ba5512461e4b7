/// The rules of list requirements: counts, named items, files.
extension RequirementEvaluation {
    mutating func checkItems(
        _ all: [PageItem], ids: (PageItem) -> [String], at location: SourceLocation, noun: Words, year: SchoolYear?,
        suffix: Words
    ) {
        var items: [PageItem] = []
        let named = (rules.items ?? []).filter { $0.applies(to: site.config.unit) }
        for item in all {
            // With named items, only those are this requirement's concern.
            let concerned = named.isEmpty || named.contains { ids(item).contains($0.id) }
            if concerned, let page = item.page, Placeholder.isPlaceholder(page) {
                add(
                .placeholderContent, Words(
                        vi: "\(title): “\(page.title)”\(suffix.vi) vẫn là nội dung mẫu",
                        en: "\(title): “\(page.title)” is still a placeholder\(suffix.en)"),
                    at: page.location, hint: Self.placeholderHint,
                    vi: "“\(page.title)” mới là nội dung mẫu")
            } else {
                items.append(item)
            }
        }
        if let year, all.isEmpty {
            add(
                .schoolYearMissing, Words(vi: "\(title): chưa đăng gì\(suffix.vi)", en: "\(title): nothing is published\(suffix.en)"),
                at: location,
                hint: Words(
                    vi: "tạo thư mục `\(location.path)` với các mục của năm học \(year) (xem các năm khác để biết cách sắp xếp)",
                    en: "create the folder `\(location.path)` with the items of school year \(year) (see the other years for the layout)"),
                vi: "Chưa có nội dung công khai")
            return
        }
        checkCount(items.count, noun: noun, at: location, suffix: suffix)
        for wanted in named {
            let matches = items.filter { ids($0).contains(wanted.id) }
            if matches.isEmpty {
                add(
                .namedItemMissing, Words(
                        vi: "\(title): thiếu “\(wanted.title)”\(suffix.vi)",
                        en: "\(title): “\(wanted.title)” is missing\(suffix.en)"),
                    at: location,
                    hint: hintForMissing(wanted), vi: "Thiếu “\(wanted.title)”", reading: wanted.reading)
                continue
            }
            checkFiles(matches, for: wanted.title, suffix: suffix, reading: wanted.reading)
        }
        if named.isEmpty {
            for item in items { checkFiles([item], for: item.page?.title ?? "", suffix: suffix) }
        }
    }

    func hintForMissing(_ item: NamedItem) -> Words {
        let path = requirement.path
        return switch requirement.kind {
        case .procedures:
            Words(
                vi: "thêm một trang trong `\(path)` có `procedure: \(item.id)` và các biểu mẫu của nó",
                en: "add a page in `\(path)` with `procedure: \(item.id)` and its forms")
        case .disclosures:
            Words(
                vi: "thêm một trang có `disclosure: \(manifestID)/\(item.id)` và (các) tệp của nó",
                en: "add a page with `disclosure: \(manifestID)/\(item.id)` and its file(s)")
        case .organisations:
            Words(
                vi: "thêm một trang trong `\(path)` có `kind: \(item.id)`", en: "add a page in `\(path)` with `kind: \(item.id)`")
        case .feeds:
            Words(
                vi: "thêm `{ id: \(item.id), title: …, url: … }` vào `upstream_feeds` trong site.yaml",
                en: "add `{ id: \(item.id), title: …, url: … }` to `upstream_feeds` in site.yaml")
        default: Words(vi: "hãy thêm nó", en: "add it")
        }
    }

    /// At least one of the items has a file (attachment or form) of a required type.
    mutating func checkFiles(_ items: [PageItem], for name: String, suffix: Words, reading: String? = nil) {
        guard let types = rules.fileTypes else { return }
        let pages = items.compactMap(\.page)
        guard !pages.isEmpty else { return }
        let hasFile = pages.contains { page in
            (page.attachments + (page.procedure?.forms ?? [])).contains { types.contains(Path.fileExtension($0.path).lowercased()) }
        }
        if !hasFile {
            let list = types.map { $0.uppercased() }.joined(separator: " or ")
            let danhSach = types.map { $0.uppercased() }.joined(separator: " hoặc ")
            add(
                .fileMissing, Words(
                    vi: "\(title): “\(name)”\(suffix.vi) chưa có tệp \(danhSach)",
                    en: "\(title): “\(name)” has no \(list) file\(suffix.en)"),
                at: pages[0].location,
                hint: Words(
                    vi: "đính kèm văn bản dạng \(danhSach) trong `attachments:` (hoặc `forms:` với một thủ tục)",
                    en: "attach the document as \(list) under `attachments:` (or `forms:` for a procedure)"),
                vi: "“\(name)” chưa có tệp \(danhSach)", reading: reading)
        }
    }
}

extension NamedItem {
    /// The reading a finding about it states, when it is asked for on one.
    var reading: String? { verified == false ? note ?? "chưa kiểm chứng" : nil }
}
