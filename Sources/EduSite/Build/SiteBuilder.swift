/// The pipeline, one way: Load → Check → Render → Write. Any error stops the build before Write,
/// so the previous output stays as it was.
public struct SiteBuilder: Sendable {
    /// What the required-section check does to a build.
    public enum ComplianceMode: Sendable {
        /// Unmet requirements are errors and fail the build (the default).
        case enforce
        /// `--no-check` and `serve`: the report is still written, its findings do not fail the build.
        case reportOnly
        /// No manifests, no report (tests of other stages).
        case off
    }

    /// How strict the checks are, beyond the content's own rules.
    public struct CheckPolicy: Sendable {
        public var compliance: ComplianceMode
        /// Missing or old upstream feeds are errors instead of warnings.
        public var strictFeeds: Bool

        public init(compliance: ComplianceMode = .enforce, strictFeeds: Bool = false) {
            self.compliance = compliance
            self.strictFeeds = strictFeeds
        }
    }

    public struct Request: Sendable {
        public var siteRoot: String
        /// Output folder; default `<site>/public`.
        public var output: String?
        public var options: LoadOptions
        /// Write into an output folder that holds files EduSite did not write (they are kept).
        public var force: Bool
        public var policy: CheckPolicy
        /// The user's home folder, which is never an output folder.
        public var homeFolder: String?

        public init(
            siteRoot: String, output: String? = nil, options: LoadOptions, force: Bool = false,
            strictFeeds: Bool = false, compliance: ComplianceMode = .enforce, homeFolder: String? = nil
        ) {
            self.homeFolder = homeFolder
            self.siteRoot = siteRoot
            self.output = output
            self.options = options
            self.force = force
            self.policy = CheckPolicy(compliance: compliance, strictFeeds: strictFeeds)
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var output: String
        /// HTML pages the site has.
        public var pageCount: Int
        /// Files written.
        public var fileCount: Int
        /// nil after a quick rebuild, which did not check the site again (see `complianceSummary`).
        public var compliance: ComplianceResult?
        /// "16 of 16 requirements met".
        public var complianceSummary: Words?
        public var succeeded: Bool { !diagnostics.hasErrors }
        /// Pages rendered by this build (all of them, unless it was a rebuild).
        public var renderedPageCount = 0
        /// Pages taken from the previous build instead of read again.
        public var reusedPageCount = 0
        /// The output was updated in place from the build cache.
        public var incremental = false
        /// Files in the output that EduSite did not write, left as they were (paths relative to it).
        public var keptForeignFiles: [String] = []
        /// There was an output before this build (a folder with something in it): a failed build left
        /// it as it was. An empty folder, or none, is no previous output.
        public var previousOutputExisted = false

        /// What a failed build did to the output, truly: `build` prints it after the findings.
        public var failureOutcome: Words {
            previousOutputExisted
                ? Words(
                    vi: "bản trước trong \(Path.nfc(output)) vẫn giữ nguyên",
                    en: "the previous output in \(Path.nfc(output)) is unchanged")
                : Words(
                    vi: "không có tệp nào được ghi; trước đó cũng chưa có bản nào",
                    en: "nothing was written; there was no previous output")
        }
        /// Only page bodies changed, and they were put in place without loading the site (`QuickRebuild`).
        public var quick = false

        public init(diagnostics: [Diagnostic], output: String, pageCount: Int, fileCount: Int, compliance: ComplianceResult?) {
            self.diagnostics = diagnostics
            self.output = output
            self.pageCount = pageCount
            self.fileCount = fileCount
            self.compliance = compliance
            self.complianceSummary = compliance?.summary
        }
    }

    /// What `edusite check` needs: the site, every finding, and how each requirement stands.
    public struct CheckOutcome: Sendable {
        public var site: Site?
        public var diagnostics: [Diagnostic]
        public var compliance: ComplianceResult?
        /// False when the site or its manifests could not be loaded (exit code 2).
        public var loaded: Bool
    }

    /// Load → Check → Render, without writing: what `build` writes, and what `serve` serves from memory.
    public struct Rendering: Sendable {
        public var diagnostics: [Diagnostic]
        /// nil when the site has errors.
        public var files: [OutputFile]?
        /// HTML pages the site has.
        public var pageCount: Int
        public var compliance: ComplianceResult?
        /// Pages rendered this time (fewer than `pageCount` when a preview reused the others).
        public var renderedPageCount = 0

        public init(diagnostics: [Diagnostic], files: [OutputFile]?, pageCount: Int, compliance: ComplianceResult?) {
            self.diagnostics = diagnostics
            self.files = files
            self.pageCount = pageCount
            self.renderedPageCount = files == nil ? 0 : pageCount
            self.compliance = compliance
        }
    }

