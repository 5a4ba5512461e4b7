import ArgumentParser
import EduSite
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site into memory, serve it, and rebuild and reload the browser on every change.",
        discussion: "Bad content never stops it: the last good pages stay served and the browser shows the error.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "Port to listen on.")
    var port: UInt16 = 1313

    @Option(name: .long, help: "Address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (the local network).")
    var host = "127.0.0.1"

    @Option(name: .customLong("poll-interval"), help: "How often to look for changes, in milliseconds.")
    var pollInterval = 300

    func validate() throws {
        if pollInterval < 50 { throw ValidationError("--poll-interval must be at least 50 ms") }
    }

    func run() async throws {
        let language = siteOptions.language
        let session = ServeSession(
            siteRoot: siteOptions.siteRoot, options: siteOptions.loadOptions(), language: language)
        let watcher = SiteWatcher(
            roots: SiteWatcher.roots(siteRoot: siteOptions.siteRoot, themeFolders: CommandSupport.themeSearchPaths()),
            siteRoot: siteOptions.siteRoot)
        var stamps = watcher.snapshot()
        let firstBuild = Date()
        report(session.rebuild(), started: firstBuild, in: language)
        let server: HTTPServer
        do {
            server = try HTTPServer(host: host, port: port) { session.respond(to: $0) }
        } catch {
            CommandSupport.printError("error: " + error.words.text(language))
            throw ExitCode(2)
        }
        let root = Path.nfc(siteOptions.siteRoot)
        let address = "http://\(host):\(server.port)/"
        print(
            Words(
                vi: "đang phục vụ \(root) tại \(address) (bấm Ctrl+C để dừng)",
                en: "serving \(root) at \(address) (Ctrl+C to stop)"
            ).text(language))
        while true {
            try await Task.sleep(for: .milliseconds(pollInterval))
            let now = watcher.snapshot()
            let changed = SiteWatcher.changes(from: stamps, to: now)
            guard !changed.isEmpty else { continue }
            stamps = now
            let started = Date()
            let shown = changed.prefix(3).map { Path.nfc(Path.relative($0, to: siteOptions.siteRoot) ?? $0) }
                .joined(separator: ", ")
            let more = changed.count - 3
            print(
                Words(
                    vi: "đã thay đổi: \(shown)" + (more > 0 ? " và \(more) tệp khác" : ""),
                    en: "changed: \(shown)" + (more > 0 ? " and \(more) more" : "")
                ).text(language))
            report(session.rebuild(), started: started, in: language)
        }
    }

    private func report(_ rendering: SiteBuilder.Rendering, started: Date, in language: Language) {
        CommandSupport.printDiagnostics(rendering.diagnostics, in: language)
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        let (pages, rendered) = (rendering.pageCount, rendering.renderedPageCount)
        if rendering.files != nil {
            print(
                Words(
                    vi: "đã tạo \(pages) trang" + (rendered < pages ? " (\(rendered) trang tạo lại)" : "") + " trong \(milliseconds) ms",
                    en: "built \(pages) pages" + (rendered < pages ? " (\(rendered) rendered)" : "") + " in \(milliseconds) ms"
                ).text(language))
        } else {
            let errors = rendering.diagnostics.errorCount
            print(
                Words(
                    vi: "không tạo được trang (\(errors) lỗi): vẫn phục vụ các trang tốt lần trước",
                    en: "build failed (\(errors) error(s)): still serving the last good pages"
                ).text(language))
        }
        fflush(nil)  // flush every stream: the output may be a pipe (CI, tests)
    }
}
