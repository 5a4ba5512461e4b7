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
        let language = siteOptions.language
        CommandSupport.printDiagnostics(problems, in: language)
        guard let config else { return false }
        if config.upstreamFeeds.isEmpty {
            print(
                Words(
                    vi: "site.yaml không khai báo nguồn tin nào (upstream_feeds): không có gì để tải",
                    en: "site.yaml lists no upstream_feeds: nothing to fetch"
                ).text(language))
            return true
        }
        let now = siteOptions.loadOptions().buildDate.resolved(defaultOffset: 7 * 3600)
        let reports = await refreshUpstreamFeeds(
            siteRoot: siteOptions.siteRoot, config: config, fileSystem: .live, now: now, locations: locations)
        for report in reports { print(report.summary.text(language)) }
        var diagnostics = reports.flatMap { $0.diagnostics() }
        if strict {
            diagnostics = diagnostics.map { var d = $0; d.severity = .error; return d }
        }
        CommandSupport.printDiagnostics(diagnostics, in: language)
        return !diagnostics.hasErrors
    }
}
