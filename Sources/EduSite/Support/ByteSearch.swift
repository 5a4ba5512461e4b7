#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search on UTF-8 bytes, for checks that scan every page's HTML.
///
/// `memchr` finds each candidate for the needle's first byte (it skips many bytes per step), and only
/// there are the other bytes compared. Foundation's `firstRange(of:)` on `[UInt8]` goes through
/// generic `DataProtocol` code, one witness call per byte.
enum ByteSearch {
    /// True when `needle` occurs in `haystack`. An empty needle occurs nowhere (as with `firstRange`).
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: needle, in: haystack, from: 0) != nil
    }

    /// Where `needle` first occurs in `haystack` at or after `start`.
    static func firstOffset(
        of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first, needle.count <= haystack.count else {
            return nil
        }
        let lastStart = haystack.count - needle.count
        var index = start
        while index <= lastStart {
            guard let found = memchr(base + index, Int32(first), lastStart - index + 1) else { return nil }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, needle.baseAddress!, needle.count) == 0 { return index }
            index += 1
        }
        return nil
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        needle.withUnsafeBufferPointer { contains(haystack, $0) }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in contains(haystack, needle) }
        }
    }
}
