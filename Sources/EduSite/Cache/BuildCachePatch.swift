/// What one quick rebuild changed in the build cache, appended to `.edusite/cache/patches` instead of
/// writing the index again (the index of 10,000 pages takes longer to write than the whole rebuild
/// may). The next build reads the index, then applies the patches in order; an ordinary build writes
/// a new index and removes them.
///
/// A quick rebuild marks its start in the file before it changes the output, and appends its patch
/// after: a mark with no patch after it means a rebuild was cut short, and the next build starts
/// from nothing.
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
    var changes: [PageChange]

    static let beginMark: UInt8 = 0x42
    static let patchMark: UInt8 = 0x50

    /// A patch as it is appended: its mark, its length, its bytes.
    func encoded() -> [UInt8] {
        var writer = CacheWriter(reservingCapacity: 256 + changes.count * 128)
        writer.write(generation)
        writer.write(startedAt)
        writer.write(liveBodyBytes)
        writer.writeCount(changes.count)
        for change in changes {
            writer.write(change.source)
            writer.write(change.stamp)
            writer.write(change.record)
            writer.write(change.patchedFile)
        }
        let body = writer.encoded()
        return [Self.patchMark] + withUnsafeBytes(of: UInt64(body.count).littleEndian) { Array($0) } + body
    }

    init(generation: UInt64, startedAt: Int64, liveBodyBytes: Int, changes: [PageChange]) {
        self.generation = generation
        self.startedAt = startedAt
        self.liveBodyBytes = liveBodyBytes
        self.changes = changes
    }

    private init(body: [UInt8]) throws(CacheFormatError) {
        var reader = try CacheReader(bytes: body)
        generation = try reader.read()
        startedAt = try reader.read()
        liveBodyBytes = try reader.read()
        let count = try reader.readCount()
        changes = []
        for _ in 0..<count {
            changes.append(
                PageChange(source: try reader.read(), stamp: try reader.read(), record: try reader.read(), patchedFile: try reader.read()))
        }
        try reader.finish()
    }

    /// The patches of a patches file, in order; throws when one is damaged or a rebuild was cut short.
    static func read(_ bytes: [UInt8]) throws(CacheFormatError) -> [BuildCachePatch] {
        var patches: [BuildCachePatch] = []
        var offset = 0
        while offset < bytes.count {
            // Each rebuild: its begin mark, then its patch.
            guard bytes[offset] == beginMark, offset + 9 < bytes.count, bytes[offset + 1] == patchMark else {
                throw .truncated(offset: offset)
            }
            let length = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset + 2, as: UInt64.self)) }
            let start = offset + 10
            guard length <= UInt64(bytes.count - start) else { throw .truncated(offset: start) }
            patches.append(try BuildCachePatch(body: Array(bytes[start..<start + Int(length)])))
            offset = start + Int(length)
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
        // A record starts after the records file's generation.
        guard start >= 8, length >= 0, start <= Int.max - length else { throw .truncated(offset: reader.offset) }
        self = start..<start + length
    }
}
