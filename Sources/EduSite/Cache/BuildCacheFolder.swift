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
    /// What this build found damaged in the cache; shared by the cache, its records and its bodies.
    let damage = CacheDamageLog()

    init(siteRoot: String, fileSystem: FileSystem) {
        self.path = Path.join(siteRoot, ".edusite", "cache")
        self.fileSystem = fileSystem
    }

    var cacheFile: String { Path.join(path, BuildCache.fileName) }
    var recordsFile: String { Path.join(path, BuildCache.recordsFileName) }
    var patchesFile: String { Path.join(path, BuildCache.patchesFileName) }

    /// The previous build's cache, with the quick rebuilds since applied, when it was written by this
    /// EduSite into this output folder and the folder is still EduSite's; nil otherwise (then
    /// everything is built). Damage is noted in `damage`, and then it is nil too.
    func previous(output: String) -> BuildCache? {
        do throws(CacheDamage) {
            return try read(output: output)
        } catch {
            damage.note(error)
            return nil
        }
    }

    /// nil when there is no cache to use, which is no damage: none was kept (or a build from nothing
    /// removed its index), another EduSite or output folder, a save or a quick rebuild cut short.
    private func read(output: String) throws(CacheDamage) -> BuildCache? {
        guard fileSystem.fileExists(cacheFile) else { return nil }
        let index: [UInt8]
        do throws(FileSystemError) {
            index = try fileSystem.readFile(cacheFile)
        } catch {
            throw CacheDamage(BuildCache.fileName, "unreadable")
        }
        if BuildCache.isOfAnotherVersion(index) { return nil }
        let records = try RecordsFile(path: recordsFile, damage: damage)
        var cache: BuildCache
        do throws(CacheFormatError) {
            cache = try BuildCache(index: index, records: records)
        } catch .staleRecords {
            return nil
        } catch {
            throw CacheDamage(BuildCache.fileName, error)
        }
        guard cache.tool == Self.tool, cache.outputFolder == output else { return nil }
        if fileSystem.fileExists(patchesFile) {
            do throws(CacheFormatError) {
                guard let bytes = try? fileSystem.readFile(patchesFile) else { throw .truncated(offset: 0) }
                try cache.apply(try BuildCachePatch.read(bytes))
            } catch .rebuildCutShort {
                return nil
            } catch {
                throw CacheDamage(BuildCache.patchesFileName, error)
            }
        }
        // Records are only ever appended after a begin mark, so a lost patches file shows here.
        guard records.byteCount == cache.recordsEnd else {
            throw CacheDamage(BuildCache.recordsFileName, "\(records.byteCount) bytes where the index names \(cache.recordsEnd)")
        }
        // Longer is no damage: a build may have put bodies and stopped before its cache was saved.
        let bodyFileSize = fileSystem.itemInfo(bodiesFile)?.size ?? -1
        guard bodyFileSize >= cache.bodyFileEnd else {
            throw CacheDamage(
                BuildCache.bodiesFileName,
                bodyFileSize < 0 ? "missing" : "cut short: \(bodyFileSize) bytes where the pages need \(cache.bodyFileEnd)")
        }
        cache.damage = damage
        return cache
    }

    /// Moves the cache to `.edusite/cache-damaged/` (replacing an older damaged copy, so at most one
    /// is kept, for whoever wants to look); returns that folder relative to the site, nil when the
    /// move failed (then what could be removed of the cache was).
    func setAside() -> String? {
        try? fileSystem.removeItem(damagedPath)
        do throws(FileSystemError) {
            try fileSystem.moveItem(path, damagedPath)
            return ".edusite/cache-damaged"
        } catch {
            try? fileSystem.removeItem(path)
            return nil
        }
    }

    var damagedPath: String { path + "-damaged" }
    var bodiesFile: String { Path.join(path, BuildCache.bodiesFileName) }

    /// The body file: emptied for a build from nothing, appended to for a build that reuses pages.
    func openBodies(reset: Bool) -> BodyStore? {
        try? fileSystem.createDirectory(path)
        return try? BodyStore(file: bodiesFile, reset: reset, damage: damage)
    }

    /// Starts the records file of a new cache, under another name until `save(_:records:)`.
    func startRecords() -> RecordsWriter? {
        try? fileSystem.createDirectory(path)
        return try? RecordsWriter(path: recordsFile + ".tmp", generation: UInt64(bitPattern: Self.now()))
    }

    /// Saves a cache whose records `records` holds: the index is written under another name, then
    /// both are renamed, the index last.
    func save(_ cache: BuildCache, records: RecordsWriter) {
        let temporaryIndex = cacheFile + ".tmp"
        do throws(FileSystemError) {
            guard records.close() else { throw FileSystemError(path: records.path, reason: .other(EIO), operation: "write") }
            var cache = cache
            cache.recordsEnd = records.byteCount
            try Self.write(cache.index(generation: records.generation), to: temporaryIndex)
            if fileSystem.fileExists(patchesFile) { try fileSystem.removeItem(patchesFile) }
            try fileSystem.moveItem(records.path, recordsFile)
            try fileSystem.moveItem(temporaryIndex, cacheFile)
        } catch {
            // Only a shortcut: without it the next build starts from nothing.
            try? fileSystem.removeItem(temporaryIndex)
            try? fileSystem.removeItem(records.path)
            invalidate()
        }
    }

    /// A cache's records file not to be saved.
    func discard(_ records: RecordsWriter) {
        _ = records.close()
        try? fileSystem.removeItem(records.path)
    }

    /// Before a quick rebuild changes the output: until its patch follows, the cache does not read.
    func beginPatch() throws(FileSystemError) {
        let sink = try FileSink(path: patchesFile, appending: true)
        defer { sink.close() }
        try sink.append([BuildCachePatch.beginMark])
    }

    /// Appends page records to the records file, which ends at `end`; returns where each went.
    func appendRecords(_ records: [[UInt8]], end: Int) throws(FileSystemError) -> [Range<Int>] {
        let writer = try RecordsWriter(appendingTo: recordsFile, end: end)
        let ranges = writer.append(contentsOf: records)
        guard writer.close() else { throw FileSystemError(path: recordsFile, reason: .other(EIO), operation: "write") }
        return ranges
    }

    /// After a quick rebuild changed the output.
    func commitPatch(_ patch: BuildCachePatch) throws(FileSystemError) {
        let sink = try FileSink(path: patchesFile, appending: true)
        defer { sink.close() }
        try sink.append(patch.encoded())
    }

    /// Bytes of quick rebuilds' patches; past a limit an ordinary rebuild writes a new index.
    var patchesByteCount: Int { fileSystem.itemInfo(patchesFile)?.size ?? 0 }

    /// Before the output is changed in place: should that be cut short, the next build starts from nothing.
    func invalidate() {
        try? fileSystem.removeItem(cacheFile)
        try? fileSystem.removeItem(patchesFile)
    }

    /// Writes the parts one after the other (the cache is written to the real disk, like the body file).
    private static func write(_ parts: [[UInt8]], to path: String) throws(FileSystemError) {
        let sink = try FileSink(path: path)
        defer { sink.close() }
        for part in parts { try sink.append(part) }
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

/// The records file of a cache being made: records are appended as they are encoded, and each one's
/// place is returned. A failed write is remembered, and the cache is then not saved.
final class RecordsWriter: @unchecked Sendable {
    // `@unchecked`: used by one thread at a time (the build appends between its parallel steps).
    let path: String
    /// The generation it starts with (0 when appending to an existing file, whose generation stays).
    let generation: UInt64
    private let sink: FileSink
    private var end: Int
    private var failed = false

    /// A new records file.
    init(path: String, generation: UInt64) throws(FileSystemError) {
        self.path = path
        self.generation = generation
        sink = try FileSink(path: path)
        end = RecordsFile.headerSize
        try sink.append(
            [generation, RecordsFile.checksum(ofGeneration: generation)].flatMap { number in
                withUnsafeBytes(of: number.littleEndian) { Array($0) }
            })
    }

    /// More records at the end of an existing file, `end` bytes long (a quick rebuild's).
    init(appendingTo path: String, end: Int) throws(FileSystemError) {
        self.path = path
        self.generation = 0
        sink = try FileSink(path: path, appending: true)
        self.end = end
    }

    /// Bytes in the file: where the next record goes.
    var byteCount: Int { end }

    func append(_ record: [UInt8]) -> Range<Int> {
        append(contentsOf: [record])[0]
    }

    func append(contentsOf records: [[UInt8]]) -> [Range<Int>] {
        append(contentsOf: records.map { ($0, ContentHash.of($0)) })
    }

    /// Appends records, each followed by its checksum (the hash of its bytes, which the caller often
    /// has already), with one write; returns where each went, checksum included.
    func append(contentsOf records: [(bytes: [UInt8], checksum: ContentHash)]) -> [Range<Int>] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(records.reduce(0) { $0 + $1.bytes.count + 8 })
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(records.count)
        for (record, checksum) in records {
            ranges.append(end + buffer.count..<end + buffer.count + record.count + 8)
            buffer += record
            withUnsafeBytes(of: checksum.value.littleEndian) { buffer += $0 }
        }
        do throws(FileSystemError) {
            try sink.append(buffer)
        } catch {
            failed = true
        }
        end += buffer.count
        return ranges
    }

    /// Closes the file; false when a write failed.
    func close() -> Bool {
        sink.close()
        return !failed
    }
}

/// A file written from the start, a piece at a time.
final class FileSink {
    private let path: String
    private var descriptor: Int32

    init(path: String, appending: Bool = false) throws(FileSystemError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (appending ? O_APPEND : O_TRUNC), 0o644)
        guard descriptor >= 0 else { throw LiveDisk.error(path, "write") }
    }

    func append(_ bytes: [UInt8]) throws(FileSystemError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw LiveDisk.error(path, "write") }
            written += count
        }
    }

    func close() {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }

    deinit { close() }
}
