/// A rebuild that does not load the site, for the commonest edit: the text of a few pages changed,
/// and nothing that any other file shows of them (title, date, summary, tags, files, front matter).
///
/// Each changed page is read and its Markdown rendered as in a full build; its new body HTML then
/// takes the old one's place in its HTML file, at the position the previous build recorded
/// (`BodyMarker`), which gives the bytes a full build would write. Nothing else of the site is read
/// beyond `site.yaml`, the theme, the manifests and a `stat` of each file. Whenever it cannot be sure
/// (another input changed, a file was added or removed, a page changed more than its body, the page
/// or the previous build had findings about it, its body also goes into a feed), it declines and
/// the ordinary incremental build runs instead (`Declined`).
struct QuickRebuild {
    let fileSystem: FileSystem
    let siteRoot: String
    /// The output it updates: unchanged files are linked across, the changed ones written anew.
    let transaction: OutputTransaction
    var output: String { transaction.folder.path }
    let options: LoadOptions
    let policy: SiteBuilder.CheckPolicy
    let liveReloadHTML: String?

    /// More changed pages than this, and the ordinary incremental build is as quick.
    static let maximumChangedPages = 16
    /// Files changed so shortly before the last build that their size and time prove nothing are
    /// compared by content, up to this many.
    static let maximumComparedPages = 256
    static let maximumRecopiedFiles = 64

    /// Why a quick rebuild was not possible (shown with `EDUSITE_TIMINGS=1`).
    struct Declined: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The files of `content/` and `static/` with their sizes and times, as walked now.
    fileprivate struct Tree {
        var content: [SiteFiles.File]
        var statics: [SiteFiles.File]
    }

    /// A page file to read again, and what the cache keeps of it.
    fileprivate struct Suspect {
        var source: String
        var info: ItemInfo
        var index: Int?
    }

    func run(
        previous: BuildCache, folder: BuildCacheFolder, bodies: BodyStore, startedAt: Int64
    ) throws(Declined) -> SiteBuilder.Report {
        // Past these, an ordinary rebuild writes the cache anew, leaving out what no page uses.
        guard let records = previous.records, !previous.bodyFileIsMostlyGarbage(bodies),
            records.byteCount <= 2 * previous.liveRecordBytes + (1 << 20), folder.patchesByteCount < 1 << 18
        else { throw Declined("the cache holds too much that no page uses") }

        var timer = StageTimer()
        let config = try unchangedInputs(previous)
        timer.mark("  quick: inputs")
        let tree = try walk(previous)
        let recopied = try copiedFiles(previous, tree)
        timer.mark("  quick: walk, copied files")
        var (suspects, changes) = try changedPages(previous, tree)
        timer.mark("  quick: page stamps")

        var patcher = try PagePatcher(rebuild: self, config: config, previous: previous, tree: tree, bodies: bodies)
        var written = recopied
        for suspect in suspects {
            if let (file, change) = try patcher.patch(suspect.source, info: suspect.info, index: suspect.index) {
                if let file { written.append(file) }
                changes.append(change)
            }
        }
        timer.mark("  quick: changed pages")

        // Nothing to write when no file changed at all.
        var tidying: [Diagnostic] = []
        if !written.isEmpty || !changes.isEmpty {
            tidying = try write(
                written, changes: changes, newRecords: patcher.newRecords,
                bodies: (live: patcher.liveBodyBytes, end: patcher.bodyFileEnd), previous: previous, records: records,
                folder: folder, startedAt: startedAt)
            if tidying.hasErrors {
                return SiteBuilder.Report(
                    diagnostics: previous.diagnostics + tidying, output: output, pageCount: 0, fileCount: 0, compliance: nil)
            }
        }
        timer.mark("  quick: write")

        var report = SiteBuilder.Report(
            diagnostics: previous.diagnostics + tidying, output: output, pageCount: previous.pageCount, fileCount: written.count,
            compliance: nil)
        report.complianceSummary = previous.complianceSummary
        report.renderedPageCount = written.count - recopied.count
        report.reusedPageCount = previous.pages.count - report.renderedPageCount
        report.incremental = true
        report.quick = true
        return report
    }

