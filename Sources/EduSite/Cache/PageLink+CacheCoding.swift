/// What the Markdown body holds (headings, links) and where things stand in files, in the build cache.

extension MarkdownHeading: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(level)
        writer.write(text)
        writer.write(id)
        writer.write(line)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(level: try reader.read(), text: try reader.read(), id: try reader.read(), line: try reader.read())
    }
}

extension PageLink: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(reference)
        writer.write(target)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(reference: try reader.read(), target: try reader.read())
    }
}

extension MarkdownReference: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(kind)
        writer.write(destination)
        writer.write(location)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(kind: try reader.read(), destination: try reader.read(), location: try reader.read())
    }
}

extension MarkdownReference.Kind: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        switch self {
        case .link: writer.writeByte(0)
        case .image: writer.writeByte(1)
        }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case 0: self = .link
        case 1: self = .image
        case let tag: throw reader.invalidTag(tag, "MarkdownReference.Kind")
        }
    }
}

extension LinkTarget: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        switch self {
        case .external:
            writer.writeByte(0)
        case .sitePath(let path, let suffix):
            writer.writeByte(1)
            writer.write(path)
            writer.write(suffix)
        case .file(let source, let path, let byteCount):
            writer.writeByte(2)
            writer.write(source)
            writer.write(path)
            writer.write(byteCount)
        case .missing(let candidate):
            writer.writeByte(3)
            writer.write(candidate)
        case .outsideSite:
            writer.writeByte(4)
        }
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        switch try reader.readByte() {
        case 0: self = .external
        case 1: self = .sitePath(try reader.read(), suffix: try reader.read())
        case 2: self = .file(source: try reader.read(), path: try reader.read(), byteCount: try reader.read())
        case 3: self = .missing(candidate: try reader.read())
        case 4: self = .outsideSite
        case let tag: throw reader.invalidTag(tag, "LinkTarget")
        }
    }
}

extension SourceLocation: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(path)
        writer.write(line)
        writer.write(column)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(path: try reader.read(), line: try reader.read(), column: try reader.read())
    }
}

extension Diagnostic: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(code.rawValue)
        writer.write(severity == .error)
        writer.write(message)
        writer.write(location)
        writer.write(hint)
        writer.write(related)
        writer.write(rule)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        let code = DiagnosticCode(rawValue: try reader.read())
        let isError: Bool = try reader.read()
        self.init(
            code, isError ? .error : .warning, try reader.read() as Words, at: try reader.read(),
            hint: try reader.read() as Words?, related: try reader.read(), rule: try reader.read())
    }
}

extension Words: CacheCodable {
    func encode(to writer: inout CacheWriter) {
        writer.write(vi)
        writer.write(en)
    }

    init(from reader: inout CacheReader) throws(CacheFormatError) {
        self.init(vi: try reader.read(), en: try reader.read())
    }
}
