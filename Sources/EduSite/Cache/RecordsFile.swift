#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The page records file of a build cache, opened for reading: a record is read when its page is
/// reused, not the whole file (about 11 MB at 10,000 posts) at every build.
final class RecordsFile: Sendable {
    private let descriptor: Int32
    /// Bytes in the file when it was opened; a record past them is damage.
    let byteCount: Int
    /// The generation its first 8 bytes name (see `BuildCache`).
    let generation: UInt64

    /// nil when the file cannot be read or is too short to have a generation.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        var generation: UInt64 = 0
        guard fstat(descriptor, &status) == 0, status.st_size >= 8,
            withUnsafeMutableBytes(of: &generation, { pread(descriptor, $0.baseAddress, 8, 0) }) == 8
        else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        self.byteCount = Int(status.st_size)
        self.generation = UInt64(littleEndian: generation)
    }

    deinit { close(descriptor) }

    /// The bytes of one record; nil when they cannot be read.
    func bytes(_ range: Range<Int>) -> [UInt8]? {
        guard range.lowerBound >= 8, range.upperBound <= byteCount else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, initialized in
            var filled = 0
            while filled < range.count {
                let count = pread(descriptor, buffer.baseAddress! + filled, range.count - filled, off_t(range.lowerBound + filled))
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                filled += count
            }
            failed = filled < range.count
            initialized = filled
        }
        return failed ? nil : bytes
    }
}
