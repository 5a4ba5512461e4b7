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
        let language = siteOptions.language
        CommandSupport.printDiagnostics(report.diagnostics, in: language)
        guard report.succeeded else {
            let errors = report.diagnostics.errorCount
            CommandSupport.printError(
                (Words(vi: "không tạo được trang: \(errors) lỗi; ", en: "build failed: \(errors) error(s); ")
                    + report.failureOutcome).text(language))
            throw ExitCode.failure
        }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        if let summary = report.complianceSummary { print(summary.text(language)) }
        let (pages, files, output) = (report.pageCount, report.fileCount, Path.nfc(report.output))
        let written =
            report.incremental
            ? Words(vi: "\(files) tệp đã đổi", en: "\(files) changed files") : Words(vi: "\(files) tệp", en: "\(files) files")
        print(
            (Words(vi: "đã tạo \(pages) trang, ", en: "built \(pages) pages, ") + written
                + Words(vi: " vào \(output) trong \(milliseconds) ms", en: " into \(output) in \(milliseconds) ms")).text(language))
        let kept = report.keptForeignFiles.map(Path.nfc)
        if !kept.isEmpty {
            let shown = kept.prefix(5).joined(separator: ", ")
            let more = kept.count > 5 ? kept.count - 5 : 0
            print(
                Words(
                    vi: "giữ lại \(kept.count) tệp trong thư mục xuất không do EduSite ghi: \(shown)\(more > 0 ? " và \(more) tệp khác" : "")",
                    en: "kept \(kept.count) file(s) in the output that EduSite did not write: \(shown)\(more > 0 ? " and \(more) more" : "")"
                ).text(language))
        }
        let (rendered, reused) = (report.renderedPageCount, report.reusedPageCount)
        if report.quick && report.fileCount == 0 {
            print(
                Words(
                    vi: "không có gì thay đổi từ lần tạo trước: \(reused) trang không phải đọc lại",
                    en: "nothing changed since the last build: \(reused) pages not read again"
                ).text(language))
        } else if report.quick {
            print(
                Words(
                    vi: "tạo lại nhanh: chỉ nội dung trang thay đổi, \(rendered) trang được cập nhật tại chỗ, \(reused) trang không phải đọc lại",
                    en: "quick rebuild: only page text changed, \(rendered) pages updated in place, \(reused) pages not read again"
                ).text(language))
        } else if report.incremental {
            print(
                Words(
                    vi: "tạo lại từ bộ nhớ đệm: \(rendered) trang được tạo, \(reused) trang không đổi không phải đọc lại",
                    en: "rebuilt from the cache: \(rendered) pages rendered, \(reused) unchanged pages not read again"
                ).text(language))
        }
    }
}