    /// Writes the changed files and appends the cache's patch; the errors when the output could not
    /// be written, or warnings of tidying up after it was. The content is good: only the disk can fail
    /// from here. The patches file says a rebuild began until its patch follows, so a rebuild cut short
    /// leaves a cache that does not read.
    private func write(
        _ files: [OutputFile], changes: [BuildCachePatch.PageChange], newRecords: [[UInt8]], bodies: (live: Int, end: Int),
        previous: BuildCache, records: RecordsFile, folder: BuildCacheFolder, startedAt: Int64
    ) throws(Declined) -> [Diagnostic] {
        // What was read of the cache is checked as it was read: nothing of a damaged one is written.
        if folder.damage.found != nil { throw Declined("the cache is damaged") }
        var changes = changes
        var recordsEnd = records.byteCount
        do throws(FileSystemError) {
            try folder.beginPatch()
            let appended = try folder.appendRecords(newRecords, end: records.byteCount)
            recordsEnd = appended.last?.upperBound ?? recordsEnd
            var ranges = appended.makeIterator()
            for index in changes.indices where changes[index].patchedFile != nil { changes[index].record = ranges.next()! }
        } catch {
            folder.invalidate()
            throw Declined("the cache could not be written")
        }
        var tidying: [Diagnostic] = []
        do throws(DiagnosticError) {
            tidying = try transaction.update(writing: files, removing: [])
        } catch {
            folder.invalidate()
            return error.diagnostics
        }
        do throws(FileSystemError) {
            try folder.commitPatch(
                BuildCachePatch(
                    generation: previous.generation, startedAt: startedAt, liveBodyBytes: bodies.live, recordsEnd: recordsEnd,
                    bodyFileEnd: bodies.end, changes: changes))
        } catch {
            folder.invalidate()
        }
        return tidying
    }

    /// `site.yaml`, the theme, the manifests, the parent office's feeds and the options, as the
    /// previous build saw them; the configuration, with the options applied.
    private func unchangedInputs(_ previous: BuildCache) throws(Declined) -> SiteConfig {
        var diagnostics: [Diagnostic] = []
        guard let (loaded, node, configHash) = ConfigLoader(fileSystem: fileSystem).load(root: siteRoot, into: &diagnostics),
            SiteTimeZone(identifier: loaded.timezone) != nil,
            let (theme, themeAssets) = ThemeLoader(fileSystem: fileSystem, searchPaths: options.themeSearchPaths).load(
                name: loaded.theme, siteRoot: siteRoot, declaredAt: node.location(ofKeyPath: ["theme"]), into: &diagnostics),
            diagnostics.isEmpty
        else { throw Declined("site.yaml or the theme could not be read") }
        let key = BuildInputs.key(
            siteRoot: siteRoot, configHash: configHash, options: options, policy: policy, liveReloadHTML: liveReloadHTML,
            theme: theme, themeAssets: themeAssets, manifestFiles: previous.manifestFiles, fileSystem: fileSystem)
        guard key == previous.inputsKey else {
            throw Declined("site.yaml, the theme, the manifests, the parent office's feeds or the options changed")
        }
        var config = loaded
        SiteLoader.apply(options, to: &config)
        return config
    }

    /// The same files as before, listed as a full build lists them.
    private func walk(_ previous: BuildCache) throws(Declined) -> Tree {
        let siteFiles = SiteFiles(fileSystem: fileSystem, boundary: siteRoot)
        let content = siteFiles.walk(Path.join(siteRoot, "content"), display: "content/")
        let statics = siteFiles.walk(Path.join(siteRoot, "static"), display: "static/")
        // A refused link is reported by the full build.
        guard content.diagnostics.isEmpty, statics.diagnostics.isEmpty,
            BuildInputs.fileListKey(content: content.files, static: statics.files) == previous.fileListKey
        else { throw Declined("a file was added, removed or renamed") }
        return Tree(content: content.files, statics: statics.files)
    }

    /// The copied files unchanged; those copied just after they changed (they may have changed
    /// again with the same time) to be copied again.
    private func copiedFiles(_ previous: BuildCache, _ tree: Tree) throws(Declined) -> [OutputFile] {
        var infos: [String: ItemInfo] = [:]
        for file in tree.content where Path.fileExtension(file.path) != "md" { infos[file.source] = file.info }
        for file in tree.statics { infos[file.source] = file.info }
        var recopied: [OutputFile] = []
        for (file, copy) in previous.copies.sorted(by: { $0.key < $1.key }) {
            // The theme's files are not in the folders walked.
            guard let info = infos[copy.source] ?? fileSystem.itemInfo(copy.source), info.size == copy.size,
                info.modifiedNanoseconds == copy.modifiedNanoseconds
            else { throw Declined("a copied file changed") }
            if !previous.isReliable(copy.modifiedNanoseconds) {
                recopied.append(OutputFile(path: file, contents: .copy(from: copy.source)))
            }
        }
        guard recopied.count <= Self.maximumRecopiedFiles else { throw Declined("many files changed just before the last build") }
        return recopied
    }

