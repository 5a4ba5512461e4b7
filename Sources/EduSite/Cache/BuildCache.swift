/// What the last successful `edusite build` of a site left for the next one, in
/// `.edusite/cache/`: `build` (this index), `pages` (the page records) and `bodies` (their HTML).
///
/// It records every loaded page (with its file's size, time and content hash), the key of every
/// rendered page and the hash of every other written file, and the copied files' sizes and times.
/// The next build reuses the pages whose files did not change and rewrites only the files whose
/// key or bytes changed. It is a shortcut only: any doubt (another EduSite binary, another output
/// folder, a damaged file) and the build starts from nothing.
struct BuildCache: Sendable {
    static let fileName = "build"
    static let recordsFileName = "pages"
    static let bodiesFileName = "bodies"

    struct PageRecord: Sendable {
        enum Content: Sendable {
            /// As `CacheWriter` wrote it (a cache read from disk: decoded only when reused).
            case encoded([UInt8])
            /// A page of this build, encoded when the cache is written.
            case page(Page)
        }

        var source: String
        var stamp: PageFileStamp
        var content: Content
    }

    struct CopiedFile: Sendable, Hashable {
        var source: String
        var size: Int
        var modifiedNanoseconds: Int64
    }

    /// The EduSite binary that wrote it: another version may render differently.
    var tool: ContentHash
    /// When that build started (nanoseconds since 1970): see `fileTimeIsReliable`.
    var startedAt: Int64
    var outputFolder: String
    var resolutionKey: ContentHash
    var pages: [PageRecord]
    /// By output file (`tin-tuc/a/index.html`): a page's render key, or the bytes' hash.
    var outputs: [String: ContentHash]
    /// By output file: where it was copied from.
    var copies: [String: CopiedFile]
    /// Bytes of the body file that pages still point at; the rest is garbage from older builds.
    var liveBodyBytes: Int

    /// Writes the page records to `pages` (streamed, a chunk of pages at a time: at 10,000 pages
    /// they are about 13 MB, and are never all in memory at once) and returns the index file, which
    /// holds everything else and each record's length. `generation` ties the two files together.
    func write(records pages: RecordSink, generation: UInt64) throws(FileSystemError) -> [[UInt8]] {
        try pages.append(withUnsafeBytes(of: generation.littleEndian) { Array($0) })
        var lengths: [Int] = []
        lengths.reserveCapacity(self.pages.count)
        var start = 0
        while start < self.pages.count {
            // Encoded on all cores: at 10,000 pages this is most of the cache's cost.
            let chunk = Array(self.pages[start..<min(start + 1024, self.pages.count)])
            let records = chunk.parallelMap { page in
                switch page.content {
                case .encoded(let record): record
                case .page(let page): PageRecordCoding.encode(page)
                }
            }
            for record in records {
                try pages.append(record)
                lengths.append(record.count)
            }
            start += chunk.count
        }

        var writer = CacheWriter(reservingCapacity: (1 << 16) + self.pages.count * 96)
        writer.write(generation)
        writer.write(tool.value)
        writer.write(startedAt)
        writer.write(outputFolder)
        writer.write(resolutionKey.value)
        writer.write(liveBodyBytes)
        writer.writeCount(self.pages.count)
        for (page, length) in zip(self.pages, lengths) {
            writer.write(page.source)
            writer.write(page.stamp.size)
            writer.write(page.stamp.modifiedNanoseconds)
            writer.write(page.stamp.contentHash.value)
            writer.writeCount(length)
        }
        writer.writeCount(outputs.count)
        for (path, hash) in outputs.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(hash.value)
        }
        writer.writeCount(copies.count)
        for (path, copy) in copies.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(copy.source)
            writer.write(copy.size)
            writer.write(copy.modifiedNanoseconds)
        }
        return writer.encodedParts()
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

    /// Reads the index file and the page records it points into.
    init(index: [UInt8], records: [UInt8]) throws(CacheFormatError) {
        var reader = try CacheReader(bytes: index)
        let generation: UInt64 = try reader.read()
        guard records.count >= 8,
            records.withUnsafeBytes({ UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }) == generation
        else { throw .unknownFormat }
        tool = ContentHash(value: try reader.read())
        startedAt = try reader.read()
        outputFolder = try reader.read()
        resolutionKey = ContentHash(value: try reader.read())
        liveBodyBytes = try reader.read()
        let pageCount = try reader.readCount()
        pages = []
        pages.reserveCapacity(pageCount)
        var offset = 8
        for _ in 0..<pageCount {
            let source: String = try reader.read()
            let stamp = PageFileStamp(
                size: try reader.read(), modifiedNanoseconds: try reader.read(),
                contentHash: ContentHash(value: try reader.read()))
            let length = try reader.readCount()
            guard length <= records.count - offset else { throw .truncated(offset: offset) }
            pages.append(PageRecord(source: source, stamp: stamp, content: .encoded(Array(records[offset..<offset + length]))))
            offset += length
        }
        guard offset == records.count else { throw .trailingBytes(offset: offset) }
        let outputCount = try reader.readCount()
        outputs = Dictionary(minimumCapacity: outputCount)
        for _ in 0..<outputCount {
            let path: String = try reader.read()
            outputs[path] = ContentHash(value: try reader.read())
        }
        let copyCount = try reader.readCount()
        copies = Dictionary(minimumCapacity: copyCount)
        for _ in 0..<copyCount {
            let path: String = try reader.read()
            copies[path] = CopiedFile(source: try reader.read(), size: try reader.read(), modifiedNanoseconds: try reader.read())
        }
        try reader.finish()
    }

    /// Whether a file time recorded by that build tells a later change apart (see `startedAt`).
    func isReliable(_ modifiedNanoseconds: Int64) -> Bool { fileTimeIsReliable(modifiedNanoseconds, buildStart: startedAt) }

    /// The pages for the loader to take, decoded only when asked for.
    func pageReuse(bodies: BodyStore) -> PageReuse {
        var entries: [String: PageReuse.Entry] = [:]
        entries.reserveCapacity(pages.count)
        for page in pages {
            guard case .encoded(let record) = page.content else { continue }
            entries[page.source] = PageReuse.Entry(
                size: page.stamp.size, modifiedNanoseconds: page.stamp.modifiedNanoseconds,
                contentHash: page.stamp.contentHash, stampIsReliable: isReliable(page.stamp.modifiedNanoseconds),
                page: { PageRecordCoding.decode(record, bodies: bodies) })
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

/// Where page records are streamed to.
protocol RecordSink {
    func append(_ bytes: [UInt8]) throws(FileSystemError)
}
