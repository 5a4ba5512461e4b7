#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Appends values to the bytes of a build cache file, in the compact binary form `CacheReader`
/// reads back. Faster than any self-describing format because nothing is named: the reader must ask
/// for the same values in the same order.
///
/// - Int: zigzag LEB128 varint (small numbers, positive or negative, take one byte).
/// - Int64, UInt64, Double: 8 bytes little-endian (hashes and bit patterns are not small).
/// - Bool and enum cases: one byte.
/// - String: the varint index of the string in the file's string table (see `encoded()`).
/// - Optional: a presence byte, then the value. Array: count, then the items. Dictionary: count,
///   then the pairs sorted by key, so that the same value always gives the same bytes.
struct CacheWriter {
    /// `ESC` (EduSite cache), then `formatVersion`: any other start means "not ours, ignore it".
    static let header: [UInt8] = [0x45, 0x53, 0x43, formatVersion]
    /// Bump whenever the encoding of any type changes, so that an old cache is ignored rather than
    /// misread.
    static let formatVersion: UInt8 = 3

    /// The values, strings as table indexes.
    private var values: [UInt8]
    /// Each distinct string once (count, then the UTF-8 bytes), in order of first use.
    private var table: [UInt8]
    private var tableIndexes: [TableKey: Int]
    /// Strings written in place instead of through the table: for `fingerprint`, which is never read
    /// back, and where the table's lookups cost more than the strings' bytes.
    private let inlinesStrings: Bool

    init(reservingCapacity capacity: Int = 64 * 1024) {
        values = []
        values.reserveCapacity(capacity)
        table = []
        table.reserveCapacity(capacity / 2)
        tableIndexes = [:]
        inlinesStrings = false
    }

    /// A writer whose bytes are only hashed (see `fingerprint`).
    private init(fingerprintingWithCapacity capacity: Int) {
        values = []
        values.reserveCapacity(capacity)
        table = []
        tableIndexes = [:]
        inlinesStrings = true
    }

    /// A hash of everything `value` writes: equal values give equal hashes, and any change to what
    /// would be written changes it (strings are written whole, not as table indexes).
    static func fingerprint<Value: CacheCodable>(_ value: Value) -> ContentHash {
        var writer = CacheWriter(fingerprintingWithCapacity: 4096)
        writer.write(value)
        return ContentHash.of(writer.values)
    }

    /// The file: header, string table (count, then each string), then the values. Strings go in one
    /// table because most repeat (every location names its file, links name other pages' paths,
    /// headings recur across posts): the reader makes each string once and shares it.
    func encoded() -> [UInt8] {
        var countBytes = CacheWriter(reservingCapacity: 16)
        countBytes.writeCount(tableIndexes.count)
        var file: [UInt8] = []
        file.reserveCapacity(Self.header.count + countBytes.values.count + table.count + values.count)
        file += Self.header
        file += countBytes.values
        file += table
        file += values
        return file
    }

    /// `encoded()` in its three parts, not joined: a large cache is written part by part rather
    /// than copied once more into one buffer.
    func encodedParts() -> [[UInt8]] {
        var head = CacheWriter(reservingCapacity: 16)
        head.writeCount(tableIndexes.count)
        return [Self.header + head.values, table, values]
    }

    mutating func write<Value: CacheCodable>(_ value: Value) {
        value.encode(to: &self)
    }

    @inline(__always)
    mutating func writeByte(_ byte: UInt8) {
        values.append(byte)
    }

    /// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on all but the last.
    mutating func writeVarint(_ value: UInt64) {
        Self.appendVarint(value, to: &values)
    }

    /// Counts and lengths: never negative, so no zigzag.
    mutating func writeCount(_ count: Int) {
        writeVarint(UInt64(count))
    }

    /// 8 bytes, little-endian.
    mutating func writeFixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { values.append(contentsOf: $0) }
    }

    mutating func writeString(_ string: String) {
        if inlinesStrings {
            var string = string
            string.withUTF8 { utf8 in
                Self.appendVarint(UInt64(utf8.count), to: &values)
                values.append(contentsOf: utf8)
            }
            return
        }
        let key = TableKey(string)
        if let index = tableIndexes[key] {
            writeCount(index)
            return
        }
        let index = tableIndexes.count
        tableIndexes[key] = index
        var string = string
        string.withUTF8 { utf8 in
            Self.appendVarint(UInt64(utf8.count), to: &table)
            table.append(contentsOf: utf8)
        }
        writeCount(index)
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// A string told apart from others by its bytes. `String`'s own `==` treats canonically equivalent
/// strings (`é` composed or not) as equal, which would let one stand in for the other on reading.
private struct TableKey: Hashable {
    let string: String
    /// Cheaper than hashing the string with `Hasher`, which normalises it first.
    let digest: UInt64

    init(_ string: String) {
        self.string = string
        digest = ContentHash.of(string).value
    }

    static func == (lhs: TableKey, rhs: TableKey) -> Bool {
        guard lhs.digest == rhs.digest else { return false }
        var left = lhs.string
        var right = rhs.string
        return left.withUTF8 { left in
            right.withUTF8 { right in
                guard left.count == right.count else { return false }
                guard let leftBytes = left.baseAddress, let rightBytes = right.baseAddress else { return true }
                return leftBytes == rightBytes || memcmp(leftBytes, rightBytes, left.count) == 0
            }
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}
