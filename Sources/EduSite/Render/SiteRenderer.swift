/// The Render stage: executes the plan, page by page on all cores, and adds the sitemap, robots.txt,
/// feeds and the compliance report. Pure: the same site gives the same bytes.
public struct SiteRenderer: Sendable {
    /// Injected by `edusite serve` only.
    public var liveReloadHTML: String?
    /// Pages rendered (on all cores) before they are handed on, so a large site is never held whole.
    public var batchSize: Int

    public init(liveReloadHTML: String? = nil, batchSize: Int = 512) {
        self.liveReloadHTML = liveReloadHTML
        self.batchSize = batchSize
    }

    /// The compiled theme and the view factory of one build: made once, used for every page.
    struct Prepared: Sendable {
        let theme: ThemeRenderer
        let views: ViewFactory
    }

    /// Compiles the theme; nil with the template problems when it does not compile.
    func prepare(_ site: Site, plan: SitePlan, compliance: ComplianceResult?) -> (value: Prepared?, diagnostics: [Diagnostic]) {
        let (theme, diagnostics) = ThemeRenderer.compile(site.theme)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        let views = ViewFactory(site: site, plan: plan, liveReloadHTML: liveReloadHTML, compliance: compliance)
        return (Prepared(theme: theme, views: views), diagnostics)
    }

    /// Renders pages of the plan, on all cores.
    static func renderPages(_ entries: some Collection<SitePlan.Entry>, _ prepared: Prepared) -> [OutputFile] {
        Array(entries).parallelMap { entry in
            let (template, context) = prepared.views.render(entry.job, path: entry.path)
            return OutputFile(
                path: SitePlan.outputFile(for: entry.path), contents: .bytes(prepared.theme.render(context, template: template)))
        }
    }

    /// A rendered page, and where its body HTML starts in it when it was put there by `BodyMarker`.
    struct RenderedPage: Sendable {
        var file: OutputFile
        var bodyOffset: Int?
    }

    /// `renderPages`, with each page's body put in by position where `BodyMarker` allows it: the same
    /// bytes, and where each body lies (for the build cache).
    static func renderPagesMarkingBodies(_ entries: some Collection<SitePlan.Entry>, _ prepared: Prepared) -> [RenderedPage] {
        Array(entries).parallelMap { entry in
            let path = SitePlan.outputFile(for: entry.path)
            if case .page(let page) = entry.job, !page.body.html.isEmpty {
                let body = page.body.html.bytes
                if BodyMarker.canStandIn(for: body) {
                    let (template, context) = prepared.views.render(entry.job, path: entry.path, bodyStandIn: BodyMarker.text)
                    let marked = prepared.theme.render(context, template: template)
                    if let offset = BodyMarker.offset(in: marked) {
                        let bytes = BodyMarker.splice(body, into: marked, replacing: offset..<offset + BodyMarker.byteCount)
                        return RenderedPage(file: OutputFile(path: path, contents: .bytes(bytes)), bodyOffset: offset)
                    }
                }
            }
            let (template, context) = prepared.views.render(entry.job, path: entry.path)
            return RenderedPage(
                file: OutputFile(path: path, contents: .bytes(prepared.theme.render(context, template: template))), bodyOffset: nil)
        }
    }

    /// The theme's assets, `static/` and the other files of `content/`, copied as they are.
    static func staticFiles(_ site: Site) -> [OutputFile] {
        site.staticFiles.map { OutputFile(path: SitePlan.outputFile(for: $0.path), contents: .copy(from: $0.absoluteSource)) }
    }

    /// The sitemap, robots.txt, the feeds and the compliance report, made on all cores.
    static func generatedFiles(_ site: Site, plan: SitePlan, compliance: ComplianceResult?) -> [OutputFile] {
        enum Job: Sendable {
            case sitemap, robots, feed(SitePlan.Feed), complianceReport(ComplianceResult)
        }
        let jobs: [Job] = [.sitemap, .robots] + plan.feeds.map { .feed($0) } + (compliance.map { [.complianceReport($0)] } ?? [])
        let feedWriter = FeedWriter(site: site, index: plan.index)
        return jobs.parallelMap { job in
            switch job {
            case .sitemap:
                OutputFile(path: "sitemap.xml", contents: .bytes(Array(SitemapWriter.sitemap(site: site, plan: plan).utf8)))
            case .robots:
                OutputFile(path: "robots.txt", contents: .bytes(Array(SitemapWriter.robots(site: site).utf8)))
            case .feed(let feed):
                OutputFile(path: SitePlan.outputFile(for: feed.path), contents: .bytes(Array(feedWriter.document(for: feed).utf8)))
            case .complianceReport(let result):
                OutputFile(
                    path: SitePlan.outputFile(for: SitePlan.complianceReportPath),
                    contents: .bytes(Array(ComplianceReport(site: site, result: result).json().utf8)))
            }
        }
    }
}
