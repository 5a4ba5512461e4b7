/// The Render stage: executes the plan, page by page on all cores, and adds the sitemap and
/// robots.txt. Pure: the same site gives the same bytes.
public struct SiteRenderer: Sendable {
    /// Injected by `edusite serve` only.
    public var liveReloadHTML: String?

    public init(liveReloadHTML: String? = nil) { self.liveReloadHTML = liveReloadHTML }

    public func render(_ site: Site, plan: SitePlan, compliance: ComplianceResult? = nil)
        -> (files: [OutputFile], diagnostics: [Diagnostic])
    {
        let (theme, diagnostics) = ThemeRenderer.compile(site.theme)
        let views = ViewFactory(site: site, plan: plan, liveReloadHTML: liveReloadHTML, compliance: compliance)
        var files: [OutputFile] = plan.entries.parallelMap { entry in
            let (template, context) = views.render(entry.job, path: entry.path)
            return OutputFile(path: SitePlan.outputFile(for: entry.path), contents: .bytes(theme.render(context, template: template)))
        }
        files += site.staticFiles.map {
            OutputFile(path: SitePlan.outputFile(for: $0.path), contents: .copy(from: $0.absoluteSource))
        }
        files.append(OutputFile(path: "sitemap.xml", contents: .bytes(Array(SitemapWriter.sitemap(site: site, plan: plan).utf8))))
        files.append(OutputFile(path: "robots.txt", contents: .bytes(Array(SitemapWriter.robots(site: site).utf8))))
        let feedWriter = FeedWriter(site: site, index: plan.index)
        files += plan.feeds.map { feed in
            OutputFile(path: SitePlan.outputFile(for: feed.path), contents: .bytes(Array(feedWriter.document(for: feed).utf8)))
        }
        if let compliance {
            let json = ComplianceReport(site: site, result: compliance).json()
            files.append(OutputFile(path: SitePlan.outputFile(for: SitePlan.complianceReportPath), contents: .bytes(Array(json.utf8))))
        }
        return (files, diagnostics)
    }
}
