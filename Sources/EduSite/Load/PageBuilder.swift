/// Phase two of loading a page: read its body again, render its Markdown (links rewritten to site
/// URLs), resolve the files it names, and assemble the `Page`.
struct PageBuilder: Sendable {
    let fileSystem: FileSystem
    let root: String
    let resolver: ReferenceResolver
    let urls: SiteURLs
    let markdown: MarkdownRenderer
    /// Where bodies go; nil keeps each in its page.
    let bodies: BodyStore?

    struct Outcome: Sendable {
        var page: Page?
        var diagnostics: [Diagnostic]
    }

    func build(_ draft: DraftPage) -> Outcome {
        var diagnostics: [Diagnostic] = []
        let resolver = self.resolver
        let urls = self.urls
        let source = draft.source
        let targets = ResolvedTargets()
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(Path.join(root, source))
        } catch {
            return Outcome(page: nil, diagnostics: [Diagnostic(.unreadableFile, .error, error.words, at: .file(source))])
        }
        guard ContentHash.of(bytes) == draft.contentHash else {
            return Outcome(
                page: nil,
                diagnostics: [
                    Diagnostic(
                        .unreadableFile, .error,
                        Words(
                            vi: "tệp đã thay đổi trong lúc đang tạo trang",
                            en: "the file changed while the site was being built"),
                        at: .file(source),
                        hint: Words(vi: "lưu các thay đổi, rồi tạo lại", en: "save your changes, then build again"))
                ])
        }
        let document = markdown.render(
            bytes[draft.bodyOffset...], path: source, firstLine: draft.bodyFirstLine,
            rewrite: { written, _ in
                let target = resolver.resolve(written, from: source)
                targets.record(written, target)
                return switch target {
                case .sitePath(let path, let suffix): urls.href(path) + suffix
                case .file(_, let path, _): urls.href(path)
                case .external, .missing, .outsideSite: nil
                }
            })
        let links = document.references.enumerated().map { position, reference in
            PageLink(
                reference: reference,
                target: targets.target(of: reference.destination, at: position)
                    ?? resolver.resolve(reference.destination, from: source))
        }

        let common = draft.fields.common
        let node = draft.frontMatter
        var assets = AssetCollector(resolver: resolver, source: source, node: node)

        let attachments = common.attachments.enumerated().compactMap { index, reference in
            assets.asset(reference.file, title: reference.title, at: [.key("attachments"), .index(index), .key("file")])
        }
        let image = common.image.flatMap { assets.asset($0, title: common.imageAlt, at: [.key("image")]) }

        var people: [Person] = []
        var organisation: OrganisationInfo?
        var disclosure: DisclosureInfo?
        var procedure: ProcedureInfo?
        var tags: [Tag] = []
        switch draft.fields {
        case .plain: break
        case .post(let fields):
            var seen = Set<String>()
            tags = fields.tags.map(Tag.init(name:)).filter { !$0.slug.isEmpty && seen.insert($0.slug).inserted }
        case .people(let fields):
            people = assets.people(fields.people)
            if people.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .emptyList, .error, Words(vi: "`people` không có ai", en: "`people` lists nobody"),
                        at: node.location(ofKeyPath: ["people"]),
                        hint: Words(
                            vi: "thêm mỗi người một mục: `- name: …` với `role: …` bên dưới",
                            en: "add one entry per member: `- name: …` with `role: …` under it")))
            }
        case .organisation(let fields):
            people = assets.people(fields.people)
            organisation = OrganisationInfo(kind: fields.kind)
        case .disclosure(let fields):
            if let year = ContentClassifier.schoolYear(of: String(source.dropFirst("content/".count))) {
                disclosure = DisclosureInfo(reference: fields.disclosure, schoolYear: year, period: fields.period)
                diagnostics += Self.yearProblems(fields, folderYear: year, node: node)
            }
        case .procedure(let fields):
            let forms = fields.forms.enumerated().compactMap { index, reference in
                assets.asset(reference.file, title: reference.title, at: [.key("forms"), .index(index), .key("file")])
            }
            procedure = ProcedureInfo(
                id: fields.procedure ?? Slug.make(Path.removingExtension(Path.lastComponent(source))),
                forms: forms, steps: fields.steps, documents: fields.documents, timeLimit: fields.timeLimit,
                fees: fields.fees, agency: fields.agency, legalBasis: fields.legalBasis,
                onlineService: fields.onlineService, onlineLevel: fields.onlineLevel)
        }
        diagnostics += assets.diagnostics

        var keyLocations: [String: SourceLocation] = [:]
        if case .mapping(let pairs) = node.content {
            for pair in pairs {
                if case .scalar(let scalar) = pair.key.content { keyLocations[scalar.value] = pair.key.location }
            }
        }
        let summary = common.summary ?? document.firstParagraphText
        let page = Page(
            source: source, kind: draft.kind, path: draft.path, title: common.title, description: common.description,
            date: draft.date, updated: draft.updated, weight: common.weight, draft: common.draft,
            summary: summary,
            body: PageBody(
                html: bodies?.put(document.htmlBytes) ?? BodyHTML(document.html), headings: document.headings,
                links: links, wordCount: document.wordCount,
                sample: document.htmlBytes.withUnsafeBufferPointer { Placeholder.sample(htmlBytes: $0) }),
            tags: tags, image: image, imageAlt: common.imageAlt, attachments: attachments, people: people,
            organisation: organisation, disclosure: disclosure, procedure: procedure, layout: common.layout,
            params: common.params, keyLocations: keyLocations)
        return Outcome(page: page, diagnostics: diagnostics)
    }
}

