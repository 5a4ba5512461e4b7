/// What a page is and when it is dated, in the build cache. Each enum case is one tag byte; the
/// numbers are the format's, not the declaration order, so reordering cases changes nothing.
extension PageKind: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        switch self {
        case .home: writer.writeByte(0)
        case .page: writer.writeByte(1)
        case .contact: writer.writeByte(2)
        case .feedback: writer.writeByte(3)
        case .section(let section):
            writer.writeByte(4)
            writer.write(section)
        case .leadership: writer.writeByte(5)
        case .organisation: writer.writeByte(6)
        case .disclosure: writer.writeByte(7)
        case .procedure: writer.writeByte(8)
        case .post(let section):
            writer.writeByte(9)
            writer.write(section)
        }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case 0: self = .home
        case 1: self = .page
        case 2: self = .contact
        case 3: self = .feedback
        case 4: self = .section(try reader.read())
        case 5: self = .leadership
        case 6: self = .organisation
        case 7: self = .disclosure
        case 8: self = .procedure
        case 9: self = .post(section: try reader.read())
        case let tag: throw reader.invalidTag(tag, "PageKind")
        }
    }
}

extension SectionKind: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        switch self {
        case .organisationOverview: writer.writeByte(0)
        case .organisations: writer.writeByte(1)
        case .disclosures: writer.writeByte(2)
        case .disclosureYear(let year):
            writer.writeByte(3)
            writer.write(year)
        case .procedures: writer.writeByte(4)
        case .posts(let section):
            writer.writeByte(5)
            writer.write(section)
        case .plain: writer.writeByte(6)
        }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case 0: self = .organisationOverview
        case 1: self = .organisations
        case 2: self = .disclosures
        case 3: self = .disclosureYear(try reader.read())
        case 4: self = .procedures
        case 5: self = .posts(section: try reader.read())
        case 6: self = .plain
        case let tag: throw reader.invalidTag(tag, "SectionKind")
        }
    }
}

extension SchoolYear: CacheCodable {
    func encode(to writer: inout CacheWriter) { writer.write(startYear) }

    init(from reader: inout CacheReader) throws(CacheFormatError) { self.init(startYear: try reader.read()) }
}

extension ContentDate: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(epochSeconds)
        writer.write(utcOffset)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(epochSeconds: try reader.read(), utcOffset: try reader.read())
    }
}
