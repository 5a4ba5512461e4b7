/// Phase one of loading a page: read the file, split and decode its front matter by kind, and
/// work out its URL. Runs in parallel over all files.
struct PageReader: Sendable {
    let fileSystem: FileSystem
    let root: String
    let classifier: ContentClassifier
    let zone: SiteTimeZone
    let includeDrafts: Bool

    struct Outcome: Sendable {
        var draft: DraftPage?
        var diagnostics: [Diagnostic]
    }

    func read(_ relative: String) -> Outcome {
        let source = "content/" + relative
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(Path.join(root, source))
        } catch {
            return Outcome(draft: nil, diagnostics: [Diagnostic(.unreadableFile, .error, error.words, at: .file(source))])
        }
        // The body must be UTF-8 too, not only the front matter the YAML parser reads.
        if let offset = UTF8Validation.firstInvalidByte(in: bytes[...]) {
            let text = SourceText(bytes: bytes[...], path: source, firstLine: 1)
            return Outcome(draft: nil, diagnostics: [text.notUTF8(atOffset: offset)])
        }
        let kind: PageKind
        switch classifier.classify(relative) {
        case .page(let pageKind): kind = pageKind
        case .badSchoolYear(let folder):
            return Outcome(
                draft: nil,
                diagnostics: [
                    Diagnostic(
                        .badSchoolYearFolder, .error,
                        Words(
                            vi: "`\(folder)` không phải một năm học: nội dung công khai nằm trong mỗi thư mục một năm học",
                            en: "`\(folder)` is not a school year: public disclosures go in one folder per school year"),
                        at: .file(source),
                        hint: Words(
                            vi: "chuyển tệp vào một thư mục có tên như `cong-khai/2025-2026/`",
                            en: "move the file into a folder named like `cong-khai/2025-2026/`"))
                ])
        }
        do {
            guard let parts = try FrontMatter.split(bytes, path: source) else {
                return Outcome(
                    draft: nil,
                    diagnostics: [
                        Diagnostic(
                            .missingFrontMatter, .error,
                            Words(vi: "trang này không có phần đầu (front matter)", en: "this page has no front matter"),
                            at: .file(source),
                            hint: Words(
                                vi: "bắt đầu tệp bằng một dòng `---`, rồi ít nhất `title: …`, rồi một dòng `---`",
                                en: "start the file with a line `---`, then at least `title: …`, then a line `---`"))
                    ])
            }
            guard let node = try YAMLParser.parse(parts.yaml, path: source, firstLine: parts.yamlFirstLine, knownUTF8: true)
            else {
                return Outcome(
                    draft: nil,
                    diagnostics: [
                        Diagnostic(
                            .missingFrontMatter, .error,
                            Words(vi: "phần đầu (front matter) đang trống", en: "the front matter is empty"), at: .file(source),
                            hint: Words(
                                vi: "viết ít nhất `title: …` giữa hai dòng `---`", en: "write at least `title: …` between the two `---` lines"))
                    ])
            }
            let fields = try decodeFields(kind, node)
            let common = fields.common
            if common.draft && !includeDrafts { return Outcome(draft: nil, diagnostics: []) }
            var diagnostics: [Diagnostic] = []
            if case .post = kind, common.date == nil {
                diagnostics.append(
                    Diagnostic(
                        .missingDate, .error, Words(vi: "bài viết cần có ngày đăng", en: "a post needs a date"),
                        at: node.location,
                        hint: Words(
                            vi: "thêm một dòng như `date: 2025-09-05` (hoặc `2025-09-05 07:30`) vào phần đầu",
                            en: "add a line like `date: 2025-09-05` (or `2025-09-05 07:30`) to the front matter")))
            }
            let draft = DraftPage(
                source: source, kind: kind, path: ContentClassifier.sitePath(of: relative, slug: common.slug),
                fields: fields, frontMatter: node, bodyOffset: parts.body.startIndex, bodyFirstLine: parts.bodyFirstLine,
                contentHash: ContentHash.of(bytes),
                date: common.date.map(zone.date), updated: common.updated.map(zone.date))
            return Outcome(draft: diagnostics.isEmpty ? draft : nil, diagnostics: diagnostics)
        } catch {
            return Outcome(draft: nil, diagnostics: error.diagnostics)
        }
    }

    private func decodeFields(_ kind: PageKind, _ node: YAMLNode) throws(DiagnosticError) -> DraftPage.Fields {
        try YAMLDecoder.read(node) { session in
            let c = try YAMLMappingReader(node, session: session)
            return switch kind {
            case .post: .post(try PostFrontMatter(c))
            case .leadership: .people(try PeopleFrontMatter(c))
            case .organisation: .organisation(try OrganisationFrontMatter(c))
            case .disclosure: .disclosure(try DisclosureFrontMatter(c))
            case .procedure: .procedure(try ProcedureFrontMatter(c))
            case .home, .page, .contact, .feedback, .section: .plain(try PlainFrontMatter(c))
            }
        }
    }
}
