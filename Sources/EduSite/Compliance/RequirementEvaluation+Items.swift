/// The rules of list requirements: counts, named items, files.
extension RequirementEvaluation {
    mutating func checkItems(
        _ all: [PageItem], ids: (PageItem) -> [String], at location: SourceLocation, noun: String, year: SchoolYear?,
        suffix: String
    ) {
        var items: [PageItem] = []
        let named = (rules.items ?? []).filter { $0.applies(to: site.config.unit) }
        for item in all {
            // With named items, only those are this requirement's concern.
            let concerned = named.isEmpty || named.contains { ids(item).contains($0.id) }
            if concerned, let page = item.page, Placeholder.isPlaceholder(page) {
                add(.placeholderContent, "\(title): “\(page.title)” is still a placeholder\(suffix)", at: page.location,
                    hint: "replace the template's text (“TODO”, “Đang cập nhật”, “Lorem ipsum”, an empty body) with the real content",
                    vi: "“\(page.title)” mới là nội dung mẫu")
            } else {
                items.append(item)
            }
        }
        if let year, all.isEmpty {
            add(.schoolYearMissing, "\(title): nothing is published\(suffix)", at: location,
                hint: "create the folder `\(location.path)` with the items of school year \(year) (see the other years for the layout)",
                vi: "Chưa có nội dung công khai")
            return
        }
        checkCount(items.count, noun: noun, at: location, suffix: suffix)
        for wanted in named {
            let matches = items.filter { ids($0).contains(wanted.id) }
            if matches.isEmpty {
                add(.namedItemMissing, "\(title): “\(wanted.title)” is missing\(suffix)", at: location,
                    hint: hintForMissing(wanted), vi: "Thiếu “\(wanted.title)”", reading: wanted.reading)
                continue
            }
            checkFiles(matches, for: wanted.title, suffix: suffix, reading: wanted.reading)
        }
        if named.isEmpty {
            for item in items { checkFiles([item], for: item.page?.title ?? "", suffix: suffix) }
        }
    }

    func hintForMissing(_ item: NamedItem) -> String {
        switch requirement.kind {
        case .procedures: "add a page in `\(requirement.path)` with `procedure: \(item.id)` and its forms"
        case .disclosures: "add a page with `disclosure: \(manifestID)/\(item.id)` and its file(s)"
        case .organisations: "add a page in `\(requirement.path)` with `kind: \(item.id)`"
        case .feeds: "add `{ id: \(item.id), title: …, url: … }` to `upstream_feeds` in site.yaml"
        default: "add it"
        }
    }

    /// At least one of the items has a file (attachment or form) of a required type.
    mutating func checkFiles(_ items: [PageItem], for name: String, suffix: String, reading: String? = nil) {
        guard let types = rules.fileTypes else { return }
        let pages = items.compactMap(\.page)
        guard !pages.isEmpty else { return }
        let hasFile = pages.contains { page in
            (page.attachments + (page.procedure?.forms ?? [])).contains { types.contains(Path.fileExtension($0.path).lowercased()) }
        }
        if !hasFile {
            let list = types.map { $0.uppercased() }.joined(separator: " or ")
            add(.fileMissing, "\(title): “\(name)” has no \(list) file\(suffix)", at: pages[0].location,
                hint: "attach the document as \(list) under `attachments:` (or `forms:` for a procedure)",
                vi: "“\(name)” chưa có tệp \(list)", reading: reading)
        }
    }
}

extension NamedItem {
    /// The reading a finding about it states, when it is asked for on one.
    var reading: String? { verified == false ? note ?? "chưa kiểm chứng" : nil }
}
