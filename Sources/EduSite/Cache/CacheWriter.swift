/// Appends values to the bytes of a build cache file, in the compact binary form `CacheReader`
/// reads back. Faster than any self-describing format because nothing is named: the reader must ask
/// for the same values in the same order.
///
/// - Int: zigzag LEB128 varint (small numbers, positive or negative, take one byte).
/// - Int64, UInt64, Double: 8 bytes little-endian (hashes and bit patterns are not small).
/// - Bool and enum cases: one byte.
/// - String: varint byte count, then the UTF-8 bytes.
/// - Optional: a presence byte, then the value. Array: count, then the items. Dictionary: count,
///   then the pairs sorted by key, so that the same value always gives the same bytes.
struct CacheWriter {
    /// `ESC` (EduSite cache), then `formatVersion`: any other start means "not ours, ignore it".
    static let header: [UInt8] = [0x45, 0x53, 0x43, formatVersion]
    /// Bump whenever the encoding of any type changes, so that an old cache is ignored rather than
    /// misread.
    static let formatVersion: UInt8 = 1

    private(set) var bytes: [UInt8]

    /// The `source` of the page being written: locations in that same file are written as a flag
    /// instead of repeating the path (most locations of a page are in the page's own file).
    var pageSource: String?

    /// Starts a cache file (the header is written first).
    init(reservingCapacity capacity: Int = 64 * 1024) {
        bytes = []
        bytes.reserveCapacity(max(capacity, Self.header.count))
        bytes.append(contentsOf: Self.header)
    }

    mutating func write<Value: CacheCodable>(_ value: Value) {
        value.encode(to: &self)
    }

    @inline(__always)
    mutating func writeByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on all but the last.
    mutating func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Counts and lengths: never negative, so no zigzag.
    mutating func writeCount(_ count: Int) {
        writeVarint(UInt64(count))
    }

    /// 8 bytes, little-endian.
    mutating func writeFixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func writeString(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            writeCount(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }
}
