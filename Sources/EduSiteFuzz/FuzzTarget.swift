@testable import EduSite

/// What each fuzz target feeds one input to. A finding (a `Diagnostic`) is a good outcome; a crash,
/// a hang or a failed round trip is a bug.
enum FuzzTarget: String, CaseIterable {
    /// site.yaml: libyaml events → `YAMLNode` → `SiteConfig`, and free-form values through the cache coder.
    case yaml
    /// A page: front matter split, YAML, the fields of its kind (the first byte picks the kind).
    case frontMatter = "front-matter"
    /// A fetched upstream document: the feed reader (RSS, Atom, RDF) and the sitemap reader.
    case feed

    func run(_ bytes: [UInt8]) {
        switch self {
        case .yaml: Self.yaml(bytes)
        case .frontMatter: Self.frontMatter(bytes)
        case .feed: Self.feed(bytes)
        }
    }

    private static func yaml(_ bytes: [UInt8]) {
        var diagnostics: [Diagnostic] = []
        _ = ConfigLoader(fileSystem: .memory(["/s/site.yaml": bytes])).load(root: "/s", into: &diagnostics)
        guard let node = try? YAMLParser.parse(bytes[...], path: "site.yaml"),
            let value = try? YAMLDecoder().decode(YAMLValue.self, from: node)
        else { return }
        // The cache must give back exactly what it was given.
        var writer = CacheWriter()
        writer.write(value)
        guard var reader = try? CacheReader(bytes: writer.encoded()), let read = try? reader.read(YAMLValue.self) else {
            fatalError("the cache coder could not read back a YAMLValue it wrote")
        }
        precondition(read == value || value.containsNaN, "the cache coder changed a YAMLValue")
    }

    /// One path per page kind, so that every front-matter struct is decoded.
    private static let pagePaths = [
        "tin-tuc/a.md", "gioi-thieu.md", "to-chuc/ban-giam-hieu.md", "to-chuc/doan-the/doan.md",
        "cong-khai/2025-2026/a.md", "cai-cach-hanh-chinh/a.md", "_index.md", "lien-he.md",
    ]

    private static func frontMatter(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let relative = pagePaths[Int(first) % pagePaths.count]
        let page = Array(bytes.dropFirst())
        let reader = PageReader(
            fileSystem: .memory(["/s/content/" + relative: page]), root: "/s",
            classifier: ContentClassifier(datedSections: ["tin-tuc"]), zone: .hoChiMinh, includeDrafts: true)
        let outcome = reader.read(relative)
        precondition(outcome.draft != nil || !outcome.diagnostics.isEmpty, "a page was neither read nor refused")
    }

    private static func feed(_ bytes: [UInt8]) {
        _ = try? FeedDocumentParser.parse(bytes, sourceURL: "https://example.org/rss", httpCharset: nil)
        _ = try? SitemapParser.parse(bytes, sourceURL: "https://example.org/sitemap.xml", httpCharset: nil)
    }
}

extension YAMLValue {
    /// NaN is not equal to itself, so a round trip of `.nan` cannot be compared with `==`.
    var containsNaN: Bool {
        switch self {
        case .double(let value): value.isNaN
        case .array(let values): values.contains { $0.containsNaN }
        case .object(let values): values.values.contains { $0.containsNaN }
        default: false
        }
    }
}
