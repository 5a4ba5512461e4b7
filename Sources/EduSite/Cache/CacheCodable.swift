/// A value the build cache can hold: written by `encode(to:)`, read back by `init(from:)` to an
/// equal value.
protocol CacheCodable {
    func encode(to writer: inout CacheWriter)
    init(from reader: inout CacheReader) throws(CacheFormatError)
}

// MARK: Scalars

extension Int: CacheCodable {
    /// Zigzag first, so that -1 takes one byte rather than ten.
    func encode(to writer: inout CacheWriter) {
        writer.writeVarint(UInt64(bitPattern: Int64((self << 1) ^ (self >> (Int.bitWidth - 1)))))
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        let start = reader.offset
        let zigzag = try reader.readVarint()
        let value = Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))
        guard let fitting = Int(exactly: value) else { throw .invalidNumber(offset: start) }
        self = fitting
    }
}

extension Int64: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.writeFixed(UInt64(bitPattern: self)) }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self = Int64(bitPattern: try reader.readFixed())
    }
}

extension UInt64: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.writeFixed(self) }

    init(from reader: inout CacheReader) throws(CacheFormatError) { self = try reader.readFixed() }
}

extension Double: CacheCodable {
    /// The bit pattern, so that -0.0 and NaN payloads come back as they were.
    func encode(to writer: inout CacheWriter) { writer.writeFixed(bitPattern) }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self = Double(bitPattern: try reader.readFixed())
    }
}

extension Bool: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.writeByte(self ? 1 : 0) }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case 0: self = false
        case 1: self = true
        case let tag: throw reader.invalidTag(tag, "Bool")
        }
    }
}

extension String: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.writeString(self) }

    init(from reader: inout CacheReader) throws(CacheFormatError) { self = try reader.readString() }
}

// MARK: Containers

extension Optional: CacheCodable where Wrapped: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        switch self {
        case .none:
            writer.writeByte(0)
        case .some(let value):
            writer.writeByte(1)
            value.encode(to: &writer)
        }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case 0: self = .none
        case 1: self = .some(try Wrapped(from: &reader))
        case let tag: throw reader.invalidTag(tag, "Optional")
        }
    }
}

extension Array: CacheCodable where Element: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.writeCount(count)
        // By index, not `for in`: that copies each element (retaining every string of a page).
        for index in indices { self[index].encode(to: &writer) }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        let count = try reader.readCount()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(from: &reader)) }
    }
}

/// Only string keys occur in pages; sorting them makes the bytes the same from build to build
/// (a dictionary's own order changes with every process).
extension Dictionary: CacheCodable where Key == String, Value: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.writeCount(count)
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            writer.writeString(key)
            value.encode(to: &writer)
        }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        let count = try reader.readCount()
        self.init(minimumCapacity: count)
        for _ in 0..<count {
            let start = reader.offset
            let key = try reader.readString()
            guard updateValue(try Value(from: &reader), forKey: key) == nil else { throw .duplicateKey(offset: start) }
        }
    }
}
