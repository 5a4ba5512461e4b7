/// The content rules that need the whole site: URL collisions, links that go nowhere, templates
/// that do not exist. Collects every finding; never stops at the first.
public struct ContentChecker: Sendable {
    public init() {}

    public func check(_ site: Site, plan: SitePlan) -> [Diagnostic] {
        var diagnostics = collisions(site, plan)
        diagnostics += links(site, plan)
        diagnostics += templates(site, plan)
        diagnostics += partialCycles(site.theme.templates)
        return diagnostics
    }

    /// Every output path claimed twice, reported once per path with all its sources.
    func collisions(_ site: Site, _ plan: SitePlan) -> [Diagnostic] {
        var claims: [String: [String]] = [:]
        var order: [String] = []
        func claim(_ file: String, _ source: String) {
            if claims[file] == nil { order.append(file) }
            claims[file, default: []].append(source)
        }
        for entry in plan.entries { claim(SitePlan.outputFile(for: entry.path), entry.source ?? "(generated list page)") }
        for file in plan.generatedFiles { claim(SitePlan.outputFile(for: file), "(generated)") }
        // A site's static file replaces the theme's file of the same name on purpose.
        var staticByPath: [String: StaticFile] = [:]
        for file in site.staticFiles {
            if let earlier = staticByPath[file.path], !earlier.displaySource.hasPrefix("theme:") {
                claim(SitePlan.outputFile(for: file.path), earlier.displaySource)
            }
            staticByPath[file.path] = file
        }
        for file in staticByPath.values.sorted(by: { $0.path < $1.path }) {
            claim(SitePlan.outputFile(for: file.path), file.displaySource)
        }
        return order.compactMap { file in
            let sources = claims[file]!
            guard sources.count > 1 else { return nil }
            let located = sources.filter { !$0.hasPrefix("(") && !$0.hasPrefix("theme:") }
            let names = sources.map { "`\($0)`" }.joined(separator: ", ")
            return Diagnostic(
                .pathCollision, .error,
                Words(
                    vi: "\(sources.count) tệp sẽ cùng được ghi vào `/\(file)`: \(names)",
                    en: "\(sources.count) files would be written to `/\(file)`: \(names)"),
                at: located.first.map { SourceLocation.file($0) },
                hint: Words(
                    vi: "đổi tên một trong số đó, hoặc đặt cho một trang `slug:` khác trong phần đầu (front matter) của nó",
                    en: "rename one of them, or give one page another `slug:` in its front matter"),
                related: located.dropFirst().map { SourceLocation.file($0) })
        }
    }

    func links(_ site: Site, _ plan: SitePlan) -> [Diagnostic] {
        let existing = Self.linkTargets(site, plan)
        return site.pages.flatMap { links(of: $0, existing: existing) }
    }

    /// Every site path a link may point at: the planned pages, generated files and published files.
    static func linkTargets(_ site: Site, _ plan: SitePlan) -> Set<String> {
        var existing = Set(plan.entries.map(\.path))
        existing.formUnion(plan.generatedFiles)
        for file in site.staticFiles { existing.insert(file.path) }
        // A page that failed to load already has its own finding; links to it are not a second problem.
        existing.formUnion(site.unreadablePagePaths)
        return existing
    }

