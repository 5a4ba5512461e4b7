#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The page records file of a build cache, opened for reading: a record is read when its page is
/// reused, not the whole file (about 11 MB at 10,000 posts) at every build.
///
/// The file starts with its generation and that number's checksum; each record ends with the
/// checksum of its bytes (`RecordsWriter`), checked when the record is read, so a quick rebuild pays
/// only for the few records it reads.
final class RecordsFile: Sendable {
    private let descriptor: Int32
    /// Bytes in the file when it was opened; a record past them is damage.
    let byteCount: Int
    /// The generation its header names (see `BuildCache`).
    let generation: UInt64
    /// Where a damaged record is noted when a page is decoded (see `BuildCache.page`).
    let damage: CacheDamageLog

    /// Generation, then its checksum.
    static let headerSize = 16

    /// Throws when the file is missing or its header is damaged.
    init(path: String, damage: CacheDamageLog = CacheDamageLog()) throws(CacheDamage) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw CacheDamage(BuildCache.recordsFileName, "missing or unreadable") }
        var status = stat()
        var header = [UInt64](repeating: 0, count: 2)
        guard fstat(descriptor, &status) == 0, status.st_size >= Self.headerSize,
            header.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, Self.headerSize, 0) }) == Self.headerSize,
            Self.checksum(ofGeneration: UInt64(littleEndian: header[0])) == UInt64(littleEndian: header[1])
        else {
            close(descriptor)
            throw CacheDamage(BuildCache.recordsFileName, "its header is cut short or does not match its checksum")
        }
        self.descriptor = descriptor
        self.byteCount = Int(status.st_size)
        self.generation = UInt64(littleEndian: header[0])
        self.damage = damage
    }

    deinit { close(descriptor) }

    static func checksum(ofGeneration generation: UInt64) -> UInt64 {
        var hash = ContentHash.of("edusite-records")
        hash.combine(generation)
        return hash.value
    }

    /// The bytes of one record, its checksum checked and dropped.
    func record(_ range: Range<Int>) throws(CacheFormatError) -> [UInt8] {
        guard range.lowerBound >= Self.headerSize, range.count >= 8, range.upperBound <= byteCount else {
            throw .truncated(offset: range.lowerBound)
        }
        var filled = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            while filled < range.count {
                let count = pread(descriptor, buffer.baseAddress! + filled, range.count - filled, off_t(range.lowerBound + filled))
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                filled += count
            }
            initialized = filled
        }
        guard filled == range.count else { throw .truncated(offset: range.lowerBound + filled) }
        let stored = bytes.littleEndianNumber(at: range.count - 8)
        bytes.removeLast(8)
        guard ContentHash.of(bytes).value == stored else { throw .checksumMismatch(offset: range.lowerBound) }
        return bytes
    }
}