    /// The page files whose size or time changed, or whose content did though they kept both; and
    /// the stamps of those checked by content and found unchanged.
    private func changedPages(
        _ previous: BuildCache, _ tree: Tree
    ) throws(Declined) -> ([Suspect], [BuildCachePatch.PageChange]) {
        // The records are in the order the files are walked in (a build loads them in that order),
        // so each file's record is usually the next one; a dictionary finds the others.
        var recordIndexes: [String: Int]?
        var next = 0
        var suspects: [Suspect] = []
        var racy: [Suspect] = []
        for file in tree.content where Path.fileExtension(file.path) == "md" {
            let (path, info) = (file.path, file.info)
            let source = "content/" + path
            var index: Int?
            if next < previous.pages.count, previous.pages[next].source == source {
                index = next
            } else {
                if recordIndexes == nil {
                    recordIndexes = Dictionary(
                        previous.pages.enumerated().map { ($0.element.source, $0.offset) }, uniquingKeysWith: { first, _ in first })
                }
                index = recordIndexes![source]
            }
            if let index { next = index + 1 }
            let stamp = index.map { previous.pages[$0].stamp }
            if info.size != stamp?.size || info.modifiedNanoseconds != stamp?.modifiedNanoseconds {
                suspects.append(Suspect(source: source, info: info, index: index))
            } else if let stamp, !previous.isReliable(stamp.modifiedNanoseconds) {
                racy.append(Suspect(source: source, info: info, index: index))
            }
        }
        guard suspects.count <= Self.maximumChangedPages, racy.count <= Self.maximumComparedPages else {
            throw Declined("more than \(Self.maximumChangedPages) pages changed")
        }
        let fs = fileSystem
        let root = siteRoot
        let contentHashes = racy.parallelMap { suspect in
            (try? fs.readFile(Path.join(root, suspect.source))).map { ContentHash.of($0) }
        }
        var checked: [BuildCachePatch.PageChange] = []
        for (suspect, hash) in zip(racy, contentHashes) {
            let record = previous.pages[suspect.index!]
            if hash == record.stamp.contentHash {
                // Checked now: its stamp holds from this build on.
                checked.append(.init(source: suspect.source, stamp: record.stamp, record: record.record, patchedFile: nil))
            } else {
                suspects.append(suspect)
            }
        }
        guard suspects.count <= Self.maximumChangedPages else {
            throw Declined("more than \(Self.maximumChangedPages) pages changed")
        }
        return (suspects, checked)
    }
}

/// Reads changed pages as a full build would, against the site's files and pages as they were, and
/// puts each new body in place of the old one in its HTML file.
private struct PagePatcher {
    typealias Declined = QuickRebuild.Declined

    let previous: BuildCache
    let output: String
    let fileSystem: FileSystem
    let bodies: BodyStore
    let reader: PageReader
    let builder: PageBuilder
    /// Read from the cache when a page has a link it did not have.
    private var linkTargets: Set<String>?
    /// The changed pages' records, for the records file.
    private(set) var newRecords: [[UInt8]] = []
    private(set) var liveBodyBytes: Int
    private(set) var bodyFileEnd: Int

    init(
        rebuild: QuickRebuild, config: SiteConfig, previous: BuildCache, tree: QuickRebuild.Tree, bodies: BodyStore
    ) throws(Declined) {
        self.previous = previous
        self.output = rebuild.output
        self.fileSystem = rebuild.fileSystem
        self.bodies = bodies
        liveBodyBytes = previous.liveBodyBytes
        bodyFileEnd = previous.bodyFileEnd
        let loader = SiteLoader(fileSystem: rebuild.fileSystem, bodies: bodies)
        // `unchangedInputs` made sure the timezone is known.
        reader = loader.pageReader(
            root: rebuild.siteRoot, config: config, zone: config.zone,
            options: rebuild.options)
        // What links resolve against, as `SiteLoader` makes it: sizes of the published files, paths of the pages.
        var sizes: [String: Int] = [:]
        for copy in previous.copies.values { sizes[copy.source] = copy.size }
        var files: [String: Int] = [:]
        for (folder, entries) in [("static", tree.statics), ("content", tree.content.filter { Path.fileExtension($0.path) != "md" })] {
            for file in entries {
                guard let size = sizes[file.source] else { throw Declined("a file of \(folder)/ is not in the cache") }
                files[folder + "/" + file.path] = size
            }
        }
        var pagePaths: [String: String] = [:]
        for record in previous.pages { pagePaths[record.source] = record.path }
        builder = loader.pageBuilder(root: rebuild.siteRoot, config: config, files: files, pagePaths: pagePaths)
    }