    /// One page's links that go nowhere.
    func links(of page: Page, existing: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for link in page.body.links {
                let written = link.reference.destination
                let what = link.reference.kind == .image ? Words(vi: "ảnh", en: "image") : Words(vi: "liên kết", en: "link")
                switch link.target {
                case .external:
                    // cmark-gfm leaves such a link without its address; it is still a mistake to show.
                    if let refusal = LinkPolicy.refusal(written) {
                        diagnostics.append(LinkPolicy.diagnostic(written, refusal, what: what, at: link.reference.location))
                    }
                case .file: continue
                case .sitePath(let path, _):
                    if existing.contains(path) || existing.contains(path + "/") { continue }
                    diagnostics.append(
                        Diagnostic(
                            .brokenLink, .error,
                            Words(
                                vi: "\(what.vi) `\(written)` trỏ tới một trang hoặc tệp mà trang web không có",
                                en: "the \(what.en) `\(written)` points at a page or file the site does not have"),
                            at: link.reference.location,
                            hint: Words(
                                vi: "kiểm tra chính tả; đường dẫn trang có dạng /tin-tuc/ten-bai-viet/ và tệp trong static/ được viết từ /, ví dụ /tai-lieu/ten-file.pdf",
                                en: "check the spelling; site paths look like /tin-tuc/ten-bai-viet/ and files in static/ are written from /, e.g. /tai-lieu/ten-file.pdf")))
                case .missing(let candidate):
                    diagnostics.append(
                        Diagnostic(
                            .missingFile, .error,
                            Words(
                                vi: "\(what.vi) `\(written)` trỏ tới `\(candidate)`, tệp này không tồn tại",
                                en: "the \(what.en) `\(written)` points at `\(candidate)`, which does not exist"),
                            at: link.reference.location,
                            hint: Words(
                                vi: "đặt tệp vào đó, hoặc sửa lại đường dẫn (tính từ thư mục của trang này)",
                                en: "put the file there, or correct the path (relative to this page's folder)")))
                case .outsideSite:
                    diagnostics.append(
                        Diagnostic(
                            .pathLeavesSite, .error,
                            Words(
                                vi: "\(what.vi) `\(written)` trỏ ra ngoài các tệp được đăng của trang web",
                                en: "the \(what.en) `\(written)` points outside the site's published files"),
                            at: link.reference.location,
                            hint: Words(
                                vi: "chép tệp vào `static/` và liên kết tới nó từ đó, ví dụ /tai-lieu/\(Path.lastComponent(written))",
                                en: "copy the file into `static/` and link it from there, e.g. /tai-lieu/\(Path.lastComponent(written))")))
                }
            }
        return diagnostics
    }

    func templates(_ site: Site, _ plan: SitePlan) -> [Diagnostic] {
        let available = Set(site.theme.templates.map(\.name))
        var diagnostics: [Diagnostic] = []
        for page in site.pages {
            if let layout = page.layout, !available.contains(layout) {
                let choices = available.filter { !$0.contains("/") }.sorted().joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        .missingTemplate, .error,
                        Words(vi: "không có mẫu giao diện `\(layout)`", en: "there is no template `\(layout)`"),
                        at: page.keyLocations["layout"] ?? page.location,
                        hint: Words(
                            vi: "dùng một trong: \(choices); hoặc thêm `layouts/\(layout).mustache` vào trang web",
                            en: "use one of: \(choices); or add `layouts/\(layout).mustache` to the site")))
            }
        }
        // The templates the theme's pages need (a `layout:` of a page's own is reported above).
        var pathsByMissing: [String: [String]] = [:]
        for entry in plan.entries where !available.contains(entry.job.template) {
            switch entry.job {
            case .page(let page) where page.layout != nil: continue
            case .plainSection(let page) where page.layout != nil: continue
            default: pathsByMissing[entry.job.template, default: []].append(entry.path)
            }
        }
        if !pathsByMissing.isEmpty {
            let missing = pathsByMissing.keys.sorted()
            let pages = missing.map { name in
                let paths = pathsByMissing[name]!
                return "`\(name)` (for \(paths.prefix(3).joined(separator: ", "))\(paths.count > 3 ? ", …" : ""))"
            }
            let files = missing.map { "`templates/\($0).mustache`" }.joined(separator: ", ")
            diagnostics.append(
                Diagnostic(
                    .missingTemplate, .error,
                    Words(
                        vi: "giao diện `\(site.theme.name)` không có mẫu \(pages.joined(separator: ", ")): các trang này sẽ trống",
                        en: "the theme `\(site.theme.name)` has no template \(pages.joined(separator: ", ")): these pages would be empty"),
                    at: site.configLocation(["theme"]),
                    hint: Words(
                        vi: "thêm \(files) vào giao diện (hoặc vào `layouts/` của trang web), hoặc dùng một giao diện đầy đủ như `default`",
                        en: "add \(files) to the theme (or the site's `layouts/`), or use a complete theme such as `default`")))
        }
        for template in site.theme.templates {
            for tag in TemplateTags.partials(in: template.text) where !available.contains(tag.name) {
                diagnostics.append(
                    Diagnostic(
                        .missingPartial, .error,
                        Words(
                            vi: "mẫu giao diện này chèn `\(tag.name)`, nhưng giao diện không có mẫu đó",
                            en: "the template includes `\(tag.name)`, which the theme does not have"),
                        at: SourceLocation(path: template.displaySource, line: tag.line, column: tag.column),
                        hint: Words(
                            vi: "thêm `layouts/\(tag.name).mustache`, hoặc sửa lại tên",
                            en: "add `layouts/\(tag.name).mustache`, or correct the name")))
            }
        }
        return diagnostics
    }
}
