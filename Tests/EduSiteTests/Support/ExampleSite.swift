@testable import EduSite

/// The repository's example site, read once from disk and mounted at `/site` in memory with the
/// default theme (`/themes/default`) and the bundled manifests (`/manifests`), so that a test
/// can change one thing and check the result.
struct ExampleSite {
    var files: [String: [UInt8]]

    static let checkDate = DateTimeValue(year: 2026, month: 11, day: 25, hour: 3, offsetSeconds: 0)
    static let manifestSearchPaths = ["/manifests"]

    init() { files = Self.siteFiles.merging(Self.feedSnapshots) { _, snapshot in snapshot } }

    /// Another site of the repository (a fixture folder), as it is on disk, with the parent-office
    /// feeds it keeps (`.edusite/feeds/`, hidden from `readTree`).
    init(folder: String) {
        files = Self.readTree(folder, mountedAt: "/site")
            .merging(Self.readTree(folder + "/.edusite/feeds", mountedAt: "/site/.edusite/feeds")) { _, kept in kept }
    }

    /// A fresh kept copy of each parent-office feed the example site lists, as `edusite feeds` would
    /// leave it: the feeds' own tests are elsewhere, these keep the feed warnings out of the way.
    static let feedSnapshots: [String: [UInt8]] = {
        let fetched = SiteTimeZone.utc.date(checkDate)
        var files: [String: [UInt8]] = [:]
        for id in ["tin-tuc", "thong-bao", "van-ban", "thu-moi"] {
            let snapshot = UpstreamFeedSnapshot(
                feedID: id, url: "https://hcm.edu.vn/rss/\(id).rss", title: "Sở GD&ĐT TP.HCM",
                items: [UpstreamItem(title: "Tin \(id)", link: "https://hcm.edu.vn/\(id)/1", date: fetched, summary: nil)],
                fetchedAt: fetched, checkedAt: fetched, etag: nil, lastModified: nil, lastError: nil)
            files["/site/.edusite/feeds/\(id).json"] = UpstreamFeedCache.encode(snapshot)
        }
        return files
    }()

    static let repository = Path.normalize(Path.join(Path.parent(#filePath), "../../.."))!

    static func readTree(_ folder: String, mountedAt mount: String) -> [String: [UInt8]] {
        let root = Path.join(repository, folder)
        var files: [String: [UInt8]] = [:]
        let live = FileSystem.live
        for relative in (try? live.walkFiles(root)) ?? [] where !relative.hasPrefix("public/") {
            files[Path.join(mount, relative)] = try? live.readFile(Path.join(root, relative))
        }
        return files
    }

    static let siteFiles = readTree("example-site", mountedAt: "/site")
    static let bundledManifests = readTree("manifests", mountedAt: "/manifests")

    // MARK: Changes

    mutating func remove(_ path: String) {
        precondition(files.removeValue(forKey: "/site/" + path) != nil, "no \(path) in the example site")
    }

    /// Removes every file under a folder of the site.
    mutating func removeFolder(_ folder: String) {
        let prefix = "/site/" + folder
        let before = files.count
        files = files.filter { !$0.key.hasPrefix(prefix) }
        precondition(files.count < before, "nothing under \(folder)")
    }

    mutating func write(_ path: String, _ text: String) { files["/site/" + path] = Array(text.utf8) }

    func text(_ path: String) -> String { String(decoding: files["/site/" + path]!, as: UTF8.self) }

    /// Replaces text in a file of the site; the text must be there.
    mutating func replace(_ path: String, _ old: String, with new: String) {
        let current = text(path)
        precondition(current.contains(old), "`\(old)` is not in \(path)")
        write(path, current.replacingAll(old, with: new))
    }

    // MARK: Running

    func fileSystem() -> (FileSystem, MemoryTree) {
        var all = files
        for (path, bytes) in Fixture.defaultTheme { all[path] = bytes }
        for (path, bytes) in Self.bundledManifests { all[path] = bytes }
        let tree = MemoryTree(files: all)
        return (.memory(tree), tree)
    }

    func options(date: DateTimeValue = checkDate) -> LoadOptions {
        LoadOptions(buildDate: date, themeSearchPaths: Fixture.themeSearchPaths, manifestSearchPaths: Self.manifestSearchPaths)
    }

    func check(date: DateTimeValue = checkDate) -> SiteBuilder.CheckOutcome {
        SiteBuilder(fileSystem: fileSystem().0).check(siteRoot: "/site", options: options(date: date))
    }

    func build(mode: SiteBuilder.ComplianceMode = .enforce, date: DateTimeValue = checkDate) -> (SiteBuilder.Report, MemoryTree) {
        let (fileSystem, tree) = self.fileSystem()
        let request = SiteBuilder.Request(siteRoot: "/site", options: options(date: date), compliance: mode)
        return (SiteBuilder(fileSystem: fileSystem).build(request), tree)
    }
}

/// A finding as tests compare it: code, severity, rule and place.
struct Finding: Hashable, CustomStringConvertible {
    var code: DiagnosticCode
    var severity: Diagnostic.Severity
    var rule: String?
    var location: String

    init(_ code: DiagnosticCode, _ rule: String?, _ location: String) {
        self.init(code, .error, rule, location)
    }

    init(_ code: DiagnosticCode, _ severity: Diagnostic.Severity, _ rule: String?, _ location: String) {
        self.code = code
        self.severity = severity
        self.rule = rule
        self.location = location
    }

    init(_ diagnostic: Diagnostic) {
        self.init(diagnostic.code, diagnostic.severity, diagnostic.rule, diagnostic.location?.description ?? "")
    }

    var description: String { "\(location) \(severity) \(code) \(rule ?? "-")" }
}
