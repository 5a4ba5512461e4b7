import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the rendered HTML bodies of a build's pages are kept between Load and Render.
///
/// Bodies are most of a site's bytes (about 60 MB at 10,000 posts), and a page's body is needed only
/// when that page renders (and by the few lists and feeds that show whole bodies). A build keeps them
/// in a file, `.edusite/cache/bodies`, and reads each back when it is needed, so memory stays small.
/// Without a store (`serve`, `check`, tests) each page holds its body itself.
///
/// A body kept by an earlier build is checked against its hash (which its page record holds) when it
/// is read; one that does not match is noted in `damage`, and the build starts again from nothing
/// before it writes anything (`SiteBuilder`). Bodies this build put are not checked again.
public final class BodyStore: Sendable {
    private let descriptor: Int32
    /// Where the next body goes: writers reserve a range under the lock, then `pwrite` outside it.
    private let end: Mutex<Int>
    let damage: CacheDamageLog?

    /// Bodies kept in the file at `path` (created, or emptied when `reset`, else appended to).
    public convenience init(file path: String, reset: Bool) throws(FileSystemError) {
        try self.init(file: path, reset: reset, damage: nil)
    }

    init(file path: String, reset: Bool, damage: CacheDamageLog?) throws(FileSystemError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | (reset ? O_TRUNC : 0), 0o644)
        guard descriptor >= 0 else { throw LiveDisk.error(path, "open") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw LiveDisk.error(path, "open")
        }
        self.descriptor = descriptor
        self.end = Mutex(Int(status.st_size))
        self.damage = damage
    }

    deinit { close(descriptor) }

    /// Keeps `html` (UTF-8) and returns the handle a page holds instead of the text.
    public func put(_ html: [UInt8]) -> BodyHTML {
        let byteCount = html.count
        let hash = ContentHash.of(html)
        let offset = end.withLock { end in
            defer { end += byteCount }
            return end
        }
        let written = html.withUnsafeBufferPointer { bytes in
            var written = 0
            while written < bytes.count {
                let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                written += count
            }
            return written
        }
        // A full disk: keep this body in memory rather than lose it.
        guard written == byteCount else { return BodyHTML(String(decoding: html, as: UTF8.self)) }
        return BodyHTML(store: self, offset: offset, byteCount: byteCount, hash: hash, checked: false)
    }

    /// A body kept earlier in this file (for the build cache), checked when it is read.
    public func body(offset: Int, byteCount: Int, hash: ContentHash) -> BodyHTML {
        BodyHTML(store: self, offset: offset, byteCount: byteCount, hash: hash, checked: true)
    }

    /// Bytes in the file: where the next body goes.
    public var fileSize: Int { end.withLock { $0 } }

    /// The bytes as written: they were UTF-8 when put, so they are not validated again. `checked`:
    /// compared with `hash`, a mismatch noted in `damage` (the bytes are then the build's to discard).
    fileprivate func read(offset: Int, byteCount: Int, hash: ContentHash, checked: Bool) -> [UInt8] {
        let bytes = [UInt8](unsafeUninitializedCapacity: byteCount) { buffer, initialized in
            while initialized < byteCount {
                let count = pread(
                    descriptor, buffer.baseAddress! + initialized, byteCount - initialized, off_t(offset + initialized))
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                initialized += count
            }
        }
        if checked, bytes.count != byteCount || ContentHash.of(bytes) != hash {
            damage?.note(CacheDamage(BuildCache.bodiesFileName, "checksum mismatch in the body at byte \(offset)"))
        }
        return bytes
    }
}

/// A page's rendered body: held in the page, or kept in a `BodyStore` and read with `bytes` when
/// the page renders.
public struct BodyHTML: Sendable, Hashable {
    private enum Storage: Sendable {
        case text(String)
        case stored(BodyStore, offset: Int, checked: Bool)
    }

    private let storage: Storage
    public let byteCount: Int
    /// Of the text: two bodies with the same hash are the same body.
    public let hash: ContentHash

    /// A body held in the page itself.
    public init(_ html: String) {
        storage = .text(html)
        byteCount = html.utf8.count
        hash = ContentHash.of(html)
    }

    fileprivate init(store: BodyStore, offset: Int, byteCount: Int, hash: ContentHash, checked: Bool) {
        storage = .stored(store, offset: offset, checked: checked)
        self.byteCount = byteCount
        self.hash = hash
    }

    public static let empty = BodyHTML("")

    public var isEmpty: Bool { byteCount == 0 }

    /// Where it is in its store's file, if it is kept in one.
    public var storedOffset: Int? {
        if case .stored(_, let offset, _) = storage { return offset }
        return nil
    }

    /// The HTML.
    public var string: String {
        switch storage {
        case .text(let html): html
        case .stored: String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The HTML's UTF-8 bytes, for a page that writes it: a stored body is read as bytes, not
    /// validated again as a `String`.
    public var bytes: [UInt8] {
        switch storage {
        case .text(let html): Array(html.utf8)
        case .stored(let store, let offset, let checked): store.read(offset: offset, byteCount: byteCount, hash: hash, checked: checked)
        }
    }

    public static func == (lhs: BodyHTML, rhs: BodyHTML) -> Bool {
        lhs.byteCount == rhs.byteCount && lhs.hash == rhs.hash
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash.value) }
}
