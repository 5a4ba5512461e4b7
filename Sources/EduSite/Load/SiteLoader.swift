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

    public func load(root: String, options: LoadOptions, reuse: PageReuse? = nil) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        var timer = StageTimer()
        guard let loaded = ConfigLoader(fileSystem: fileSystem).load(root: root, into: &diagnostics)
        else { return LoadResult(site: nil, diagnostics: diagnostics) }
        var config = loaded.0
        let configNode = loaded.1
        let configHash = loaded.2
        Self.apply(options, to: &config)

        let known = SiteTimeZone(identifier: config.timezone)
        if known == nil {
            diagnostics.append(
                Diagnostic(
                    .unknownTimezone, .error,
                    Words(vi: "không biết múi giờ `\(config.timezone)`", en: "unknown timezone `\(config.timezone)`"),
                    at: configNode.location(ofKeyPath: ["timezone"]),
                    hint: Words(
                        vi: "dùng một tên như Asia/Ho_Chi_Minh, hoặc bỏ khoá này (mặc định là Asia/Ho_Chi_Minh)",
                        en: "use a name like Asia/Ho_Chi_Minh, or remove the key (Asia/Ho_Chi_Minh is the default)")))
        }
        let zone = known ?? .hoChiMinh
        // "Now" is shown in the site's timezone, whatever offset the caller gave.
        let buildDate = zone.date(options.buildDate)

        let siteFiles = SiteFiles(fileSystem: fileSystem, boundary: root)
        let content = siteFiles.walk(Path.join(root, "content"), display: "content/")
        let statics = siteFiles.walk(Path.join(root, "static"), display: "static/")
        diagnostics += content.diagnostics + statics.diagnostics
        let contentFiles = content.files.map(\.path)
        var files: [String: Int] = [:]
        for file in statics.files { files["static/" + file.path] = file.info.size }
        let markdownFiles = contentFiles.filter { Path.fileExtension($0) == "md" }
        let otherContent = content.files.filter { Path.fileExtension($0.path) != "md" }
        for file in otherContent { files["content/" + file.path] = file.info.size }

        timer.mark("    config, walk")
        let reader = pageReader(root: root, config: config, zone: zone, options: options)
        let loadedPages = loadPages(
            markdownFiles, root: root, reader: reader, config: config, files: files, options: options,
            configHash: configHash, reuse: reuse)
        diagnostics += loadedPages.diagnostics
        timer.mark("    pages")

        let themeLoader = ThemeLoader(fileSystem: fileSystem, searchPaths: options.themeSearchPaths)
        guard let (theme, themeAssets) = themeLoader.load(
            name: config.theme, siteRoot: root, declaredAt: configNode.location(ofKeyPath: ["theme"]),
            into: &diagnostics)
        else { return LoadResult(site: nil, diagnostics: diagnostics) }

        var staticFiles = themeAssets
        for (folder, listed) in [("static/", statics.files), ("content/", otherContent)] {
            staticFiles += listed.map {
                StaticFile(
                    absoluteSource: $0.source, displaySource: folder + $0.path, path: Path.nfc("/" + $0.path),
                    byteCount: $0.info.size)
            }
        }

        var site = Site(
            root: root, config: config, configNode: configNode, pages: loadedPages.pages, staticFiles: staticFiles, theme: theme,
            upstreamFeeds: upstreamFeeds(config, configNode, root: root, zone: zone), buildDate: buildDate)
        site.zone = zone
        timer.mark("    theme, static, feeds")
        site.unreadablePagePaths = loadedPages.unreadablePaths
        site.configHash = configHash
        var result = LoadResult(site: site, diagnostics: diagnostics)
        result.stamps = loadedPages.stamps
        result.resolutionKey = loadedPages.resolutionKey
        result.reusedPageCount = loadedPages.reusedCount
        result.fileListKey = BuildInputs.fileListKey(content: content.files, static: statics.files)
        result.themeAssets = themeAssets
        return result
    }

    private struct LoadedPages {
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        var unreadablePaths: Set<String> = []
        var stamps: [String: PageFileStamp] = [:]
        var resolutionKey = ContentHash()
        var reusedCount = 0
    }

    /// Phase one (front matter, URL) for every file, then phase two (body) once every URL is known;
    /// pages of the previous build whose files are unchanged are taken as they were (`PageReuse`).
    private func loadPages(
        _ markdownFiles: [String], root: String, reader: PageReader, config: SiteConfig, files: [String: Int],
        options: LoadOptions, configHash: ContentHash, reuse: PageReuse?
    ) -> LoadedPages {
        let fileSystem = self.fileSystem
        var result = LoadedPages()
        let sources = markdownFiles.map { "content/" + $0 }
        let infos = sources.parallelMap { fileSystem.itemInfo(Path.join(root, $0)) }
        var reused = [Page?](repeating: nil, count: sources.count)
        var drafts = [DraftPage?](repeating: nil, count: sources.count)
        var stamps = [PageFileStamp?](repeating: nil, count: sources.count)

        // Unchanged by size and time: decode the kept page.
        if let reuse {
            let candidates = sources.indices.filter { index in
                guard let entry = reuse.entries[sources[index]], entry.stampIsReliable, let info = infos[index] else {
                    return false
                }
                return info.size == entry.stamp.size && info.modifiedNanoseconds == entry.stamp.modifiedNanoseconds
            }
            let entries = candidates.map { reuse.entries[sources[$0]]! }
            let decoded = entries.parallelMap { $0.page() }
            for (index, (entry, page)) in zip(candidates, zip(entries, decoded)) where page != nil {
                reused[index] = page
                stamps[index] = entry.stamp
            }
        }

        // Phase one for the rest; a file that was only touched (same content) is still reused.
        let toRead = sources.indices.filter { reused[$0] == nil }
        for (index, outcome) in zip(toRead, toRead.parallelMap { reader.read(markdownFiles[$0]) }) {
            result.diagnostics += outcome.diagnostics
            guard let draft = outcome.draft else {
                if outcome.diagnostics.hasErrors {
                    result.unreadablePaths.insert(ContentClassifier.sitePath(of: markdownFiles[index], slug: nil))
                }
                continue
            }
            let info = infos[index]
            stamps[index] = PageFileStamp(
                size: info?.size ?? 0, modifiedNanoseconds: info?.modifiedNanoseconds ?? 0, contentHash: draft.contentHash)
            if let entry = reuse?.entries[sources[index]], entry.stamp.contentHash == draft.contentHash, let page = entry.page() {
                reused[index] = page
            } else {
                drafts[index] = draft
            }
        }

        // What links and files resolve against; when it changed, kept pages are read again.
        var pagePaths: [String: String] = [:]
        for index in sources.indices {
            if let path = reused[index]?.path ?? drafts[index]?.path { pagePaths[sources[index]] = path }
        }
        result.resolutionKey = Self.resolutionKey(configHash: configHash, pagePaths: pagePaths, files: files, options: options)
        if let reuse, reuse.resolutionKey != result.resolutionKey {
            let again = sources.indices.filter { reused[$0] != nil }
            for (index, outcome) in zip(again, again.parallelMap { reader.read(markdownFiles[$0]) }) {
                reused[index] = nil
                drafts[index] = outcome.draft
                result.diagnostics += outcome.diagnostics
            }
        }

        // Phase two, now that every page's URL is known; in chunks, each draft (with its YAML tree)
        // let go once its page is built, so drafts and pages are never all in memory together.
        let builder = pageBuilder(root: root, config: config, files: files, pagePaths: pagePaths)
        let toBuild = sources.indices.filter { drafts[$0] != nil }
        var pages = reused
        var start = 0
        while start < toBuild.count {
            let chunk = Array(toBuild[start..<min(start + 1024, toBuild.count)])
            let built = chunk.map { drafts[$0]! }.parallelMap { builder.build($0) }
            for (index, outcome) in zip(chunk, built) {
                result.diagnostics += outcome.diagnostics
                pages[index] = outcome.page
                drafts[index] = nil
            }
            start += chunk.count
        }
        result.pages = pages.compactMap { $0 }
        result.reusedCount = reused.lazy.filter { $0 != nil }.count
        for index in sources.indices where pages[index] != nil {
            if let stamp = stamps[index] { result.stamps[sources[index]] = stamp }
        }
        return result
    }

    /// The options that change the configuration (`--base-url`).
    static func apply(_ options: LoadOptions, to config: inout SiteConfig) {
        if let baseURL = options.baseURL { config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
    }

    /// Phase one of loading a page, as every build does it (a quick rebuild too).
    func pageReader(root: String, config: SiteConfig, zone: SiteTimeZone, options: LoadOptions) -> PageReader {
        PageReader(
            fileSystem: fileSystem, root: root, classifier: ContentClassifier(datedSections: Set(config.sections.map(\.path))),
            zone: zone, includeDrafts: options.includeDrafts)
    }

    /// Phase two of loading a page, against the site's files (size by site-relative path) and pages
    /// (site path by source).
    func pageBuilder(root: String, config: SiteConfig, files: [String: Int], pagePaths: [String: String]) -> PageBuilder {
        PageBuilder(
            fileSystem: fileSystem, root: root, resolver: ReferenceResolver(files: files, pagePaths: pagePaths),
            urls: SiteURLs(baseURL: config.baseURL),
            markdown: MarkdownRenderer(options: MarkdownOptions(unsafe: config.markdown.unsafe)), bodies: bodies)
    }

    /// Everything a page's links and named files resolve against, besides the page itself.
    private static func resolutionKey(
        configHash: ContentHash, pagePaths: [String: String], files: [String: Int], options: LoadOptions
    ) -> ContentHash {
        var key = ContentHash()
        key.combine(configHash)
        key.combine(options.baseURL ?? "")
        key.combine(options.includeDrafts)
        for source in pagePaths.keys.sorted() {
            key.combine(source)
            key.combine(pagePaths[source]!)
        }
        for file in files.keys.sorted() {
            key.combine(file)
            key.combine(files[file]!)
        }
        return key
    }

    /// Only `site.yaml`: for commands that need the configuration, not the content (`edusite feeds`).
    public func loadConfig(root: String) -> (config: SiteConfig?, feedLocations: [String: SourceLocation], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let (config, node, _) = ConfigLoader(fileSystem: fileSystem).load(root: root, into: &diagnostics) else {
            return (nil, [:], diagnostics)
        }
        var locations: [String: SourceLocation] = [:]
        for feed in upstreamFeeds(config, node, root: root, zone: .utc) { locations[feed.config.id] = feed.location }
        return (config, locations, diagnostics)
    }

    /// The kept copies of the parent office's feeds (written by `edusite feeds`), their dates shown in `zone`.
    private func upstreamFeeds(_ config: SiteConfig, _ node: YAMLNode, root: String, zone: SiteTimeZone) -> [LoadedUpstreamFeed] {
        let cache = UpstreamFeedCache(folder: UpstreamFeedCache.folder(siteRoot: root), fileSystem: fileSystem)
        let entries = node["upstream_feeds"]?.items ?? []
        return config.upstreamFeeds.enumerated().map { index, feed in
            let snapshot = cache.snapshot(of: feed, shownIn: zone)
            let location = entries.indices.contains(index) ? entries[index].location : node.location(ofKeyPath: ["upstream_feeds"])
            return LoadedUpstreamFeed(config: feed, snapshot: snapshot, location: location)
        }
    }
}
