/// The Load stage: reads `site.yaml`, `content/`, `static/` and the theme into a `Site`.
///
/// It reads every file once, in parallel, and collects every finding rather than stopping at the
/// first, so one build shows the IT teacher all that needs fixing.
public struct SiteLoader: Sendable {
    public var fileSystem: FileSystem
    /// Where page bodies go; nil keeps each in its page.
    public var bodies: BodyStore?

    public init(fileSystem: FileSystem = .live, bodies: BodyStore? = nil) {
        self.fileSystem = fileSystem
        self.bodies = bodies
    }

    public func load(root: String, options: LoadOptions) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        guard let loaded = ConfigLoader(fileSystem: fileSystem).load(root: root, into: &diagnostics)
        else { return LoadResult(site: nil, diagnostics: diagnostics) }
        var config = loaded.0
        let configNode = loaded.1
        if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }

        let offset = TimeZoneOffsets.offset(for: config.timezone)
        if offset == nil {
            diagnostics.append(
                Diagnostic(
                    .unknownTimezone, .error, "unknown timezone `\(config.timezone)`",
                    at: configNode.location(ofKeyPath: ["timezone"]),
                    hint: "use a name like Asia/Ho_Chi_Minh, or remove the key (Asia/Ho_Chi_Minh is the default)"))
        }
        let utcOffset = offset ?? 7 * 3600
        // "Now" is shown in the site's timezone, whatever offset the caller gave.
        let buildDate = ContentDate(
            epochSeconds: options.buildDate.resolved(defaultOffset: utcOffset).epochSeconds, utcOffset: utcOffset)

        let contentFiles = walk(Path.join(root, "content"), into: &diagnostics)
        let staticPaths = walk(Path.join(root, "static"), into: &diagnostics)
        var files: [String: Int] = [:]
        for relative in staticPaths {
            files["static/" + relative] = fileSystem.itemInfo(Path.join(root, "static", relative))?.size ?? 0
        }
        let markdownFiles = contentFiles.filter { Path.fileExtension($0) == "md" }
        for relative in contentFiles where Path.fileExtension(relative) != "md" {
            files["content/" + relative] = fileSystem.itemInfo(Path.join(root, "content", relative))?.size ?? 0
        }

        let reader = PageReader(
            fileSystem: fileSystem, root: root,
            classifier: ContentClassifier(datedSections: Set(config.sections.map(\.path))),
            utcOffset: utcOffset, includeDrafts: options.includeDrafts)
        let drafts = markdownFiles.parallelMap { reader.read($0) }
        var readable: [DraftPage] = []
        var unreadablePaths: Set<String> = []
        for (relative, outcome) in zip(markdownFiles, drafts) {
            diagnostics += outcome.diagnostics
            if let draft = outcome.draft {
                readable.append(draft)
            } else if outcome.diagnostics.hasErrors {
                unreadablePaths.insert(ContentClassifier.sitePath(of: relative, slug: nil))
            }
        }

        let resolver = ReferenceResolver(
            files: files, pagePaths: Dictionary(readable.map { ($0.source, $0.path) }, uniquingKeysWith: { a, _ in a }))
        let builder = PageBuilder(
            fileSystem: fileSystem, root: root, resolver: resolver, urls: SiteURLs(baseURL: config.baseURL),
            markdown: MarkdownRenderer(options: MarkdownOptions(unsafe: config.markdown.unsafe)), bodies: bodies)
        let built = readable.parallelMap { builder.build($0) }
        var pages: [Page] = []
        for outcome in built {
            diagnostics += outcome.diagnostics
            if let page = outcome.page { pages.append(page) }
        }

        let themeLoader = ThemeLoader(fileSystem: fileSystem, searchPaths: options.themeSearchPaths)
        guard let (theme, themeAssets) = themeLoader.load(
            name: config.theme, siteRoot: root, declaredAt: configNode.location(ofKeyPath: ["theme"]),
            into: &diagnostics)
        else { return LoadResult(site: nil, diagnostics: diagnostics) }

        var staticFiles = themeAssets
        staticFiles += staticPaths.map {
            StaticFile(
                absoluteSource: Path.join(root, "static", $0), displaySource: "static/" + $0, path: Path.nfc("/" + $0),
                byteCount: files["static/" + $0] ?? 0)
        }
        staticFiles += contentFiles.filter { Path.fileExtension($0) != "md" }.map {
            StaticFile(
                absoluteSource: Path.join(root, "content", $0), displaySource: "content/" + $0, path: Path.nfc("/" + $0),
                byteCount: files["content/" + $0] ?? 0)
        }

        var site = Site(
            root: root, config: config, configNode: configNode, pages: pages, staticFiles: staticFiles, theme: theme,
            upstreamFeeds: upstreamFeeds(config, configNode, root: root), buildDate: buildDate)
        site.unreadablePagePaths = unreadablePaths
        return LoadResult(site: site, diagnostics: diagnostics)
    }

    /// Only `site.yaml`: for commands that need the configuration, not the content (`edusite feeds`).
    public func loadConfig(root: String) -> (config: SiteConfig?, feedLocations: [String: SourceLocation], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let (config, node) = ConfigLoader(fileSystem: fileSystem).load(root: root, into: &diagnostics) else {
            return (nil, [:], diagnostics)
        }
        var locations: [String: SourceLocation] = [:]
        for feed in upstreamFeeds(config, node, root: root) { locations[feed.config.id] = feed.location }
        return (config, locations, diagnostics)
    }

    /// The kept copies of the parent office's feeds (written by `edusite feeds`).
    private func upstreamFeeds(_ config: SiteConfig, _ node: YAMLNode, root: String) -> [LoadedUpstreamFeed] {
        let cache = UpstreamFeedCache(folder: UpstreamFeedCache.folder(siteRoot: root), fileSystem: fileSystem)
        let entries = node["upstream_feeds"]?.items ?? []
        return config.upstreamFeeds.enumerated().map { index, feed in
            let snapshot = cache.load(feedID: feed.id).flatMap { $0.url == feed.url ? $0 : nil }
            let location = entries.indices.contains(index) ? entries[index].location : node.location(ofKeyPath: ["upstream_feeds"])
            return LoadedUpstreamFeed(config: feed, snapshot: snapshot, location: location)
        }
    }

    private func walk(_ folder: String, into diagnostics: inout [Diagnostic]) -> [String] {
        do {
            return try fileSystem.walkFiles(folder)
        } catch {
            diagnostics.append(
                Diagnostic(
                    .unreadableFile, .error, "cannot read the folder: \(error)", at: nil,
                    hint: "check that the folder exists and that you may read it"))
            return []
        }
    }
}
