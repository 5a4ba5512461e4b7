/// What a build with the cache works out besides the pages: each page's record and render key, and
/// what was written; for a rebuild, which files changed since the previous build.
struct CachedBuild: Sendable {
    let site: Site
    let plan: SitePlan
    let stamps: [String: PageFileStamp]
    let fileSystem: FileSystem
    /// Per plan entry; nil for the pages rendered every time.
    let keys: [ContentHash?]
    /// Output file → render key, for the pages that have one.
    let keyedFiles: [String: ContentHash]
    /// What the build wrote, recorded as it goes.
    private(set) var outputs: [String: ContentHash] = [:]
    private(set) var copies: [String: BuildCache.CopiedFile] = [:]
    /// By output file: where the page's body starts in it (`BodyMarker`), -1 when it was rendered with it.
    private(set) var bodyOffsets: [String: Int] = [:]
    /// Pages whose body is also in a feed (`feeds.full_content`): a quick rebuild cannot change them alone.
    let bodiesInFeeds: Set<String>
    /// Where each page's record went in the records file being written, by source.
    let recordRanges: [String: Range<Int>]

    /// `records`: where the cache's page records are written, each as soon as it is encoded (nil:
    /// nothing is kept on disk, as for `serve`).
    init(
        site: Site, plan: SitePlan, prepared: SiteRenderer.Prepared, stamps: [String: PageFileStamp],
        liveReloadHTML: String?, fileSystem: FileSystem, records: RecordsWriter? = nil
    ) {
        self.site = site
        self.plan = plan
        self.stamps = stamps
        self.fileSystem = fileSystem
        // A page's record covers everything loaded from its file: its hash goes into the render keys.
        var recordHashes: [String: ContentHash] = [:]
        recordHashes.reserveCapacity(site.pages.count)
        var recordRanges: [String: Range<Int>] = [:]
        if let records {
            // Encoded once, a chunk at a time on all cores: hashed, and written to the records file.
            var start = 0
            while start < site.pages.count {
                let chunk = Array(site.pages[start..<min(start + 1024, site.pages.count)])
                let encoded = chunk.parallelMap { page in
                    let record = PageRecordCoding.encode(page)
                    return (record, ContentHash.of(record))
                }
                // The hash is also the record's checksum.
                let ranges = records.append(contentsOf: encoded.map { (bytes: $0.0, checksum: $0.1) })
                for (page, ((_, hash), range)) in zip(chunk, zip(encoded, ranges)) {
                    recordHashes[page.source] = hash
                    recordRanges[page.source] = range
                }
                start += chunk.count
            }
        } else {
            let hashes = site.pages.parallelMap { CacheWriter.fingerprint($0) }
            for (page, hash) in zip(site.pages, hashes) { recordHashes[page.source] = hash }
        }
        self.recordRanges = recordRanges
        let renderKeys = RenderKeys(
            site: site, plan: plan, views: prepared.views, records: recordHashes, liveReloadHTML: liveReloadHTML)
        let keys = plan.entries.parallelMap { renderKeys.key($0.job) }
        self.keys = keys
        var keyedFiles: [String: ContentHash] = [:]
        for (entry, key) in zip(plan.entries, keys) {
            if let key { keyedFiles[SitePlan.outputFile(for: entry.path)] = key }
        }
        self.keyedFiles = keyedFiles
        var bodiesInFeeds: Set<String> = []
        if site.config.feeds.fullContent {
            let limit = site.config.feeds.limit
            for post in plan.index.allPosts.prefix(limit) { bodiesInFeeds.insert(post.source) }
            for section in plan.index.sections { for post in section.posts.prefix(limit) { bodiesInFeeds.insert(post.source) } }
        }
        self.bodiesInFeeds = bodiesInFeeds
    }

    /// Notes pages as written, with where their bodies lie.
    mutating func recordRendered(_ pages: [SiteRenderer.RenderedPage]) {
        recordRendered(pages.map(\.file))
        for page in pages {
            bodyOffsets[page.file.path] = page.bodyOffset ?? -1
        }
    }

    /// Notes files as written: a page's key, another file's hash, a copy's source stamp.
    mutating func recordRendered(_ files: [OutputFile]) {
        for file in files {
            switch file.contents {
            case .bytes(let bytes): outputs[file.path] = outputHash(file.path, bytes)
            case .copy(let source): copies[file.path] = copied(from: source)
            }
        }
    }

    /// What the cache keeps of a written file: a page's render key, else the hash of its bytes.
    private func outputHash(_ path: String, _ bytes: [UInt8]) -> ContentHash {
        keyedFiles[path] ?? ContentHash.of(bytes)
    }

    private func copied(from source: String) -> BuildCache.CopiedFile {
        let info = fileSystem.itemInfo(source)
        return BuildCache.CopiedFile(
            source: source, size: info?.size ?? -1, modifiedNanoseconds: info?.modifiedNanoseconds ?? -1)
    }

