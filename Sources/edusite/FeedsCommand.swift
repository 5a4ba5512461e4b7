import ArgumentParser
import EduSite
import Foundation

struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Fetch the parent office's feeds listed in site.yaml into the site's cache (.edusite/feeds/).",
        discussion: """
            A feed that cannot be fetched keeps its last good items; the command still succeeds unless --strict-feeds.
            With --read, nothing is fetched or written: the given feed files are read and printed as JSON, every entry
            in document order as read (before the site's display rules: a title cut at 300 characters, an untitled
            entry titled from its summary), to compare EduSite with another reader.
            """)

    @OptionGroup var siteOptions: SiteOptions

    @Flag(name: .customLong("strict-feeds"), help: "Exit with an error when a feed could not be refreshed.")
    var strictFeeds = false

    @Option(
        name: .customLong("read"), parsing: .upToNextOption,
        help: ArgumentHelp("Print what EduSite reads in these local feed files, as JSON.", valueName: "file"))
    var readFiles: [String] = []

    @Option(name: .customLong("charset"), help: "With --read: the charset an HTTP server would have declared.")
    var charset: String?

    @Option(name: .customLong("source-url"), help: "With --read: the address relative links resolve against.")
    var sourceURL = "http://127.0.0.1/feed.xml"

    func run() async throws {
        if !readFiles.isEmpty {
            print(FeedReading.json(files: readFiles, sourceURL: sourceURL, charset: charset))
            return
        }
        let ok = await FeedFetching.refresh(siteOptions: siteOptions, strict: strictFeeds)
        if !ok { throw ExitCode.failure }
    }
}

/// `edusite feeds --read`: local feed files as EduSite reads them, as JSON (one object per file).
enum FeedReading {
    struct File: Encodable {
        var file: String
        var dialect: String?
        var title: String?
        var link: String?
        var entries: [UpstreamItem]?
        /// Why the file was refused, when it was (the words `edusite feeds` would print).
        var error: String?
    }

    static func json(files: [String], sourceURL: String, charset: String?) -> String {
        let results = files.map { path -> File in
            guard let data = FileManager.default.contents(atPath: path) else {
                return File(file: path, error: "the file cannot be read")
            }
            do {
                let feed = try FeedDocumentParser.parse(Array(data), sourceURL: sourceURL, httpCharset: charset)
                return File(file: path, dialect: feed.dialect.rawValue, title: feed.title, link: feed.link, entries: feed.entries)
            } catch {
                return File(file: path, error: "\(error)")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, optionals and arrays of them: encoding cannot fail.
        return (try? encoder.encode(results)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
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
        let now = config.zone.date(siteOptions.loadOptions().buildDate)
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