    public var fileSystem: FileSystem
    public var renderer: SiteRenderer
    /// `build` keeps page bodies, and what it needs to rebuild only what changed, in the site's
    /// `.edusite/cache/` (on the real disk). Off for in-memory trees.
    public var usesCache: Bool

    public init(fileSystem: FileSystem = .live, renderer: SiteRenderer = SiteRenderer(), usesCache: Bool = false) {
        self.fileSystem = fileSystem
        self.renderer = renderer
        self.usesCache = usesCache
    }

    /// Load and Check only: what `edusite check` runs.
    public func check(siteRoot: String, options: LoadOptions, policy: CheckPolicy = CheckPolicy()) -> CheckOutcome {
        let checked = loadAndCheck(siteRoot: siteRoot, options: options, policy: policy)
        guard let site = checked.site else {
            return CheckOutcome(site: nil, diagnostics: checked.diagnostics, compliance: nil, loaded: false)
        }
        // Templates are parsed here too, so `check` reports what `build` would stop on.
        let diagnostics = checked.diagnostics + ThemeRenderer.compile(site.theme).1
        return CheckOutcome(
            site: site, diagnostics: diagnostics, compliance: checked.compliance, loaded: checked.manifestsLoaded)
    }

    /// Load → Check → Render → Write. Pages are written to a staging folder in batches as they are
    /// rendered, and the folder is swapped in only when everything succeeded. With the cache, a
    /// rebuild reuses the pages whose files did not change and rewrites only the files that changed.
    public func build(_ request: Request) -> Report {
        let requested = request.output ?? Path.join(request.siteRoot, "public")
        let refused = { [fileSystem] (diagnostics: [Diagnostic]) in
            var report = Report(diagnostics: diagnostics, output: requested, pageCount: 0, fileCount: 0, compliance: nil)
            report.previousOutputExisted = fileSystem.linkInfo(requested).map {
                $0.kind != .directory || (try? fileSystem.listDirectory(requested).isEmpty) == false
            } ?? false
            return report
        }
        let folder: OutputFolder
        switch OutputFolderPolicy(fileSystem: fileSystem, homeFolder: request.homeFolder)
            .check(output: requested, siteRoot: request.siteRoot)
        {
        case .success(let checked): folder = checked
        case .failure(let error): return refused(error.diagnostics)
        }
        let attempt = { (cacheFolder: BuildCacheFolder?) -> Report in
            let transaction: OutputTransaction
            do throws(DiagnosticError) {
                transaction = try OutputTransaction.begin(folder, force: request.force, fileSystem: fileSystem)
            } catch {
                return refused(error.diagnostics)
            }
            var report = build(request, into: transaction, cache: cacheFolder)
            transaction.discard()  // nothing when it was committed
            report.diagnostics = transaction.recoveryNotes + report.diagnostics
            report.keptForeignFiles = transaction.keptForeignFiles
            report.previousOutputExisted = transaction.existing.identity != nil && !transaction.existing.isEmpty
            return report
        }
        let cacheFolder = usesCache ? BuildCacheFolder(siteRoot: request.siteRoot, fileSystem: fileSystem) : nil
        let report = attempt(cacheFolder)
        guard let cacheFolder, let damage = cacheFolder.damage.found else { return report }
        // That attempt stopped before it wrote anything: once more from nothing, without the damaged cache.
        let movedTo = cacheFolder.setAside()
        var again = attempt(movedTo == nil ? nil : BuildCacheFolder(siteRoot: request.siteRoot, fileSystem: fileSystem))
        // The first attempt's report holds only what recovering the output found.
        again.diagnostics = report.diagnostics + [CacheDiagnostics.damaged(damage, movedTo: movedTo)] + again.diagnostics
        return again
    }

