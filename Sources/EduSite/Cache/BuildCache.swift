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
/// (for a quick rebuild whose page has links). Each part has its own checksum, checked when it is
/// decoded, as each page record and each body is (`RecordsFile`, `BodyStore`): a build reads only
/// what it uses, and whatever it reads is checked first.
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
    var complianceSummary: Words?
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
    /// Where the records file ends: it is only appended to, by quick rebuilds, whose patches say so.
    var recordsEnd = 0
    /// Where the last body that a page points at ends in the body file.
    var bodyFileEnd = 0
    /// Where damage found in a record or a part is noted (`BuildCacheFolder.damage`).
    var damage: CacheDamageLog?
    /// The parts of the index not yet decoded, with their checksums.
    private var outputsPart: [UInt8] = []
    private var linkTargetsPart: [UInt8] = []
    private var outputsChecksum: UInt64 = 0
    private var linkTargetsChecksum: UInt64 = 0

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
        main.write(recordsEnd)
        main.write(bodyFileEnd)
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

        var file: [[UInt8]] = [CacheWriter.header + Self.littleEndian(generation)]
        for (number, part) in [main, outputs, links].enumerated() {
            let pieces = part.encodedParts()
            var checksum = Self.partChecksum(generation: generation, number: number)
            for piece in pieces { checksum.combine(piece) }
            let length = UInt64(pieces.reduce(0) { $0 + $1.count })
            file.append(Self.littleEndian(length) + Self.littleEndian(checksum.value))
            file += pieces
        }
        return file
    }

    private static func littleEndian(_ number: UInt64) -> [UInt8] { withUnsafeBytes(of: number.littleEndian) { Array($0) } }

    /// Covers the generation, so that a changed generation cannot pair the index with other records.
    private static func partChecksum(generation: UInt64, number: Int) -> PieceChecksum {
        var hash = ContentHash.of("edusite-index")
        hash.combine(generation)
        hash.combine(number)
        return PieceChecksum(hash)
    }

    /// The index's generation and parts, each with its checksum; only the first part's is checked
    /// here, the others' when they are decoded. `anyVersion`: the header may name another version.
    private static func parts(
        of index: [UInt8], anyVersion: Bool = false
    ) throws(CacheFormatError) -> (generation: UInt64, parts: [(bytes: [UInt8], checksum: UInt64)]) {
        let header = CacheWriter.header.count
        guard index.count >= header + 8 else { throw .truncated(offset: index.count) }
        guard index.starts(with: anyVersion ? CacheWriter.header.dropLast() : CacheWriter.header[...]) else {
            throw .unknownFormat
        }
        let generation = index.littleEndianNumber(at: header)
        var parts: [(bytes: [UInt8], checksum: UInt64)] = []
        var offset = header + 8
        while offset < index.count {
            guard index.count - offset >= 16, parts.count < 3 else { throw .truncated(offset: offset) }
            let length = index.littleEndianNumber(at: offset)
            let checksum = index.littleEndianNumber(at: offset + 8)
            offset += 16
            guard length <= UInt64(index.count - offset) else { throw .truncated(offset: offset) }
            parts.append((Array(index[offset..<offset + Int(length)]), checksum))
            offset += Int(length)
        }
        guard parts.count == 3 else { throw .truncated(offset: index.count) }
        try verify(parts[0], generation: generation, number: 0)
        return (generation, parts)
    }

    private static func verify(
        _ part: (bytes: [UInt8], checksum: UInt64), generation: UInt64, number: Int
    ) throws(CacheFormatError) {
        var checksum = partChecksum(generation: generation, number: number)
        checksum.combine(part.bytes)
        guard checksum.value == part.checksum else { throw .checksumMismatch(offset: number) }
    }

    /// Written by another version of EduSite, which it is no damage to find (after an update): its
    /// header names another version, and the rest does not read as this version's (else the version
    /// byte itself is damaged).
    static func isOfAnotherVersion(_ index: [UInt8]) -> Bool {
        let magic = CacheWriter.header.dropLast()
        // Format 2 began with the generation and the first part's length, then that part's header.
        if index.count >= 20, index[16..<19].elementsEqual(magic), index[19] < CacheWriter.formatVersion { return true }
        guard index.count > magic.count, index.starts(with: magic), index[magic.count] != CacheWriter.formatVersion else {
            return false
        }
        return (try? parts(of: index, anyVersion: true)) == nil
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
        let (generation, parts) = try Self.parts(of: index)
        self.generation = generation
        guard records.generation == generation else { throw .staleRecords }
        self.records = records
        outputsPart = parts[1].bytes
        outputsChecksum = parts[1].checksum
        linkTargetsPart = parts[2].bytes
        linkTargetsChecksum = parts[2].checksum
        outputs = [:]

        var reader = try CacheReader(bytes: parts[0].bytes)
        tool = ContentHash(value: try reader.read())
        startedAt = try reader.read()
        outputFolder = try reader.read()
        resolutionKey = ContentHash(value: try reader.read())
        inputsKey = ContentHash(value: try reader.read())
        fileListKey = ContentHash(value: try reader.read())
        manifestFiles = try reader.read()
        liveBodyBytes = try reader.read()
        recordsEnd = try reader.read()
        bodyFileEnd = try reader.read()
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

    /// Decodes the written files' keys (an ordinary rebuild needs them; a quick one does not); false
    /// when that part is damaged, which is noted in `damage`.
    mutating func readOutputs() -> Bool {
        do throws(CacheFormatError) {
            try decodeOutputs()
            return true
        } catch {
            damage?.note(CacheDamage(Self.fileName, "the written files' part: \(error.problem)"))
            return false
        }
    }

    private mutating func decodeOutputs() throws(CacheFormatError) {
        try Self.verify((outputsPart, outputsChecksum), generation: generation, number: 1)
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

    /// Every site path a link may point at; nil when that part is damaged, which is noted in `damage`.
    func linkTargets() -> Set<String>? {
        do throws(CacheFormatError) {
            return try decodeLinkTargets()
        } catch {
            damage?.note(CacheDamage(Self.fileName, "the link targets' part: \(error.problem)"))
            return nil
        }
    }

    private func decodeLinkTargets() throws(CacheFormatError) -> Set<String> {
        if linkTargetsPart.isEmpty { return Set(linkTargetList) }
        try Self.verify((linkTargetsPart, linkTargetsChecksum), generation: generation, number: 2)
        var reader = try CacheReader(bytes: linkTargetsPart)
        let list: [String] = try reader.read()
        try reader.finish()
        return Set(list)
    }

    /// Whether a file time recorded by that build tells a later change apart (see `startedAt`).
    func isReliable(_ modifiedNanoseconds: Int64) -> Bool { fileTimeIsReliable(modifiedNanoseconds, buildStart: startedAt) }

    /// A kept page, decoded; nil when its record is damaged, which is noted in `damage`.
    func page(_ page: PageRecord, bodies: BodyStore) -> Page? {
        guard let records else { return nil }
        do throws(CacheFormatError) {
            return try PageRecordCoding.decode(try records.record(page.record), bodies: bodies)
        } catch {
            let problem = if case .checksumMismatch = error { "checksum mismatch" } else { error.problem }
            damage?.note(CacheDamage(Self.recordsFileName, "the record at byte \(page.record.lowerBound): \(problem)"))
            return nil
        }
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

    static func decode(_ bytes: [UInt8], bodies: BodyStore) throws(CacheFormatError) -> Page {
        var reader = try CacheReader(bytes: bytes, bodies: bodies)
        let page: Page = try reader.read()
        try reader.finish()
        return page
    }
}
