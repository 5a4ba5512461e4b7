/// Every `disclosure:` must name an item (and, when it gives one, a kind of that item) that one of
/// the site's manifests asks for: a typo would otherwise leave a page that counts for nothing, and
/// the school would only see "missing" findings elsewhere.
enum DisclosureReferenceCheck {
    static func problems(_ site: Site, manifests: [Manifest]) -> [Diagnostic] {
        let unit = site.config.unit
        let items: [(manifest: String, item: NamedItem)] = manifests.flatMap { manifest in
            manifest.requirements
                .filter { $0.kind == .disclosures && $0.applies(to: unit) }
                .flatMap { ($0.rules.items ?? []).filter { $0.applies(to: unit) }.map { (manifest.id, $0) } }
        }
        var problems: [Diagnostic] = []
        for page in site.pages {
            guard let reference = page.disclosure?.reference else { continue }
            let matches = items.compactMap { entry in
                reference.match(manifest: entry.manifest, item: entry.item.id, kinds: entry.item.kinds.map(\.id)).map { (entry, $0.kind) }
            }
            if matches.contains(where: { entry, kind in kind.map { entry.item.kind($0) != nil } ?? true }) { continue }
            let at = page.keyLocations["disclosure"] ?? page.location
            if let (entry, kind) = matches.first, let kind {
                let kinds = entry.item.kinds.map { "`\($0.id)`" }.joined(separator: ", ")
                problems.append(
                    Diagnostic(
                        .unknownDisclosure, .warning,
                        Words(
                            vi: "`disclosure: \(reference)`: “\(entry.item.title)” không có loại `\(kind)`, nên trang này không được tính",
                            en: "`disclosure: \(reference)`: “\(entry.item.title)” has no kind `\(kind)`, so the page counts for nothing"),
                        at: at,
                        hint: entry.item.kinds.isEmpty
                            ? Words(
                                vi: "viết `disclosure: \(entry.manifest)/\(entry.item.id)` (mục này không chia loại)",
                                en: "write `disclosure: \(entry.manifest)/\(entry.item.id)` (this item has no kinds)")
                            : Words(
                                vi: "các loại của `\(entry.manifest)/\(entry.item.id)` là \(kinds)",
                                en: "the kinds of `\(entry.manifest)/\(entry.item.id)` are \(kinds)")))
            } else {
                let known = Set(items.map { "`\($0.manifest)/\($0.item.id)`" }).sorted().joined(separator: ", ")
                problems.append(
                    Diagnostic(
                        .unknownDisclosure, .warning,
                        Words(
                            vi: "`disclosure: \(reference)` không phải mục nào các bộ tiêu chí của trang yêu cầu, nên trang này không được tính",
                            en: "`disclosure: \(reference)` names nothing the site's manifests ask for, so the page counts for nothing"),
                        at: at, hint: Words(vi: "dùng một trong \(known)", en: "use one of \(known)")))
            }
        }
        return problems
    }
}