    /// The build itself, into a transaction that the caller discards when it fails. It stops before
    /// writing when it finds the cache damaged (`cacheFolder.damage`), and its report is then empty.
    private func build(_ request: Request, into transaction: OutputTransaction, cache cacheFolder: BuildCacheFolder?) -> Report {
        let output = transaction.folder.path
        let startedAt = BuildCacheFolder.now()
        var timer = StageTimer()
        let damaged = { cacheFolder?.damage.found != nil }
        let abandoned = Report(diagnostics: [], output: output, pageCount: 0, fileCount: 0, compliance: nil)
        // The cache speaks of the output as the last build left it: not when anything of it changed.
        var previous = transaction.outputIsAsWritten ? cacheFolder?.previous(output: output) : nil
        timer.mark("read the cache")
        if damaged() { return abandoned }
        let bodies = cacheFolder?.openBodies(reset: previous == nil)
        if bodies == nil { previous = nil }
        timer.mark("open the bodies")
        if let cacheFolder, let previous, let bodies {
            let quick = QuickRebuild(
                fileSystem: fileSystem, siteRoot: request.siteRoot, transaction: transaction, options: request.options,
                policy: request.policy, liveReloadHTML: renderer.liveReloadHTML)
            do throws(QuickRebuild.Declined) {
                let report = try quick.run(previous: previous, folder: cacheFolder, bodies: bodies, startedAt: startedAt)
                timer.mark("quick rebuild")
                return report
            } catch {
                timer.mark("no quick rebuild: " + error.reason)
            }
        }
        if previous?.readOutputs() == false { previous = nil }
        if damaged() { return abandoned }
        let (checked, ready) = loadCheckAndPrepare(
            siteRoot: request.siteRoot, options: request.options, policy: request.policy, bodies: bodies,
            reuse: bodies.flatMap { bodies in previous?.pageReuse(bodies: bodies) })
        timer.mark("load, check, prepare")
        let diagnostics = checked.diagnostics
        let failed = { (diagnostics: [Diagnostic]) in
            Report(diagnostics: diagnostics, output: output, pageCount: 0, fileCount: 0, compliance: checked.compliance)
        }
        if damaged() { return abandoned }
        guard let (site, plan, prepared) = ready else { return failed(diagnostics) }

        // What a quick rebuild after this one compares with, and reports again.
        let cacheReport = cacheFolder.map { _ in
            BuildCacheReport(
                inputsKey: BuildInputs.key(
                    siteRoot: request.siteRoot, configHash: site.configHash, options: request.options,
                    policy: request.policy, liveReloadHTML: renderer.liveReloadHTML, theme: site.theme,
                    themeAssets: checked.themeAssets, manifestFiles: checked.manifestFiles, fileSystem: fileSystem),
                fileListKey: checked.fileListKey, manifestFiles: checked.manifestFiles, diagnostics: diagnostics,
                complianceSummary: checked.compliance?.summary)
        }
        let records = cacheFolder?.startRecords()
        var state = records.map { records in
            CachedBuild(
                site: site, plan: plan, prepared: prepared, stamps: checked.stamps, liveReloadHTML: renderer.liveReloadHTML,
                fileSystem: fileSystem, records: records)
        }
        timer.mark("render keys")
        if let cacheFolder, let records, let previous, let bodies, let cacheReport,
            let update = state?.update(
                from: previous, bodies: bodies, startedAt: startedAt, prepared: prepared, output: output,
                resolutionKey: checked.resolutionKey, report: cacheReport)
        {
            // The content is good: only the disk can fail from here, and then the next build starts over.
            timer.mark("render changed")
            if damaged() { return abandoned }
            cacheFolder.invalidate()
            var tidying: [Diagnostic] = []
            do throws(DiagnosticError) {
                tidying = try transaction.update(writing: update.files, removing: Set(update.stale))
            } catch {
                cacheFolder.discard(records)
                return failed(diagnostics + error.diagnostics)
            }
            timer.mark("write")
            cacheFolder.save(update.cache, records: records)
            timer.mark("save the cache")
            var report = Report(
                diagnostics: diagnostics + tidying, output: output, pageCount: plan.entries.count, fileCount: update.files.count,
                compliance: checked.compliance)
            report.renderedPageCount = update.renderedPageCount
            report.reusedPageCount = checked.reusedPageCount
            report.incremental = true
            return report
        }

        var fileCount = 0
        var tidying: [Diagnostic] = []
        cacheFolder?.invalidate()
        do throws(DiagnosticError) {
            let staging = transaction
            var start = 0
            while start < plan.entries.count {
                let batch = plan.entries[start..<min(start + renderer.batchSize, plan.entries.count)]
                if state != nil {
                    let pages = SiteRenderer.renderPagesMarkingBodies(batch, prepared)
                    try staging.write(pages.map(\.file))
                    state?.recordRendered(pages)
                    fileCount += pages.count
                } else {
                    let files = SiteRenderer.renderPages(batch, prepared)
                    try staging.write(files)
                    fileCount += files.count
                }
                start += renderer.batchSize
            }
            let others = SiteRenderer.staticFiles(site) + SiteRenderer.generatedFiles(site, plan: plan, compliance: checked.compliance)
            try staging.write(others)
            state?.recordRendered(others)
            fileCount += others.count
            if damaged() { return abandoned }
            tidying = try staging.commit()
        } catch {
            if let cacheFolder, let records { cacheFolder.discard(records) }
            return failed(diagnostics + error.diagnostics)
        }
        timer.mark("render and write")
        if let cacheFolder, let state, let records, let cacheReport {
            cacheFolder.save(
                state.cache(output: output, resolutionKey: checked.resolutionKey, startedAt: startedAt, report: cacheReport),
                records: records)
        }
        timer.mark("save the cache")
        var report = Report(
            diagnostics: diagnostics + tidying, output: output, pageCount: plan.entries.count, fileCount: fileCount,
            compliance: checked.compliance)
        report.renderedPageCount = plan.entries.count
        return report
    }

