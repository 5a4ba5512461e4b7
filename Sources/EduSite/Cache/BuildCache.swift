/// What the last successful `edusite build` of a site left for the next one, in
/// `.edusite/cache/`: `build` (this index), `pages` (the page records), `bodies` (their HTML) and
/// `patches` (what quick rebuilds changed since, see `BuildCachePatch`).
///
/// It records every loaded page (with its file's size, time and content hash), the key of every
/// rendered page and the hash of every other written file, and the copied files' sizes and times.
/// The next build reuses the pages whose files did not change and rewrites only the files whose
/// key or bytes changed. It is a shortcut only: any doubt (another EduSite binary, another output
/// folder, a damaged file) and the build starts from nothing.
///
/// The index holds three parts, each read only by the builds that need it: the pages and what the
/// build found; the written files' keys (for an ordinary rebuild); the site paths links may point at
/// (for a quick rebuild whose page has links).
struct BuildCache: Sendable {
    static let fileName = "build"
    static let recordsFileName = "pages"
    static let bodiesFileName = "bodies"
    static let patchesFileName = "patches"

    struct PageRecord: Sendable {
        var source: String
        var stamp: PageFileStamp
        /// The page's site path, for resolving links without reading the record.
        var path: String
        /// Where its body HTML starts in its HTML file (see `BodyMarker`); nil when it cannot be
        /// replaced there.
        var bodyOffset: Int?
        /// Where its record is in the records file (decoded only when the page is reused).
        var record: Range<Int>
    }

    struct CopiedFile: Sendable, Hashable {
        var source: String
        var size: Int
        var modifiedNanoseconds: Int64
    }

    /// Ties the index, the records file and the patches together.
    var generation: UInt64 = 0
    /// The EduSite binary that wrote it: another version may render differently.
    var tool: ContentHash
    /// When the build that last checked every page's stamp started (nanoseconds since 1970): see
    /// `fileTimeIsReliable`.
    var startedAt: Int64
    var outputFolder: String
    var resolutionKey: ContentHash
    /// Everything the build read besides the files of `content/` and `static/` (`BuildInputs`).
    var inputsKey = ContentHash()
    /// The names of all files of `content/` and `static/` (`BuildInputs.fileListKey`).
    var fileListKey = ContentHash()
    /// The manifest files the compliance check read, which `inputsKey` covers.
    var manifestFiles: [String] = []
    var pages: [PageRecord]
    /// By output file: where it was copied from.
    var copies: [String: CopiedFile]
    /// Bytes of the body file that pages still point at; the rest is garbage from older builds.
    var liveBodyBytes: Int
    /// What the build reported, for a quick rebuild to report again: its findings, the compliance
    /// summary, and how many HTML pages the site has.
    var diagnostics: [Diagnostic] = []
    var complianceSummary: String?
    var pageCount = 0
    /// By output file (`tin-tuc/a/index.html`): a page's render key, or the bytes' hash. Read from
    /// the index by `readOutputs()`.
    var outputs: [String: ContentHash]
    /// Every site path a link may point at (written by a build; read by `linkTargets()`).
    var linkTargetList: [String] = []
    /// HTML files a quick rebuild changed: their key is not known, so an ordinary rebuild renders them.
    var patchedFiles: Set<String> = []
    /// The records file the records are in; nil for a cache being made.
    var records: RecordsFile?
    /// The parts of the index not yet decoded.
    private var outputsPart: [UInt8] = []
    private var linkTargetsPart: [UInt8] = []

    /// Whether most of the body file is garbage from older builds: then a build from nothing writes
    /// it anew.
    func bodyFileIsMostlyGarbage(_ bodies: BodyStore) -> Bool {
        bodies.fileSize > 2 * liveBodyBytes + (1 << 20)
    }

    /// Bytes of the records file that pages point at.
    var liveRecordBytes: Int { pages.reduce(0) { $0 + $1.record.count } }

    /// The index file, for records written to the records file of that generation.
    func index(generation: UInt64) -> [[UInt8]] {
        var main = CacheWriter(reservingCapacity: (1 << 16) + pages.count * 64)
        main.write(tool.value)
        main.write(startedAt)
        main.write(outputFolder)
        main.write(resolutionKey.value)
        main.write(inputsKey.value)
        main.write(fileListKey.value)
        main.write(manifestFiles)
        main.write(liveBodyBytes)
        main.write(pageCount)
        main.write(complianceSummary)
        main.write(diagnostics)
        main.writeCount(copies.count)
        for (path, copy) in copies.sorted(by: { FileSystem.precedesInByteOrder($0.key, $1.key) }) {
            main.write(path)
            main.write(copy.source)
            main.write(copy.size)
            main.write(copy.modifiedNanoseconds)
        }
        main.writeCount(pages.count)
        for page in pages {
            main.write(page.source)
            main.write(page.stamp)
            main.write(page.path)
            main.write(page.bodyOffset ?? -1)
            main.write(page.record)
        }
        var outputs = CacheWriter(reservingCapacity: (1 << 16) + self.outputs.count * 48)
        outputs.writeCount(self.outputs.count)
        for (path, hash) in self.outputs.sorted(by: { FileSystem.precedesInByteOrder($0.key, $1.key) }) {
            outputs.write(path)
            outputs.write(hash.value)
        }
        var links = CacheWriter(reservingCapacity: (1 << 16) + linkTargetList.count * 32)
        links.write(linkTargetList)

        var file: [[UInt8]] = [withUnsafeBytes(of: generation.littleEndian) { Array($0) }]
        for part in [main, outputs, links] {
            let pieces = part.encodedParts()
            let length = UInt64(pieces.reduce(0) { $0 + $1.count })
            file.append(withUnsafeBytes(of: length.littleEndian) { Array($0) })
            file += pieces
        }
        return file
    }

