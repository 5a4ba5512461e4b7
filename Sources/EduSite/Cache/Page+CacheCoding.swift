/// `Page` in the build cache. Fields are written in declaration order; `CacheWriter.formatVersion`
/// must change with any change here.
extension Page: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(source)
        writer.write(kind)
        writer.write(path)
        writer.write(title)
        writer.write(description)
        writer.write(date)
        writer.write(updated)
        writer.write(weight)
        writer.write(draft)
        writer.write(summary)
        writer.write(body)
        writer.write(tags)
        writer.write(image)
        writer.write(imageAlt)
        writer.write(attachments)
        writer.write(people)
        writer.write(organisation)
        writer.write(disclosure)
        writer.write(procedure)
        writer.write(layout)
        writer.write(params)
        writer.write(keyLocations)
    }

    convenience init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(
            source: try reader.read(),
            kind: try reader.read(),
            path: try reader.read(),
            title: try reader.read(),
            description: try reader.read(),
            date: try reader.read(),
            updated: try reader.read(),
            weight: try reader.read(),
            draft: try reader.read(),
            summary: try reader.read(),
            body: try reader.read(),
            tags: try reader.read(),
            image: try reader.read(),
            imageAlt: try reader.read(),
            attachments: try reader.read(),
            people: try reader.read(),
            organisation: try reader.read(),
            disclosure: try reader.read(),
            procedure: try reader.read(),
            layout: try reader.read(),
            params: try reader.read(),
            keyLocations: try reader.read())
    }
}

extension PageBody: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(html)
        writer.write(headings)
        writer.write(links)
        writer.write(wordCount)
        writer.write(sample)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(
            html: try reader.read(), headings: try reader.read(), links: try reader.read(),
            wordCount: try reader.read(), sample: try reader.read())
    }
}

/// A body kept in the body file is written as where it is there (the text stays in that file); a
/// body held in memory is written as its text.
extension BodyHTML: CacheCodable {
    private static let inMemoryTag: UInt8 = 0
    private static let storedTag: UInt8 = 1

    func encode(to writer: inout CacheWriter) {
        if let storedOffset {
            writer.writeByte(Self.storedTag)
            writer.write(storedOffset)
            writer.write(byteCount)
            writer.write(hash.value)
        } else {
            writer.writeByte(Self.inMemoryTag)
            writer.writeString(string)
        }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case Self.inMemoryTag:
            self.init(try reader.readString())
        case Self.storedTag:
            let start = reader.offset
            let offset = try reader.read(Int.self)
            let byteCount = try reader.read(Int.self)
            let hash = ContentHash(value: try reader.read())
            guard let store = reader.bodies, offset >= 0, byteCount >= 0, byteCount <= reader.bodyFileSize - offset
            else { throw .bodyNotInStore(offset: start) }
            self = store.body(offset: offset, byteCount: byteCount, hash: hash)
        case let tag:
            throw reader.invalidTag(tag, "BodyHTML")
        }
    }
}

extension BodyTextSample: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(hasCapitalMarker)
        writer.write(shortText)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(hasCapitalMarker: try reader.read(), shortText: try reader.read())
    }
}

extension Tag: CacheCodable {
    /// A tag exactly as it was loaded: the cache keeps the slug rather than making it again.
    init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }

    func encode(to writer: inout CacheWriter) {
        writer.write(name)
        writer.write(slug)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(name: try reader.read(), slug: try reader.read())
    }
}

extension Asset: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(source)
        writer.write(path)
        writer.write(title)
        writer.write(byteCount)
        writer.write(declaredAt)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(
            source: try reader.read(), path: try reader.read(), title: try reader.read(),
            byteCount: try reader.read(), declaredAt: try reader.read())
    }
}