    /// The cache this build leaves for the next. `previous`: the cache of the build this one updated,
    /// for the body offsets of the pages it did not render again.
    func cache(
        output: String, resolutionKey: ContentHash, startedAt: Int64, report: BuildCacheReport,
        previous: BuildCache? = nil
    ) -> BuildCache {
        var previousOffsets: [String: Int] = [:]
        for page in previous?.pages ?? [] { if let offset = page.bodyOffset { previousOffsets[page.source] = offset } }
        var pages: [BuildCache.PageRecord] = []
        pages.reserveCapacity(site.pages.count)
        var liveBodyBytes = 0
        var bodyFileEnd = 0
        for page in site.pages {
            guard let stamp = stamps[page.source], let record = recordRanges[page.source] else { continue }
            let file = SitePlan.outputFile(for: page.path)
            var bodyOffset: Int?
            if !bodiesInFeeds.contains(page.source) {
                if let offset = bodyOffsets[file] { bodyOffset = offset >= 0 ? offset : nil } else { bodyOffset = previousOffsets[page.source] }
            }
            pages.append(
                BuildCache.PageRecord(
                    source: page.source, stamp: stamp, path: page.path, bodyOffset: bodyOffset, record: record))
            if let offset = page.body.html.storedOffset {
                liveBodyBytes += page.body.html.byteCount
                bodyFileEnd = max(bodyFileEnd, offset + page.body.html.byteCount)
            }
        }
        var cache = BuildCache(
            tool: BuildCacheFolder.tool, startedAt: startedAt, outputFolder: output, resolutionKey: resolutionKey, pages: pages,
            outputs: outputs, copies: copies, liveBodyBytes: liveBodyBytes)
        cache.bodyFileEnd = bodyFileEnd
        cache.inputsKey = report.inputsKey
        cache.fileListKey = report.fileListKey
        cache.manifestFiles = report.manifestFiles
        cache.diagnostics = report.diagnostics
        cache.complianceSummary = report.complianceSummary
        cache.pageCount = plan.entries.count
        cache.linkTargetList = ContentChecker.linkTargets(site, plan).sorted(by: FileSystem.precedesInByteOrder)
        return cache
    }

    struct Update: Sendable {
        /// Only the files whose bytes changed.
        var files: [OutputFile]
        /// Files of the previous build the site no longer has.
        var stale: [String]
        var cache: BuildCache
        var renderedPageCount: Int
    }

    /// Pages with a changed key and the pages without one are rendered; of those and of the other
    /// files, only what differs from the previous build is written. nil when a build from nothing is
    /// better: most pages changed, or the body file is mostly garbage from older builds.
    mutating func update(
        from previous: BuildCache, bodies: BodyStore, startedAt: Int64, prepared: SiteRenderer.Prepared,
        output: String, resolutionKey: ContentHash, report: BuildCacheReport
    ) -> Update? {
        if previous.bodyFileIsMostlyGarbage(bodies) { return nil }
        let pages = pagesToRender(previousOutputs: previous.outputs)
        if pages.count > max(500, plan.entries.count / 4) { return nil }
        var changed = renderChanged(pages, previousOutputs: previous.outputs, prepared: prepared)
        for file in SiteRenderer.staticFiles(site) {
            guard case .copy(let source) = file.contents else { continue }
            let copy = copied(from: source)
            copies[file.path] = copy
            if previous.copies[file.path] != copy || !previous.isReliable(copy.modifiedNanoseconds) { changed.append(file) }
        }
        let stale = Set(previous.outputs.keys).union(previous.copies.keys)
            .subtracting(outputs.keys).subtracting(copies.keys).sorted()
        return Update(
            files: changed, stale: stale, cache: cache(
                output: output, resolutionKey: resolutionKey, startedAt: startedAt, report: report, previous: previous),
            renderedPageCount: pages.count)
    }

    /// The pages whose key is not the one they were last rendered with, and those without a key.
    func pagesToRender(previousOutputs: [String: ContentHash]) -> [SitePlan.Entry] {
        zip(plan.entries, keys).compactMap { entry, key in
            if let key, previousOutputs[SitePlan.outputFile(for: entry.path)] == key { return nil }
            return entry
        }
    }

    /// Renders those pages and the generated files (sitemap, feeds, report); returns the files whose
    /// bytes changed, and records every page's key and every other file's hash.
    mutating func renderChanged(
        _ pages: [SitePlan.Entry], previousOutputs: [String: ContentHash], prepared: SiteRenderer.Prepared
    ) -> [OutputFile] {
        let renderedPages = SiteRenderer.renderPagesMarkingBodies(pages, prepared)
        for page in renderedPages { bodyOffsets[page.file.path] = page.bodyOffset ?? -1 }
        let rendered = renderedPages.map(\.file)
            + SiteRenderer.generatedFiles(site, plan: plan, compliance: prepared.views.compliance)
        var changed: [OutputFile] = []
        for file in rendered {
            guard case .bytes(let bytes) = file.contents else { continue }
            let hash = outputHash(file.path, bytes)
            outputs[file.path] = hash
            if keyedFiles[file.path] != nil || previousOutputs[file.path] != hash { changed.append(file) }
        }
        for (file, key) in keyedFiles where outputs[file] == nil { outputs[file] = key }
        return changed
    }
}

/// What a build found and read beyond its pages, kept in its cache for a quick rebuild to rely on.
struct BuildCacheReport: Sendable {
    var inputsKey: ContentHash
    var fileListKey: ContentHash
    var manifestFiles: [String]
    var diagnostics: [Diagnostic]
    var complianceSummary: Words?
}
