/// Reads back, in the same order, the values a `CacheWriter` wrote (see there for the encoding).
///
/// Every read checks the bytes it needs are there and make sense, and throws `CacheFormatError`
/// otherwise: a cut-short or damaged cache file must be ignored, never crash the build.
struct CacheReader {
    private let bytes: [UInt8]
    /// Where the next value starts.
    private(set) var offset: Int
    /// The file's strings, each made once: reading a string is taking one from here.
    private var strings: [String]
    /// Where bodies written as "kept in the body file" are read from.
    let bodies: BodyStore?
    /// The body file's size when reading began: a stored body must lie within it.
    let bodyFileSize: Int
    /// How deeply nested the value being read is (see `nested`).
    private var depth = 0

    /// Nesting allowed for free-form values: far beyond real front matter, far within the stack.
    static let maximumDepth = 200

    /// Reads the bytes of a cache file (`CacheWriter.encoded()`); it must start with
    /// `CacheWriter.header`. The string table is read here, the values by the caller.
    init(bytes: [UInt8], bodies: BodyStore? = nil) throws(CacheFormatError) {
        guard bytes.count >= CacheWriter.header.count, bytes.starts(with: CacheWriter.header)
        else { throw .unknownFormat }
        self.bytes = bytes
        self.offset = CacheWriter.header.count
        self.bodies = bodies
        self.bodyFileSize = bodies?.fileSize ?? 0
        self.strings = []
        let count = try readCount()
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try readTableString()) }
        self.strings = strings
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Throws unless every byte has been read: for the caller's last read.
    func finish() throws(CacheFormatError) {
        guard isAtEnd else { throw .trailingBytes(offset: offset) }
    }

    mutating func read<Value: CacheCodable>(_: Value.Type = Value.self) throws(CacheFormatError) -> Value {
        try Value(from: &self)
    }

    @inline(__always)
    mutating func readByte() throws(CacheFormatError) -> UInt8 {
        guard offset < bytes.count else { throw .truncated(offset: offset) }
        let byte = bytes[offset]
        offset += 1
        return byte
    }

    @inline(__always)
    mutating func readVarint() throws(CacheFormatError) -> UInt64 {
        // Most varints (tags, counts, small numbers, table indexes of common strings) are one byte.
        if offset < bytes.count, bytes[offset] < 0x80 {
            offset += 1
            return UInt64(bytes[offset - 1])
        }
        return try readLongVarint()
    }

    private mutating func readLongVarint() throws(CacheFormatError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            // The tenth byte holds bit 63 only.
            guard shift < 63 || byte <= 1 else { throw .invalidNumber(offset: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of bytes or items that follow: each takes at least one byte, so a count larger than
    /// the bytes left is damage (and must not become a huge allocation).
    mutating func readCount() throws(CacheFormatError) -> Int {
        let start = offset
        let count = try readVarint()
        guard count <= UInt64(bytes.count - offset) else { throw .invalidCount(offset: start) }
        return Int(count)
    }

    mutating func readFixed() throws(CacheFormatError) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw .truncated(offset: offset) }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func readString() throws(CacheFormatError) -> String {
        let start = offset
        let index = try readVarint()
        guard index < UInt64(strings.count) else { throw .unknownString(offset: start) }
        return strings[Int(index)]
    }

    /// Bytes that are not UTF-8 (damage inside a string) come back repaired, not refused: checking
    /// for them costs more than half the reading time (`String(validating:)` is not specialised),
    /// and damage that stays UTF-8 could not be caught anyway.
    private mutating func readTableString() throws(CacheFormatError) -> String {
        let count = try readCount()
        if count == 0 { return "" }
        let string = bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
        }
        offset += count
        return string
    }

    /// The error for a byte that is not one of `type`'s tags, which was just read.
    func invalidValue(_ type: String) -> CacheFormatError {
        .invalidValue(type: type, offset: offset)
    }

    func invalidTag(_ tag: UInt8, _ type: String) -> CacheFormatError {
        .invalidTag(tag, type: type, offset: offset - 1)
    }

    /// Reads a value that may contain itself (`YAMLValue`), refusing nesting deep enough to overflow
    /// the stack.
    mutating func nested<Value>(
        _ read: (inout CacheReader) throws(CacheFormatError) -> Value
    ) throws(CacheFormatError) -> Value {
        guard depth < Self.maximumDepth else { throw .tooDeep(offset: offset) }
        depth += 1
        defer { depth -= 1 }
        return try read(&self)
    }
}

extension [UInt8] {
    /// The 8 bytes at `offset` (which the caller made sure are there), little-endian: the lengths,
    /// generations and checksums that frame the cache files.
    func littleEndianNumber(at offset: Int) -> UInt64 {
        withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }
}
