import Foundation

@testable import EduSite

/// The golden site, copied to a temporary folder on disk (the cache keeps its files on the real disk)
/// with one long post whose text a quick rebuild can put in place, for tests that damage the cache.
final class CacheDamageSite {
    let root: String
    let site: String
    let output: String
    let fileSystem = FileSystem.live
    var cacheFolder: String { site + "/.edusite/cache" }

    /// The long post: its text can change without changing what other pages show of it.
    static let longPost = "content/tin-tuc/bai-dai.md"
    static let longPostText: String = {
        let paragraph = "Học sinh tham gia nhiều hoạt động ngoại khóa bổ ích trong tuần, "
            + "cùng thầy cô và phụ huynh. "
        return "---\ntitle: Bài viết dài\ndate: 2026-10-20\nsummary: Một bài viết dài.\ntags: [Sự kiện]\n---\n"
            + (1...12).map { "Đoạn \($0). " + String(repeating: paragraph, count: 3) }.joined(separator: "\n\n") + "\n"
    }()
    /// Rewritten with the same bytes by `touch`: a quick rebuild then appends a patch.
    static let touchedPost = "content/thong-bao/hop-phu-huynh.md"

    init() throws {
        root = NSTemporaryDirectory() + "edusite-cache-damage-\(UUID().uuidString)"
        site = root + "/site"
        output = root + "/public"
        for (path, bytes) in GoldenSiteTests.siteFiles { try fileSystem.writeFile(site + "/" + path, bytes) }
        try write(Self.longPost, Self.longPostText)
    }

    /// Built with the cache, then rebuilt quickly after a touch, so that every cache file exists.
    static func primed() throws -> CacheDamageSite {
        let site = try CacheDamageSite()
        let first = site.build()
        guard first.succeeded else { throw CacheDamageSiteError.cleanBuildFailed(first.diagnostics) }
        try site.touch(touchedPost)
        guard site.build().quick else { throw CacheDamageSiteError.notQuick }
        return site
    }

    func remove() { try? fileSystem.removeItem(root) }

    private func request(output: String) -> SiteBuilder.Request {
        SiteBuilder.Request(
            siteRoot: site, output: output,
            options: LoadOptions(buildDate: BuildPipelineTests.buildDate, themeSearchPaths: [ExampleSite.repository + "/themes"]),
            compliance: .off)
    }

    /// `edusite build` with the cache, into `output`.
    func build(fileSystem: FileSystem = .live) -> SiteBuilder.Report {
        SiteBuilder(fileSystem: fileSystem, usesCache: true).build(request(output: output))
    }

    /// Every file of a build from nothing, without the cache, of the site as it is now.
    func cleanBuild() throws -> [String: [UInt8]] {
        let folder = root + "/clean-\(UUID().uuidString)"
        defer { try? fileSystem.removeItem(folder) }
        let report = SiteBuilder(usesCache: false).build(request(output: folder))
        guard report.succeeded else { throw CacheDamageSiteError.cleanBuildFailed(report.diagnostics) }
        return try files(in: folder)
    }

    /// The output, file by file.
    func outputFiles() throws -> [String: [UInt8]] { try files(in: output) }

    private func files(in folder: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for path in try fileSystem.walkFiles(folder) { files[path] = try fileSystem.readFile(folder + "/" + path) }
        return files
    }

    /// The files that differ from `expected` (or are in only one of the two).
    func differences(from expected: [String: [UInt8]]) throws -> [String] {
        let actual = try outputFiles()
        return Set(actual.keys).union(expected.keys).filter { actual[$0] != expected[$0] }.sorted()
    }

    func read(_ file: String) throws -> String { String(decoding: try fileSystem.readFile(site + "/" + file), as: UTF8.self) }
    func write(_ file: String, _ text: String) throws { try fileSystem.writeFile(site + "/" + file, Array(text.utf8)) }
    func touch(_ file: String) throws { try write(file, try read(file)) }

    /// Changes the bytes of one file of the cache.
    func damage(_ file: CacheFile, _ change: (inout [UInt8]) -> Void) throws {
        let path = cacheFolder + "/" + file.rawValue
        var bytes = try fileSystem.readFile(path)
        change(&bytes)
        try fileSystem.writeFile(path, bytes)
    }

    /// The cache's files by name (`build`, `pages`, `bodies`, `patches`), as they are now.
    func cacheFiles() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in CacheFile.allCases.map(\.rawValue) where fileSystem.fileExists(cacheFolder + "/" + name) {
            files[name] = try fileSystem.readFile(cacheFolder + "/" + name)
        }
        return files
    }

    /// Puts the cache back as `files` were, and nothing else in its folder.
    func restoreCache(_ files: [String: [UInt8]]) throws {
        try fileSystem.removeItem(cacheFolder)
        for (name, bytes) in files { try fileSystem.writeFile(cacheFolder + "/" + name, bytes) }
    }
}

enum CacheFile: String, CaseIterable, Sendable {
    case index = "build", pages, bodies, patches
}

enum CacheDamageSiteError: Error {
    case cleanBuildFailed([Diagnostic])
    case notQuick
}

/// One way of damaging a cache file.
enum CacheMutation: Sendable, CustomStringConvertible {
    /// The byte at the offset XORed with the mask (never 0).
    case flip(offset: Int, mask: UInt8)
    case truncate(length: Int)
    case appendGarbage([UInt8])
    case delete

    /// The file's new bytes; nil to delete it.
    func apply(to bytes: [UInt8]) -> [UInt8]? {
        switch self {
        case .flip(let offset, let mask):
            var damaged = bytes
            damaged[offset] ^= mask
            return damaged
        case .truncate(let length): return Array(bytes.prefix(length))
        case .appendGarbage(let garbage): return bytes + garbage
        case .delete: return nil
        }
    }

    var description: String {
        switch self {
        case .flip(let offset, let mask): "flip byte \(offset) ^ \(mask)"
        case .truncate(let length): "truncate to \(length)"
        case .appendGarbage(let garbage): "append \(garbage.count) bytes"
        case .delete: "delete"
        }
    }

    /// `flips` bytes at seeded random offsets, truncations at `truncations` lengths spread over the
    /// file (and to nothing, and one byte short), garbage appended, the file deleted.
    static func hunt(fileSize: Int, flips: Int, truncations: Int, random: inout SplitMix64) -> [CacheMutation] {
        guard fileSize > 0 else { return [.appendGarbage([1, 2, 3]), .delete] }
        var mutations: [CacheMutation] = (0..<flips).map { _ in
            .flip(offset: random.below(fileSize), mask: UInt8(1 + random.below(255)))
        }
        let lengths = Set([0, fileSize - 1] + (1..<max(2, truncations - 1)).map { $0 * fileSize / max(2, truncations - 1) })
        mutations += lengths.sorted().filter { $0 < fileSize }.map { .truncate(length: $0) }
        mutations.append(.appendGarbage((0..<(1 + random.below(64))).map { _ in UInt8(random.below(256)) }))
        mutations.append(.delete)
        return mutations
    }
}

extension EnvironmentFlag {
    /// `EDUSITE_LONG_HUNT=1`: the cache damage hunt tries 200 flips and 60 cuts per file instead of 12 and 6.
    static var longHunt: Bool { ProcessInfo.processInfo.environment["EDUSITE_LONG_HUNT"] == "1" }
}
