extension SiteBuilder {
    /// What `serve` keeps in memory from its last good build, so that the next one reads only the
    /// files that changed and renders only the pages whose key changed: the build cache, in memory.
    public struct PreviewState: Sendable {
        fileprivate var pages: [String: (page: Page, stamp: PageFileStamp)]
        fileprivate var resolutionKey: ContentHash
        fileprivate var outputs: [String: ContentHash]
        fileprivate var files: [String: OutputFile.Contents]
        fileprivate var startedAt: Int64

        fileprivate func reuse() -> PageReuse {
            var entries: [String: PageReuse.Entry] = [:]
            entries.reserveCapacity(pages.count)
            for (source, kept) in pages {
                let page = kept.page
                entries[source] = PageReuse.Entry(
                    stamp: kept.stamp,
                    stampIsReliable: fileTimeIsReliable(kept.stamp.modifiedNanoseconds, buildStart: startedAt),
                    page: { page })
            }
            return PageReuse(entries: entries, resolutionKey: resolutionKey)
        }
    }

    /// Load → Check → Render into memory, reusing what `previous` kept: what `serve` runs on every
    /// change. The files are every file of the site; on errors they are nil and `previous` stays valid.
    public func renderPreview(
        siteRoot: String, options: LoadOptions, policy: CheckPolicy, previous: PreviewState?
    ) -> (rendering: Rendering, state: PreviewState?) {
        let startedAt = BuildCacheFolder.now()
        let (checked, ready) = loadCheckAndPrepare(
            siteRoot: siteRoot, options: options, policy: policy, reuse: previous?.reuse())
        let diagnostics = checked.diagnostics
        guard let (site, plan, prepared) = ready else {
            return (Rendering(diagnostics: diagnostics, files: nil, pageCount: 0, compliance: checked.compliance), previous)
        }

        var build = CachedBuild(
            site: site, plan: plan, prepared: prepared, stamps: checked.stamps, liveReloadHTML: renderer.liveReloadHTML,
            fileSystem: fileSystem)
        let previousOutputs = previous?.outputs ?? [:]
        let pages = build.pagesToRender(previousOutputs: previousOutputs)
        var files = previous?.files ?? [:]
        for file in build.renderChanged(pages, previousOutputs: previousOutputs, prepared: prepared) { files[file.path] = file.contents }
        let statics = SiteRenderer.staticFiles(site)
        for file in statics { files[file.path] = file.contents }
        // Files of pages that are gone.
        let current = Set(build.outputs.keys).union(statics.map(\.path))
        files = files.filter { current.contains($0.key) }

        var kept: [String: (page: Page, stamp: PageFileStamp)] = [:]
        for page in site.pages {
            if let stamp = checked.stamps[page.source] { kept[page.source] = (page, stamp) }
        }
        let state = PreviewState(
            pages: kept, resolutionKey: checked.resolutionKey, outputs: build.outputs, files: files,
            startedAt: startedAt)
        var rendering = Rendering(
            diagnostics: diagnostics, files: files.map { OutputFile(path: $0.key, contents: $0.value) },
            pageCount: plan.entries.count, compliance: checked.compliance)
        rendering.renderedPageCount = pages.count
        return (rendering, state)
    }
}
