/// Free-form front matter (`params`) in the build cache.
extension YAMLValue: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        switch self {
        case .null:
            writer.writeByte(0)
        case .bool(let value):
            writer.writeByte(1)
            writer.write(value)
        case .int(let value):
            writer.writeByte(2)
            writer.write(value)
        case .double(let value):
            writer.writeByte(3)
            writer.write(value)
        case .string(let value):
            writer.writeByte(4)
            writer.write(value)
        case .array(let values):
            writer.writeByte(5)
            writer.write(values)
        case .object(let values):
            writer.writeByte(6)
            writer.write(values)
        }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case 0: self = .null
        case 1: self = .bool(try reader.read())
        case 2: self = .int(try reader.read())
        case 3: self = .double(try reader.read())
        case 4: self = .string(try reader.read())
        case 5: self = .array(try reader.nested { (reader) throws(CacheFormatError) in try reader.read() })
        case 6: self = .object(try reader.nested { (reader) throws(CacheFormatError) in try reader.read() })
        case let tag: throw reader.invalidTag(tag, "YAMLValue")
        }
    }
}
