/// The pipeline, one way: Load → Check → Render → Write. Any error stops the build before Write,
/// so the previous output stays as it was.
public struct SiteBuilder: Sendable {
    public struct Request: Sendable {
        public var siteRoot: String
        /// Output folder; default `<site>/public`.
        public var output: String?
        public var options: LoadOptions
        /// Replace an output folder EduSite did not write.
        public var force: Bool
        /// Missing or old upstream feeds are errors instead of warnings.
        public var strictFeeds: Bool

        public init(siteRoot: String, output: String? = nil, options: LoadOptions, force: Bool = false, strictFeeds: Bool = false) {
            self.siteRoot = siteRoot
            self.output = output
            self.options = options
            self.force = force
            self.strictFeeds = strictFeeds
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var output: String
        /// HTML pages written.
        public var pageCount: Int
        /// All files written.
        public var fileCount: Int
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    public var fileSystem: FileSystem
    public var renderer: SiteRenderer

    public init(fileSystem: FileSystem = .live, renderer: SiteRenderer = SiteRenderer()) {
        self.fileSystem = fileSystem
        self.renderer = renderer
    }

    /// Load and Check only: what `edusite check` runs.
    public func check(siteRoot: String, options: LoadOptions, strictFeeds: Bool = false) -> (site: Site?, diagnostics: [Diagnostic]) {
        let loaded = SiteLoader(fileSystem: fileSystem).load(root: siteRoot, options: options)
        guard let site = loaded.site else { return (nil, loaded.diagnostics) }
        let plan = SitePlan(site: site)
        var diagnostics = loaded.diagnostics + ContentChecker().check(site, plan: plan)
        diagnostics += UpstreamFeedChecker(strict: strictFeeds).check(site)
        diagnostics += ThemeRenderer.compile(site.theme).1
        return (site, diagnostics)
    }

    /// Load → Check → Render, without writing: what `build` writes, and what `serve` serves from memory.
    public struct Rendering: Sendable {
        public var diagnostics: [Diagnostic]
        /// nil when the site has errors.
        public var files: [OutputFile]?
        /// HTML pages rendered.
        public var pageCount: Int
    }

    public func render(siteRoot: String, options: LoadOptions, strictFeeds: Bool = false) -> Rendering {
        let loaded = SiteLoader(fileSystem: fileSystem).load(root: siteRoot, options: options)
        guard let site = loaded.site else { return Rendering(diagnostics: loaded.diagnostics, files: nil, pageCount: 0) }
        let plan = SitePlan(site: site)
        var diagnostics = loaded.diagnostics + ContentChecker().check(site, plan: plan)
        diagnostics += UpstreamFeedChecker(strict: strictFeeds).check(site)
        guard !diagnostics.hasErrors else { return Rendering(diagnostics: diagnostics, files: nil, pageCount: 0) }
        let rendered = renderer.render(site, plan: plan)
        diagnostics += rendered.diagnostics
        guard !diagnostics.hasErrors else { return Rendering(diagnostics: diagnostics, files: nil, pageCount: 0) }
        return Rendering(diagnostics: diagnostics, files: rendered.files, pageCount: plan.entries.count)
    }

    public func build(_ request: Request) -> Report {
        let output = request.output ?? Path.join(request.siteRoot, "public")
        let writer = OutputWriter(fileSystem: fileSystem)
        if let refusal = writer.validate(output: output, siteRoot: request.siteRoot, force: request.force) {
            return Report(diagnostics: [refusal], output: output, pageCount: 0, fileCount: 0)
        }
        let rendering = render(siteRoot: request.siteRoot, options: request.options, strictFeeds: request.strictFeeds)
        guard let files = rendering.files else {
            return Report(diagnostics: rendering.diagnostics, output: output, pageCount: 0, fileCount: 0)
        }
        do {
            try writer.write(files, to: output)
        } catch {
            return Report(diagnostics: rendering.diagnostics + error.diagnostics, output: output, pageCount: 0, fileCount: 0)
        }
        return Report(diagnostics: rendering.diagnostics, output: output, pageCount: rendering.pageCount, fileCount: files.count + 1)
    }
}
