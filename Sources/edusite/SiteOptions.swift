import ArgumentParser
import EduSite
import Foundation

extension Language: ExpressibleByArgument {}

/// Flags every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The site's folder (the one with site.yaml).")
    var site: String = "."

    @Option(name: .long, help: "Check and build as of this date (YYYY-MM-DD) instead of today.")
    var date: String?

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Option(
        name: .long,
        help: "Language of the messages: vi or en (default: $EDUSITE_LANG, else LC_ALL/LC_MESSAGES/LANG, else vi).")
    var lang: Language?

    /// The language every message of this run is written in.
    var language: Language { Language.resolve(flag: lang, environment: ProcessInfo.processInfo.environment) }

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
            baseURL: baseURL, themeSearchPaths: CommandSupport.themeSearchPaths(),
            manifestSearchPaths: CommandSupport.manifestSearchPaths(), includeDrafts: drafts)
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

    /// Where the bundled themes are: beside an installed binary (`<prefix>/share/edusite/themes`),
    /// `$EDUSITE_THEMES`, or the source tree when run from a checkout.
    static func themeSearchPaths() -> [String] { bundledSearchPaths(folder: "themes", environment: "EDUSITE_THEMES") }

    /// Where the bundled manifests are, found like the themes: `$EDUSITE_MANIFESTS`,
    /// `<prefix>/share/edusite/manifests`, or the checkout's `manifests/`.
    static func manifestSearchPaths() -> [String] {
        bundledSearchPaths(folder: "manifests", environment: "EDUSITE_MANIFESTS")
    }

    static func bundledSearchPaths(folder: String, environment: String) -> [String] {
        var paths: [String] = []
        if let env = ProcessInfo.processInfo.environment[environment], !env.isEmpty { paths.append(env) }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let binDir = Path.parent(absolute(executable))
        paths.append(Path.normalize(Path.join(binDir, "../share/edusite/\(folder)")) ?? "")
        // A development build runs from <checkout>/.build/<triple>/<config>/edusite.
        var parent = binDir
        for _ in 0..<4 {
            parent = Path.parent(parent)
            if FileManager.default.fileExists(atPath: Path.join(parent, "Package.swift")) {
                paths.append(Path.join(parent, folder))
                break
            }
        }
        return paths.filter { !$0.isEmpty }
    }

    /// What makes paths of the site relative to the current folder (`example-site/` when the site
    /// was named so): GitHub annotations resolve `file=` against the repository.
    static func displayPrefix(_ site: String) -> String {
        guard !site.hasPrefix("/"), let normal = Path.normalize(site), normal != ".", !normal.isEmpty else { return "" }
        return normal.hasSuffix("/") ? normal : normal + "/"
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], in language: Language) {
        for line in DiagnosticText.format(diagnostics, in: language) {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