    init(
        tool: ContentHash, startedAt: Int64, outputFolder: String, resolutionKey: ContentHash, pages: [PageRecord],
        outputs: [String: ContentHash], copies: [String: CopiedFile], liveBodyBytes: Int
    ) {
        self.tool = tool
        self.startedAt = startedAt
        self.outputFolder = outputFolder
        self.resolutionKey = resolutionKey
        self.pages = pages
        self.outputs = outputs
        self.copies = copies
        self.liveBodyBytes = liveBodyBytes
    }

    /// Reads the index's first part; the page records stay in `records` until they are asked for.
    init(index: [UInt8], records: RecordsFile) throws(CacheFormatError) {
        var parts: [[UInt8]] = []
        guard index.count >= 8 else { throw .truncated(offset: 0) }
        generation = index.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }
        guard records.generation == generation else { throw .unknownFormat }
        var offset = 8
        while offset < index.count {
            guard index.count - offset >= 8 else { throw .truncated(offset: offset) }
            let length = index.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
            offset += 8
            guard length <= UInt64(index.count - offset) else { throw .truncated(offset: offset) }
            parts.append(Array(index[offset..<offset + Int(length)]))
            offset += Int(length)
        }
        guard parts.count == 3 else { throw .unknownFormat }
        self.records = records
        outputsPart = parts[1]
        linkTargetsPart = parts[2]
        outputs = [:]

        var reader = try CacheReader(bytes: parts[0])
        tool = ContentHash(value: try reader.read())
        startedAt = try reader.read()
        outputFolder = try reader.read()
        resolutionKey = ContentHash(value: try reader.read())
        inputsKey = ContentHash(value: try reader.read())
        fileListKey = ContentHash(value: try reader.read())
        manifestFiles = try reader.read()
        liveBodyBytes = try reader.read()
        pageCount = try reader.read()
        complianceSummary = try reader.read()
        diagnostics = try reader.read()
        let copyCount = try reader.readCount()
        copies = Dictionary(minimumCapacity: copyCount)
        for _ in 0..<copyCount {
            let path: String = try reader.read()
            copies[path] = CopiedFile(source: try reader.read(), size: try reader.read(), modifiedNanoseconds: try reader.read())
        }
        let pageCount = try reader.readCount()
        pages = []
        pages.reserveCapacity(pageCount)
        for _ in 0..<pageCount {
            let source: String = try reader.read()
            let stamp: PageFileStamp = try reader.read()
            let path: String = try reader.read()
            let bodyOffset: Int = try reader.read()
            let record: Range<Int> = try reader.read()
            guard record.upperBound <= records.byteCount else { throw .truncated(offset: reader.offset) }
            pages.append(
                PageRecord(
                    source: source, stamp: stamp, path: path, bodyOffset: bodyOffset < 0 ? nil : bodyOffset, record: record))
        }
        try reader.finish()
    }

    /// Decodes the written files' keys (an ordinary rebuild needs them; a quick one does not).
    mutating func readOutputs() throws(CacheFormatError) {
        var reader = try CacheReader(bytes: outputsPart)
        let count = try reader.readCount()
        outputs = Dictionary(minimumCapacity: count)
        for _ in 0..<count {
            let path: String = try reader.read()
            outputs[path] = ContentHash(value: try reader.read())
        }
        try reader.finish()
        // A key no render gives: these files are rendered again.
        for file in patchedFiles { outputs[file] = ContentHash() }
        outputsPart = []
    }

    /// Every site path a link may point at.
    func linkTargets() throws(CacheFormatError) -> Set<String> {
        if linkTargetsPart.isEmpty { return Set(linkTargetList) }
        var reader = try CacheReader(bytes: linkTargetsPart)
        let list: [String] = try reader.read()
        try reader.finish()
        return Set(list)
    }

    /// Whether a file time recorded by that build tells a later change apart (see `startedAt`).
    func isReliable(_ modifiedNanoseconds: Int64) -> Bool { fileTimeIsReliable(modifiedNanoseconds, buildStart: startedAt) }

    /// A kept page, decoded; nil when its record is unreadable.
    func page(_ page: PageRecord, bodies: BodyStore) -> Page? {
        records?.bytes(page.record).flatMap { PageRecordCoding.decode($0, bodies: bodies) }
    }

    /// The pages for the loader to take, decoded only when asked for.
    func pageReuse(bodies: BodyStore) -> PageReuse {
        var entries: [String: PageReuse.Entry] = [:]
        entries.reserveCapacity(pages.count)
        let cache = self
        for page in pages {
            entries[page.source] = PageReuse.Entry(
                stamp: page.stamp, stampIsReliable: isReliable(page.stamp.modifiedNanoseconds),
                page: { cache.page(page, bodies: bodies) })
        }
        return PageReuse(entries: entries, resolutionKey: resolutionKey)
    }
}

/// One page alone, as the build cache keeps it.
enum PageRecordCoding {
    static func encode(_ page: Page) -> [UInt8] {
        var writer = CacheWriter(reservingCapacity: 2048)
        writer.write(page)
        return writer.encoded()
    }

    static func decode(_ bytes: [UInt8], bodies: BodyStore) -> Page? {
        do throws(CacheFormatError) {
            var reader = try CacheReader(bytes: bytes, bodies: bodies)
            let page: Page = try reader.read()
            try reader.finish()
            return page
        } catch {
            return nil
        }
    }
}
