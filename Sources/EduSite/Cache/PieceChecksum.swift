/// A checksum of bytes that come in pieces, the same however they are split: for a cache file
/// written piece by piece (its string table, then its values) and read back whole. Words of eight
/// bytes, little-endian, mixed by `ContentHash`.
struct PieceChecksum {
    private var hash: ContentHash
    /// Bytes of the word not yet mixed in, low bytes first.
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var total = 0

    init(_ seed: ContentHash) { hash = seed }

    mutating func combine(_ bytes: [UInt8]) {
        total += bytes.count
        var index = 0
        // Fill the word a previous piece began, then whole words, then keep the rest.
        while pendingCount > 0, pendingCount < 8, index < bytes.count {
            pending |= UInt64(bytes[index]) << UInt64(pendingCount * 8)
            pendingCount += 1
            index += 1
        }
        if pendingCount == 8 {
            hash.combine(pending)
            pending = 0
            pendingCount = 0
        }
        bytes.withUnsafeBytes { raw in
            while index + 8 <= raw.count {
                hash.combine(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
        }
        while index < bytes.count {
            pending |= UInt64(bytes[index]) << UInt64(pendingCount * 8)
            pendingCount += 1
            index += 1
        }
    }

    /// The last word, then the count (so that trailing zero bytes count).
    var value: UInt64 {
        var final = hash
        final.combine(pending)
        final.combine(UInt64(total))
        return final.value
    }
}