/// What each link of one page resolved to while its Markdown rendered, so no link is resolved twice.
/// `@unchecked Sendable`: the renderer calls `rewrite` synchronously on the thread that builds this one
/// page, and the page reads the targets after rendering on the same thread; nothing else sees it.
///
/// A list in the order the links were resolved, which is the order of the document's references: the
/// n-th reference's target is looked for at position n first, so no destination is hashed.
final class ResolvedTargets: @unchecked Sendable {
    private var targets: [(written: String, target: LinkTarget)] = []

    func record(_ written: String, _ target: LinkTarget) { targets.append((written, target)) }

    /// The target recorded for `written`, expected at `position`.
    func target(of written: String, at position: Int) -> LinkTarget? {
        if position < targets.count, targets[position].written == written { return targets[position].target }
        return targets.last(where: { $0.written == written })?.target
    }
}

/// Resolves the files a page's front matter names, reporting each one that is missing or outside
/// the site at the line where it is named.
struct AssetCollector {
    enum Step {
        case key(String)
        case index(Int)
    }

    let resolver: ReferenceResolver
    let source: String
    let node: YAMLNode
    var diagnostics: [Diagnostic] = []

    init(resolver: ReferenceResolver, source: String, node: YAMLNode) {
        self.resolver = resolver
        self.source = source
        self.node = node
    }

    mutating func asset(_ written: String, title: String?, at steps: [Step]) -> Asset? {
        let location = locate(steps)
        let fallbackTitle = title ?? Path.lastComponent(written)
        switch resolver.resolve(written, from: source) {
        case .file(let file, let path, let size):
            return Asset(source: file, path: path, title: fallbackTitle, byteCount: size, declaredAt: location)
        case .external:
            guard ReferenceResolver.hasScheme(written) else { fallthrough }
            if let refusal = LinkPolicy.refusal(written) {
                diagnostics.append(LinkPolicy.diagnostic(written, refusal, what: Words(vi: "tệp", en: "file"), at: location))
                return nil
            }
            return Asset(source: "", path: written, title: fallbackTitle, byteCount: 0, declaredAt: location)
        case .sitePath, .missing:
            let lookedIn =
                written.hasPrefix("/")
                ? "static\(written)" : Path.normalize(Path.join(Path.parent(source), written)) ?? written
            diagnostics.append(
                Diagnostic(
                    .missingFile, .error,
                    Words(
                        vi: "tệp `\(written)` không tồn tại (đã tìm ở `\(lookedIn)`)",
                        en: "the file `\(written)` does not exist (looked for `\(lookedIn)`)"),
                    at: location,
                    hint: Words(
                        vi: "đặt tệp vào `\(lookedIn)`, hoặc sửa đường dẫn: đường dẫn bắt đầu bằng / nằm trong `static/`, còn lại tính từ thư mục của trang này",
                        en: "put the file at `\(lookedIn)`, or correct the path: a path starting with / is inside `static/`, any other is relative to this page's folder")))
            return nil
        case .outsideSite:
            diagnostics.append(
                Diagnostic(
                    .pathLeavesSite, .error,
                    Words(
                        vi: "`\(written)` trỏ ra ngoài các tệp được đăng của trang web",
                        en: "`\(written)` points outside the site's published files"),
                    at: location,
                    hint: Words(
                        vi: "chép tệp vào `static/` và ghi đường dẫn từ đó, ví dụ `/tai-lieu/\(Path.lastComponent(written))`",
                        en: "copy the file into `static/` and write its path from there, e.g. `/tai-lieu/\(Path.lastComponent(written))`")))
            return nil
        }
    }

    mutating func people(_ entries: [PersonFields]) -> [Person] {
        entries.enumerated().map { index, entry in
            let photo = entry.photo.flatMap {
                asset($0, title: entry.name, at: [.key("people"), .index(index), .key("photo")])
            }
            return Person(
                name: entry.name, role: entry.role, phone: entry.phone, email: entry.email, photo: photo,
                duties: entry.duties, location: locate([.key("people"), .index(index)]))
        }
    }

    /// The location of a value inside the front matter, or the deepest part of the path that exists.
    func locate(_ steps: [Step]) -> SourceLocation {
        var current = node
        for step in steps {
            switch (step, current.content) {
            case (.key(let key), .mapping):
                guard let child = current[key] else { return current.location }
                current = child
            case (.index(let index), .sequence(let items)) where items.indices.contains(index):
                current = items[index]
            default:
                return current.location
            }
        }
        return current.location
    }
}
