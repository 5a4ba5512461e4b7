/// A 64-bit hash of bytes that is the same in every run (Swift's `Hasher` is seeded per process), for
/// the build cache: "is this the same content as last time?". Not meant to resist crafted collisions.
public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public private(set) var value: UInt64

    public init() { value = 0x9E37_79B9_7F4A_7C15 }
    public init(value: UInt64) { self.value = value }

    public static func of(_ bytes: some Collection<UInt8>) -> ContentHash {
        var hash = ContentHash()
        hash.combine(bytes)
        return hash
    }

    public static func of(_ string: String) -> ContentHash {
        var hash = ContentHash()
        hash.combine(string)
        return hash
    }

    /// Mixes in the bytes and their count, eight at a time (the count keeps `ab`+`c` apart from `a`+`bc`).
    public mutating func combine(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { combine(UnsafeRawBufferPointer($0)) }
        if done == nil { Array(bytes).withUnsafeBytes { combine($0) } }
    }

    public mutating func combine(_ string: String) {
        var copy = string
        copy.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ number: Int) { mix(UInt64(bitPattern: Int64(number))) }
    public mutating func combine(_ number: UInt64) { mix(number) }
    public mutating func combine(_ flag: Bool) { mix(flag ? 1 : 2) }
    public mutating func combine(_ other: ContentHash) { mix(other.value) }

    public mutating func combine(_ raw: UnsafeRawBufferPointer) {
        let count = raw.count
        var index = 0
        while index + 8 <= count {
            mix(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(raw[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail)
        mix(UInt64(count))
    }

    /// One multiply-xorshift round (the finaliser of MurmurHash3/SplitMix64 family).
    @inline(__always)
    private mutating func mix(_ word: UInt64) {
        var h = (value ^ word) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        value = h ^ (h >> 29)
    }

    public var description: String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
