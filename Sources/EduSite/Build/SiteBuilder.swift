/// The pipeline, one way: Load → Check → Render → Write. Any error stops the build before Write,
/// so the previous output stays as it was.
public struct SiteBuilder: Sendable {
    /// What the required-section check does to a build.
    public enum ComplianceMode: Sendable {
        /// Unmet requirements are errors and fail the build (the default).
        case enforce
        /// `--no-check`: the report is still written, its findings do not fail the build.
        case reportOnly
        /// No manifests, no report (tests of other stages).
        case off
    }

    public struct Request: Sendable {
        public var siteRoot: String
        /// Output folder; default `<site>/public`.
        public var output: String?
        public var options: LoadOptions
        /// Replace an output folder EduSite did not write.
        public var force: Bool
        public var compliance: ComplianceMode

        public init(
            siteRoot: String, output: String? = nil, options: LoadOptions, force: Bool = false,
            compliance: ComplianceMode = .enforce
        ) {
            self.siteRoot = siteRoot
            self.output = output
            self.options = options
            self.force = force
            self.compliance = compliance
        }
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        public var output: String
        /// HTML pages written.
        public var pageCount: Int
        /// All files written.
        public var fileCount: Int
        public var compliance: ComplianceResult?
        public var succeeded: Bool { !diagnostics.hasErrors }
    }

    /// What `edusite check` needs: the site, every finding, and how each requirement stands.
    public struct CheckOutcome: Sendable {
        public var site: Site?
        public var diagnostics: [Diagnostic]
        public var compliance: ComplianceResult?
        /// False when the site or its manifests could not be loaded (exit code 2).
        public var loaded: Bool
    }

    public var fileSystem: FileSystem
    public var renderer: SiteRenderer

    public init(fileSystem: FileSystem = .live, renderer: SiteRenderer = SiteRenderer()) {
        self.fileSystem = fileSystem
        self.renderer = renderer
    }

    /// Load and Check only: what `edusite check` runs.
    public func check(siteRoot: String, options: LoadOptions) -> (site: Site?, diagnostics: [Diagnostic]) {
        let outcome = inspect(siteRoot: siteRoot, options: options)
        return (outcome.site, outcome.diagnostics)
    }

    /// Load and Check, with the compliance result.
    public func inspect(siteRoot: String, options: LoadOptions, compliance mode: ComplianceMode = .enforce) -> CheckOutcome {
        let loaded = SiteLoader(fileSystem: fileSystem).load(root: siteRoot, options: options)
        guard let site = loaded.site else {
            return CheckOutcome(site: nil, diagnostics: loaded.diagnostics, compliance: nil, loaded: false)
        }
        let (compliance, complianceDiagnostics, manifestsLoaded) = checkCompliance(site, options: options, mode: mode)
        let plan = SitePlan(site: site, includesCompliance: compliance != nil)
        var diagnostics = loaded.diagnostics + ContentChecker().check(site, plan: plan)
        diagnostics += ThemeRenderer.compile(site.theme).1
        diagnostics += complianceDiagnostics
        return CheckOutcome(site: site, diagnostics: diagnostics, compliance: compliance, loaded: manifestsLoaded)
    }

    /// Loads the manifests and checks the site against them. Under `.reportOnly` findings and
    /// manifest problems become warnings.
    func checkCompliance(_ site: Site, options: LoadOptions, mode: ComplianceMode)
        -> (ComplianceResult?, [Diagnostic], Bool)
    {
        guard mode != .off else { return (nil, [], true) }
        let loader = ManifestLoader(fileSystem: fileSystem, searchPaths: options.manifestSearchPaths)
        let (manifests, problems) = loader.load(for: site)
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
        return (result, diagnostics, manifests != nil)
    }

    public func build(_ request: Request) -> Report {
        let output = request.output ?? Path.join(request.siteRoot, "public")
        let writer = OutputWriter(fileSystem: fileSystem)
        if let refusal = writer.validate(output: output, siteRoot: request.siteRoot, force: request.force) {
            return Report(diagnostics: [refusal], output: output, pageCount: 0, fileCount: 0)
        }
        let loaded = SiteLoader(fileSystem: fileSystem).load(root: request.siteRoot, options: request.options)
        guard let site = loaded.site else {
            return Report(diagnostics: loaded.diagnostics, output: output, pageCount: 0, fileCount: 0)
        }
        let (compliance, complianceDiagnostics, _) = checkCompliance(site, options: request.options, mode: request.compliance)
        let plan = SitePlan(site: site, includesCompliance: compliance != nil)
        var diagnostics = loaded.diagnostics + ContentChecker().check(site, plan: plan) + complianceDiagnostics
        guard !diagnostics.hasErrors else {
            return Report(diagnostics: diagnostics, output: output, pageCount: 0, fileCount: 0, compliance: compliance)
        }
        let rendered = renderer.render(site, plan: plan, compliance: compliance)
        diagnostics += rendered.diagnostics
        guard !diagnostics.hasErrors else {
            return Report(diagnostics: diagnostics, output: output, pageCount: 0, fileCount: 0, compliance: compliance)
        }
        do {
            try writer.write(rendered.files, to: output)
        } catch {
            return Report(
                diagnostics: diagnostics + error.diagnostics, output: output, pageCount: 0, fileCount: 0,
                compliance: compliance)
        }
        return Report(
            diagnostics: diagnostics, output: output, pageCount: plan.entries.count, fileCount: rendered.files.count + 1,
            compliance: compliance)
    }
}

extension SiteBuilder.Report {
    init(diagnostics: [Diagnostic], output: String, pageCount: Int, fileCount: Int) {
        self.init(diagnostics: diagnostics, output: output, pageCount: pageCount, fileCount: fileCount, compliance: nil)
    }
}