    struct Checked {
        var site: Site?
        var plan: SitePlan?
        var diagnostics: [Diagnostic]
        var compliance: ComplianceResult?
        var manifestsLoaded: Bool
        var resolutionKey = ContentHash()
        var reusedPageCount = 0
        var stamps: [String: PageFileStamp] = [:]
        var fileListKey = ContentHash()
        var themeAssets: [StaticFile] = []
        var manifestFiles: [String] = []
    }

    /// Load, Check, then compile the theme: what every rendering starts from. `checked.diagnostics`
    /// includes the theme's; nil when there are errors.
    func loadCheckAndPrepare(
        siteRoot: String, options: LoadOptions, policy: CheckPolicy, bodies: BodyStore? = nil, reuse: PageReuse?
    ) -> (Checked, (site: Site, plan: SitePlan, prepared: SiteRenderer.Prepared)?) {
        var checked = loadAndCheck(siteRoot: siteRoot, options: options, policy: policy, bodies: bodies, reuse: reuse)
        guard let site = checked.site, let plan = checked.plan, !checked.diagnostics.hasErrors else { return (checked, nil) }
        let (prepared, themeDiagnostics) = renderer.prepare(site, plan: plan, compliance: checked.compliance)
        checked.diagnostics += themeDiagnostics
        guard let prepared else { return (checked, nil) }
        return (checked, (site, plan, prepared))
    }

    /// Load, then every check: content rules, the parent office's feeds, the required sections.
    func loadAndCheck(
        siteRoot: String, options: LoadOptions, policy: CheckPolicy, bodies: BodyStore? = nil, reuse: PageReuse? = nil
    ) -> Checked {
        var timer = StageTimer()
        let loaded = SiteLoader(fileSystem: fileSystem, bodies: bodies).load(root: siteRoot, options: options, reuse: reuse)
        timer.mark("  load")
        guard let site = loaded.site else {
            return Checked(site: nil, plan: nil, diagnostics: loaded.diagnostics, compliance: nil, manifestsLoaded: false)
        }
        let (compliance, complianceDiagnostics, manifestsLoaded, manifestFiles) = checkCompliance(
            site, options: options, mode: policy.compliance)
        timer.mark("  compliance")
        let plan = SitePlan(site: site, includesCompliance: compliance != nil)
        timer.mark("  plan")
        var diagnostics = loaded.diagnostics + ContentChecker().check(site, plan: plan)
        diagnostics += UpstreamFeedChecker(strict: policy.strictFeeds).check(site)
        timer.mark("  content checks")
        diagnostics += complianceDiagnostics
        return Checked(
            site: site, plan: plan, diagnostics: diagnostics, compliance: compliance, manifestsLoaded: manifestsLoaded,
            resolutionKey: loaded.resolutionKey, reusedPageCount: loaded.reusedPageCount, stamps: loaded.stamps,
            fileListKey: loaded.fileListKey, themeAssets: loaded.themeAssets, manifestFiles: manifestFiles)
    }

    /// Loads the manifests and checks the site against them. Under `.reportOnly` findings and
    /// manifest problems become warnings.
    func checkCompliance(_ site: Site, options: LoadOptions, mode: ComplianceMode)
        -> (ComplianceResult?, [Diagnostic], Bool, [String])
    {
        guard mode != .off else { return (nil, [], true, []) }
        let loader = ManifestLoader(fileSystem: fileSystem, searchPaths: options.manifestSearchPaths)
        let (manifests, problems, files) = loader.loadReportingFiles(for: site)
        var diagnostics = problems
        var result: ComplianceResult?
        if let manifests {
            let checked = ComplianceChecker().check(site, manifests: manifests)
            diagnostics += checked.diagnostics
            result = checked
        }
        if mode == .reportOnly {
            diagnostics = diagnostics.map { var d = $0; d.severity = .warning; return d }
        }
        return (result, diagnostics, manifests != nil, files)
    }
}