    /// The page's new HTML file (nil when only its file's time changed) and its change to the cache;
    /// nil for a draft left out as before.
    mutating func patch(
        _ source: String, info: ItemInfo, index: Int?
    ) throws(Declined) -> (OutputFile?, BuildCachePatch.PageChange)? {
        let outcome = reader.read(String(source.dropFirst("content/".count)))
        guard outcome.diagnostics.isEmpty else { throw Declined("\(source) has findings") }
        guard let draft = outcome.draft else {
            if index == nil { return nil }
            throw Declined("\(source) became a draft")
        }
        guard let index else { throw Declined("\(source) is new") }
        let record = previous.pages[index]
        let stamp = PageFileStamp(size: info.size, modifiedNanoseconds: info.modifiedNanoseconds, contentHash: draft.contentHash)
        if draft.contentHash == record.stamp.contentHash {
            // Only touched: the same page, with the file's new time.
            return (nil, .init(source: source, stamp: stamp, record: record.record, patchedFile: nil))
        }

        guard let offset = record.bodyOffset, let old = previous.page(record, bodies: bodies),
            !previous.diagnostics.contains(where: { $0.concerns(source) })
        else { throw Declined("\(source) cannot take its new text in place") }
        let built = builder.build(draft)
        guard built.diagnostics.isEmpty, let page = built.page, page.differsOnlyInBody(from: old) else {
            throw Declined("\(source) changed more than its text")
        }
        // The old page's links all led somewhere (no finding concerned it): only new ones are checked.
        let oldTargets = Set(old.body.links.map(\.target))
        // An outside link is always checked again: all outside links share one target, `.external`.
        if page.body.links.contains(where: { !oldTargets.contains($0.target) || $0.target == .external }) {
            if linkTargets == nil { linkTargets = previous.linkTargets() }
            guard let linkTargets, ContentChecker().links(of: page, existing: linkTargets).isEmpty else {
                throw Declined("\(source) links to a page or file the site does not have")
            }
        }

        let oldBody = old.body.html.bytes
        let newBody = page.body.html.bytes
        let file = SitePlan.outputFile(for: page.path)
        let range = offset..<offset + oldBody.count
        guard BodyMarker.canStandIn(for: newBody), !oldBody.isEmpty,
            let html = try? fileSystem.readFile(Path.join(output, file)),
            range.upperBound <= html.count, html[range].elementsEqual(oldBody)
        else { throw Declined("\(source)'s page is not as the cache says") }
        newRecords.append(PageRecordCoding.encode(page))
        liveBodyBytes += page.body.html.byteCount - old.body.html.byteCount
        if let stored = page.body.html.storedOffset { bodyFileEnd = max(bodyFileEnd, stored + page.body.html.byteCount) }
        return (
            OutputFile(path: file, contents: .bytes(BodyMarker.splice(newBody, into: html, replacing: range))),
            // Its record's place is known once the records are appended.
            .init(source: source, stamp: stamp, record: 0..<0, patchedFile: file)
        )
    }
}

extension Diagnostic {
    /// Whether it is about that file (where it stands, or a place it points to).
    func concerns(_ source: String) -> Bool {
        location?.path == source || related.contains { $0.path == source }
    }
}

extension Page {
    /// True when the two differ at most in what only the page's own body shows: its HTML, headings,
    /// links and word count. Everything else (including what the placeholder check samples of the
    /// body) is what other pages, lists, feeds and checks read.
    func differsOnlyInBody(from other: Page) -> Bool {
        source == other.source && kind == other.kind && path == other.path && title == other.title
            && description == other.description && date == other.date && updated == other.updated
            && weight == other.weight && draft == other.draft && summary == other.summary
            && body.sample == other.body.sample && tags == other.tags && image == other.image
            && imageAlt == other.imageAlt && attachments == other.attachments && people == other.people
            && organisation == other.organisation && disclosure == other.disclosure && procedure == other.procedure
            && layout == other.layout && params == other.params && keyLocations == other.keyLocations
    }
}
