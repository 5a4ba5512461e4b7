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
        let session = ServeSession(siteRoot: siteOptions.siteRoot, options: siteOptions.loadOptions())
        let watcher = SiteWatcher(
            roots: SiteWatcher.roots(siteRoot: siteOptions.siteRoot, themeFolders: CommandSupport.themeSearchPaths()),
            siteRoot: siteOptions.siteRoot)
        var stamps = watcher.snapshot()
        let firstBuild = Date()
        report(session.rebuild(), started: firstBuild)
        let server: HTTPServer
        do {
            server = try HTTPServer(host: host, port: port) { session.respond(to: $0) }
        } catch {
            CommandSupport.printError("error: \(error)")
            throw ExitCode(2)
        }
        print("serving \(siteOptions.siteRoot) at http://\(host):\(server.port)/ (Ctrl+C to stop)")
        while true {
            try await Task.sleep(for: .milliseconds(pollInterval))
            let now = watcher.snapshot()
            let changed = SiteWatcher.changes(from: stamps, to: now)
            guard !changed.isEmpty else { continue }
            stamps = now
            let started = Date()
            print("changed: " + changed.prefix(3).map { Path.relative($0, to: siteOptions.siteRoot) ?? $0 }.joined(separator: ", ")
                + (changed.count > 3 ? " and \(changed.count - 3) more" : ""))
            report(session.rebuild(), started: started)
        }
    }

    private func report(_ rendering: SiteBuilder.Rendering, started: Date) {
        CommandSupport.printDiagnostics(rendering.diagnostics)
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        if rendering.files != nil {
            let rendered = rendering.renderedPageCount < rendering.pageCount ? " (\(rendering.renderedPageCount) rendered)" : ""
            print("built \(rendering.pageCount) pages\(rendered) in \(milliseconds) ms")
        } else {
            print("build failed (\(rendering.diagnostics.errorCount) error(s)): still serving the last good pages")
        }
        fflush(nil)  // flush every stream: the output may be a pipe (CI, tests)
    }
}
