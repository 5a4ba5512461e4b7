import ArgumentParser
import EduSite

struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Fetch the parent office's feeds listed in site.yaml into the site's cache (.edusite/feeds/).",
        discussion: "A feed that cannot be fetched keeps its last good items; the command still succeeds unless --strict-feeds.")

    @OptionGroup var siteOptions: SiteOptions

    @Flag(name: .customLong("strict-feeds"), help: "Exit with an error when a feed could not be refreshed.")
    var strictFeeds = false

    func run() async throws {
        let ok = await FeedFetching.refresh(siteOptions: siteOptions, strict: strictFeeds)
        if !ok { throw ExitCode.failure }
    }
}

/// Shared by `edusite feeds` and `edusite build --fetch`.
enum FeedFetching {
    /// Returns false when the configuration cannot be read, or (strict) a feed failed.
    static func refresh(siteOptions: SiteOptions, strict: Bool) async -> Bool {
        let loader = SiteLoader()
        let (config, locations, problems) = loader.loadConfig(root: siteOptions.siteRoot)
        CommandSupport.printDiagnostics(problems)
        guard let config else { return false }
        if config.upstreamFeeds.isEmpty {
            print("site.yaml lists no upstream_feeds: nothing to fetch")
            return true
        }
        let now = config.zone.date(siteOptions.loadOptions().buildDate)
        let reports = await refreshUpstreamFeeds(
            siteRoot: siteOptions.siteRoot, config: config, fileSystem: .live, now: now, locations: locations)
        for report in reports { print(report.summary) }
        var diagnostics = reports.flatMap { $0.diagnostics() }
        if strict {
            diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
        }
        CommandSupport.printDiagnostics(diagnostics)
        return !diagnostics.hasErrors
    }
}
