import ArgumentParser
import EduSite
import Foundation

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Check the site and write it to the output folder.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: [.short, .customLong("output")], help: "Output folder (default: <site>/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Serve the site from this URL instead of site.yaml's base_url.")
    var baseURL: String?

    @Flag(name: .long, help: "Write into an output folder that holds files EduSite did not write (they are kept, never deleted).")
    var force = false

    @Flag(name: .long, help: "Fetch the parent office's feeds first (like `edusite feeds`).")
    var fetch = false

    @Flag(name: .customLong("strict-feeds"), help: "Fail when an upstream feed is missing, old or could not be fetched.")
    var strictFeeds = false

    @Flag(name: .customLong("no-check"), help: "Do not fail on unmet required sections (the report is still written).")
    var noCheck = false

    func run() async throws {
        let started = Date()
        if fetch, await !FeedFetching.refresh(siteOptions: siteOptions, strict: strictFeeds) {
            throw ExitCode.failure
        }
        let request = SiteBuilder.Request(
            siteRoot: siteOptions.siteRoot, output: output.map(CommandSupport.absolute),
            options: siteOptions.loadOptions(baseURL: baseURL), force: force, strictFeeds: strictFeeds,
            compliance: noCheck ? .reportOnly : .enforce, homeFolder: ProcessInfo.processInfo.environment["HOME"])
        let report = SiteBuilder(usesCache: true).build(request)
        CommandSupport.printDiagnostics(report.diagnostics)
        guard report.succeeded else {
            let outcome =
                report.previousOutputExisted ? "the previous output in \(report.output) is unchanged" : "nothing was written"
            CommandSupport.printError("build failed: \(report.diagnostics.errorCount) error(s); \(outcome)")
            throw ExitCode.failure
        }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        if let summary = report.complianceSummary { print(summary) }
        let files = report.incremental ? "\(report.fileCount) changed files" : "\(report.fileCount) files"
        print("built \(report.pageCount) pages, \(files) into \(report.output) in \(milliseconds) ms")
        if !report.keptForeignFiles.isEmpty {
            let shown = report.keptForeignFiles.prefix(5).joined(separator: ", ")
            let more = report.keptForeignFiles.count > 5 ? " and \(report.keptForeignFiles.count - 5) more" : ""
            print("kept \(report.keptForeignFiles.count) file(s) in the output that EduSite did not write: \(shown)\(more)")
        }
        if report.quick && report.fileCount == 0 {
            print("nothing changed since the last build: \(report.reusedPageCount) pages not read again")
        } else if report.quick {
            print("quick rebuild: only page text changed, \(report.renderedPageCount) pages updated in place, \(report.reusedPageCount) pages not read again")
        } else if report.incremental {
            print("rebuilt from the cache: \(report.renderedPageCount) pages rendered, \(report.reusedPageCount) unchanged pages not read again")
        }
    }
}
