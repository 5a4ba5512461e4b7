/// What one quick rebuild changed in the build cache, appended to `.edusite/cache/patches` instead of
/// writing the index again (the index of 10,000 pages takes longer to write than the whole rebuild
/// may). The next build reads the index, then applies the patches in order; an ordinary build writes
/// a new index and removes them.
///
/// A quick rebuild marks its start in the file before it changes the output, and appends its patch
/// after: a mark with no patch after it means a rebuild was cut short, and the next build starts
/// from nothing. Each patch carries the checksum of its bytes.
struct BuildCachePatch: Sendable, Equatable {
    struct PageChange: Sendable, Equatable {
        var source: String
        var stamp: PageFileStamp
        /// The page's record, in the records file.
        var record: Range<Int>
        /// Its HTML file, when the rebuild changed it.
        var patchedFile: String?
    }

    /// The index it applies to.
    var generation: UInt64
    /// When the rebuild started: every page's stamp was checked against that time.
    var startedAt: Int64
    var liveBodyBytes: Int
    /// The records file's end after the rebuild appended its records, and the body file's last used byte.
    var recordsEnd: Int
    var bodyFileEnd: Int
    var changes: [PageChange]

    static let beginMark: UInt8 = 0x42
    static let patchMark: UInt8 = 0x50

    /// A patch as it is appended: its mark, its length, its checksum, its bytes.
    func encoded() -> [UInt8] {
        var writer = CacheWriter(reservingCapacity: 256 + changes.count * 128)
        writer.write(generation)
        writer.write(startedAt)
        writer.write(liveBodyBytes)
        writer.write(recordsEnd)
        writer.write(bodyFileEnd)
        writer.writeCount(changes.count)
        for change in changes {
            writer.write(change.source)
            writer.write(change.stamp)
            writer.write(change.record)
            writer.write(change.patchedFile)
        }
        let body = writer.encoded()
        return [Self.patchMark] + [UInt64(body.count), ContentHash.of(body).value].flatMap { number in
            withUnsafeBytes(of: number.littleEndian) { Array($0) }
        } + body
    }

    init(generation: UInt64, startedAt: Int64, liveBodyBytes: Int, recordsEnd: Int, bodyFileEnd: Int, changes: [PageChange]) {
        self.generation = generation
        self.startedAt = startedAt
        self.liveBodyBytes = liveBodyBytes
        self.recordsEnd = recordsEnd
        self.bodyFileEnd = bodyFileEnd
        self.changes = changes
    }

    private init(body: [UInt8]) throws(CacheFormatError) {
        var reader = try CacheReader(bytes: body)
        generation = try reader.read()
        startedAt = try reader.read()
        liveBodyBytes = try reader.read()
        recordsEnd = try reader.read()
        bodyFileEnd = try reader.read()
        let count = try reader.readCount()
        changes = []
        for _ in 0..<count {
            changes.append(
                PageChange(source: try reader.read(), stamp: try reader.read(), record: try reader.read(), patchedFile: try reader.read()))
        }
        try reader.finish()
    }

    /// The patches of a patches file, in order; throws `rebuildCutShort` when the last rebuild began
    /// and did not finish appending its patch, another error when a patch is damaged.
    static func read(_ bytes: [UInt8]) throws(CacheFormatError) -> [BuildCachePatch] {
        var patches: [BuildCachePatch] = []
        var offset = 0
        while offset < bytes.count {
            // Each rebuild: its begin mark, then its patch (a stopped one can only be the last).
            guard bytes[offset] == beginMark else { throw .truncated(offset: offset) }
            if offset + 1 == bytes.count { throw .rebuildCutShort }
            guard bytes[offset + 1] == patchMark else { throw .truncated(offset: offset + 1) }
            let start = offset + 18
            guard start <= bytes.count, bytes.littleEndianNumber(at: offset + 2) <= UInt64(bytes.count - start) else { throw .rebuildCutShort }
            let body = Array(bytes[start..<start + Int(bytes.littleEndianNumber(at: offset + 2))])
            guard ContentHash.of(body).value == bytes.littleEndianNumber(at: offset + 10) else { throw .checksumMismatch(offset: offset) }
            patches.append(try BuildCachePatch(body: body))
            offset = start + body.count
        }
        return patches
    }
}

extension BuildCache {
    /// The cache as the patches left it.
    mutating func apply(_ patches: [BuildCachePatch]) throws(CacheFormatError) {
        guard !patches.isEmpty else { return }
        var indexes: [String: Int] = [:]
        indexes.reserveCapacity(pages.count)
        for (index, page) in pages.enumerated() { indexes[page.source] = index }
        for patch in patches {
            guard patch.generation == generation else { throw .unknownFormat }
            for change in patch.changes {
                guard let index = indexes[change.source], change.record.upperBound <= (records?.byteCount ?? 0) else {
                    throw .unknownFormat
                }
                pages[index].stamp = change.stamp
                pages[index].record = change.record
                if let file = change.patchedFile { patchedFiles.insert(file) }
            }
            startedAt = patch.startedAt
            liveBodyBytes = patch.liveBodyBytes
            recordsEnd = patch.recordsEnd
            bodyFileEnd = patch.bodyFileEnd
        }
    }
}

extension PageFileStamp: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(size)
        writer.write(modifiedNanoseconds)
        writer.write(contentHash.value)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(size: try reader.read(), modifiedNanoseconds: try reader.read(), contentHash: ContentHash(value: try reader.read()))
    }
}

/// A record's place in the records file: its start and length.
extension Range: CacheCodable where Bound == Int {
    func encode(to writer: inout CacheWriter) {
        writer.write(lowerBound)
        writer.write(count)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        let start: Int = try reader.read()
        let length: Int = try reader.read()
        // A record starts after the records file's header.
        guard start >= RecordsFile.headerSize, length >= 0, start <= Int.max - length else { throw .truncated(offset: reader.offset) }
        self = start..<start + length
    }
}
