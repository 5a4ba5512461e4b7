#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The site's `.edusite/cache/` folder: reads the previous build's `BuildCache`, keeps this one's.
struct BuildCacheFolder: Sendable {
    let path: String
    let fileSystem: FileSystem

    init(siteRoot: String, fileSystem: FileSystem) {
        self.path = Path.join(siteRoot, ".edusite", "cache")
        self.fileSystem = fileSystem
    }

    var cacheFile: String { Path.join(path, BuildCache.fileName) }

    /// The previous build's cache, when it was written by this EduSite into this output folder and
    /// the folder is still EduSite's; nil otherwise (then everything is built).
    func previous(output: String) -> BuildCache? {
        guard fileSystem.fileExists(Path.join(output, OutputWriter.markerFile)),
            let bytes = try? fileSystem.readFile(cacheFile),
            let cache = try? BuildCache(decoding: bytes),
            cache.tool == Self.tool, cache.outputFolder == output
        else { return nil }
        return cache
    }

    /// The body file: emptied for a build from nothing, appended to for a build that reuses pages.
    func openBodies(reset: Bool) -> BodyStore? {
        try? fileSystem.createDirectory(path)
        return try? BodyStore(file: Path.join(path, BuildCache.bodiesFileName), reset: reset)
    }

    /// Written whole under another name, then renamed: a reader sees the old cache or the new one.
    func save(_ cache: BuildCache) {
        let temporary = cacheFile + ".tmp"
        do throws(FileSystemError) {
            try fileSystem.createDirectory(path)
            try fileSystem.writeFile(temporary, cache.encoded())
            try fileSystem.moveItem(temporary, cacheFile)
        } catch {
            // Only a shortcut: without it the next build starts from nothing.
            try? fileSystem.removeItem(temporary)
            invalidate()
        }
    }

    /// Before the output is changed in place: should that be cut short, the next build starts from nothing.
    func invalidate() {
        try? fileSystem.removeItem(cacheFile)
    }

    /// The wall clock, in the unit of file times.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Identifies the running EduSite binary by its size and time: another build of EduSite may
    /// render the same content differently, so its cache is not used.
    static let tool: ContentHash = {
        var hash = ContentHash.of("edusite-build-cache-\(CacheWriter.formatVersion)")
        if let info = FileSystem.live.itemInfo("/proc/self/exe") {
            hash.combine(info.size)
            hash.combine(UInt64(bitPattern: info.modifiedNanoseconds))
        }
        return hash
    }()
}
