import ArgumentParser
import EduSite
import Foundation

/// Flags every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site's folder (the one with site.yaml).")
    var site: String = "."

    @Option(name: .long, help: "Check and build as of this date (YYYY-MM-DD) instead of today.")
    var date: String?

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    func validate() throws {
        if let date, DateTimeValue.parse(date) == nil {
            throw ValidationError("--date must look like 2025-09-05")
        }
    }

    /// The site folder as an absolute path.
    var siteRoot: String { CommandSupport.absolute(site) }

    func loadOptions(baseURL: String? = nil) -> LoadOptions {
        LoadOptions(
            buildDate: date.flatMap(DateTimeValue.parse) ?? CommandSupport.now(),
            baseURL: baseURL, themeSearchPaths: CommandSupport.themeSearchPaths(), includeDrafts: drafts)
    }
}

enum CommandSupport {
    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return Path.normalize(joined) ?? joined
    }

    /// Today, as a UTC instant (the site's timezone shows it).
    static func now() -> DateTimeValue {
        let seconds = Int64(Date().timeIntervalSince1970)
        return ContentDate(epochSeconds: seconds, utcOffset: 0).local
    }

    /// Where the bundled themes are: `$EDUSITE_THEMES`, beside an installed binary
    /// (`<prefix>/share/edusite/themes`), or the checkout a development build runs from.
    static func themeSearchPaths() -> [String] {
        bundledFolders(named: "themes", environment: "EDUSITE_THEMES")
    }

    static func bundledFolders(named name: String, environment: String) -> [String] {
        var paths: [String] = []
        if let env = ProcessInfo.processInfo.environment[environment], !env.isEmpty { paths.append(env) }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let binDir = Path.parent(absolute(executable))
        paths.append(Path.normalize(Path.join(binDir, "../share/edusite/\(name)")) ?? "")
        // A development build runs from <checkout>/.build/<triple>/<config>/edusite.
        var folder = binDir
        for _ in 0..<4 {
            folder = Path.parent(folder)
            if FileManager.default.fileExists(atPath: Path.join(folder, "Package.swift")) {
                paths.append(Path.join(folder, name))
                break
            }
        }
        return paths.filter { !$0.isEmpty }
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sortedForOutput() {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
