import Foundation
import Testing

@testable import EduSite

@Suite struct CacheCodingTests {
    static func encode(_ pages: [Page]) -> [UInt8] {
        var writer = CacheWriter()
        writer.write(pages)
        return writer.encoded()
    }

    static func decode(_ bytes: [UInt8], bodies: BodyStore? = nil) throws(CacheFormatError) -> [Page] {
        var reader = try CacheReader(bytes: bytes, bodies: bodies)
        let pages: [Page] = try reader.read()
        try reader.finish()
        return pages
    }

    /// Equal, and equal in what `==` leaves out: a body's storage and text (its `==` compares only
    /// size and hash) and the bits of doubles (`-0.0 == 0.0`), which the same bytes on re-encoding show.
    static func expectSame(_ decoded: [Page], _ original: [Page]) {
        #expect(decoded.count == original.count)
        for (decoded, original) in zip(decoded, original) {
            #expect(decoded == original, "\(original.source)")
            #expect(decoded.body.html.storedOffset == original.body.html.storedOffset, "\(original.source)")
            #expect(decoded.body.html.string == original.body.html.string, "\(original.source)")
            #expect(decoded.tags.map(\.slug) == original.tags.map(\.slug), "\(original.source)")
        }
        #expect(encode(decoded) == encode(original))
    }

    static func exampleSitePages(bodies: BodyStore? = nil) throws -> [Page] {
        let example = ExampleSite()
        let loaded = SiteLoader(fileSystem: example.fileSystem().0, bodies: bodies)
            .load(root: "/site", options: example.options())
        return try #require(loaded.site).pages
    }

    // MARK: Round trips

    @Test func exampleSitePagesComeBackEqual() throws {
        let pages = try Self.exampleSitePages()
        #expect(pages.count > 20)
        Self.expectSame(try Self.decode(Self.encode(pages)), pages)
    }

    @Test func bodiesKeptInTheBodyFileComeBackAsHandlesIntoIt() throws {
        let file = NSTemporaryDirectory() + "edusite-cache-test-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let store = try BodyStore(file: file, reset: true)
        let pages = try Self.exampleSitePages(bodies: store)
        #expect(pages.allSatisfy { $0.body.html.storedOffset != nil })
        let bytes = Self.encode(pages)
        Self.expectSame(try Self.decode(bytes, bodies: store), pages)

        // The same file opened again by the next build.
        let reopened = try BodyStore(file: file, reset: false)
        Self.expectSame(try Self.decode(bytes, bodies: reopened), pages)

        #expect(throws: CacheFormatError.self) { try Self.decode(bytes, bodies: nil) }
        let emptied = try BodyStore(file: file, reset: true)
        #expect(throws: CacheFormatError.self) { try Self.decode(bytes, bodies: emptied) }
    }

    @Test func handMadePagesComeBackEqual() throws {
        let pages = HandMadePages.all
        Self.expectSame(try Self.decode(Self.encode(pages)), pages)
        let decoded = try Self.decode(Self.encode([HandMadePages.full]))[0]
        #expect(decoded.attachments[1].declaredAt.path == "site.yaml")
        #expect(decoded.people[1].location.path == "")
        #expect(decoded.body.links[3].reference.location.path == "content/_index.md")
        #expect(decoded.keyLocations["title"]?.path == HandMadePages.source)
        #expect(decoded.params["âm không"] == .double(-0.0))
        if case .double(let zero) = decoded.params["âm không"] { #expect(zero.sign == .minus) }
    }

    @Test(arguments: [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 1 << 40, Int.max, Int.min])
    func integersComeBackEqual(value: Int) throws {
        var writer = CacheWriter()
        writer.write(value)
        writer.write(Int64(value))
        writer.write(UInt64(bitPattern: Int64(value)))
        var reader = try CacheReader(bytes: writer.encoded())
        #expect(try reader.read(Int.self) == value)
        #expect(try reader.read(Int64.self) == Int64(value))
        #expect(try reader.read(UInt64.self) == UInt64(bitPattern: Int64(value)))
        try reader.finish()
    }

    @Test func smallIntegersTakeOneByte() {
        var writer = CacheWriter()
        writer.write(-64)
        writer.write(63)
        #expect(writer.encoded().count == CacheWriter.header.count + 1 + 2)
    }

    @Test func notANumberKeepsItsBits() throws {
        let nan = Double(nan: 0x1234, signaling: false)
        var writer = CacheWriter()
        writer.write(nan)
        var reader = try CacheReader(bytes: writer.encoded())
        #expect(try reader.read(Double.self).bitPattern == nan.bitPattern)
    }

    @Test func dictionariesAreWrittenInKeyOrder() {
        var forward: [String: Int] = [:]
        var backward: [String: Int] = [:]
        let keys = (0..<50).map { "khóa \($0)" }
        for key in keys { forward[key] = key.count }
        for key in keys.reversed() { backward[key] = key.count }
        var first = CacheWriter()
        first.write(forward)
        var second = CacheWriter()
        second.write(backward)
        #expect(first.encoded() == second.encoded())
    }

    // MARK: Damage

    @Test func everyTruncationThrows() throws {
        let bytes = Self.encode([HandMadePages.full, HandMadePages.empty])
        let readable = (0..<bytes.count).filter { length in (try? Self.decode(Array(bytes[..<length]))) != nil }
        #expect(readable == [])
        #expect(try Self.decode(bytes).count == 2)
    }

    @Test func anotherFormatOrVersionThrows() throws {
        let bytes = Self.encode([HandMadePages.full])
        for index in CacheWriter.header.indices {
            var wrong = bytes
            wrong[index] &+= 1
            #expect(throws: CacheFormatError.unknownFormat) { try Self.decode(wrong) }
        }
        #expect(throws: CacheFormatError.unknownFormat) { try Self.decode([]) }
    }

    @Test func trailingBytesThrow() {
        #expect(throws: CacheFormatError.trailingBytes(offset: Self.encode([]).count)) {
            try Self.decode(Self.encode([]) + [0])
        }
    }

    /// Whatever a damaged byte becomes, reading throws or gives some page: it never crashes.
    @Test func damagedBytesNeverCrash() {
        let bytes = Self.encode([HandMadePages.full, HandMadePages.empty])
        for index in CacheWriter.header.count..<bytes.count {
            for damage: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFF, bytes[index] ^ 0x01] {
                var damaged = bytes
                damaged[index] = damage
                _ = try? Self.decode(damaged)
            }
        }
    }

    @Test func invalidValuesThrow() throws {
        /// Reads a `Value` from `values`, after a string table holding `a`: values start at offset 7.
        func read<Value: CacheCodable>(_: Value.Type, _ values: [UInt8]) throws(CacheFormatError) {
            var reader = try CacheReader(bytes: CacheWriter.header + [1, 1, 0x61] + values)
            _ = try reader.read(Value.self)
        }
        #expect(throws: CacheFormatError.invalidTag(2, type: "Bool", offset: 7)) { try read(Bool.self, [2]) }
        #expect(throws: CacheFormatError.invalidTag(2, type: "Optional", offset: 7)) { try read(Int?.self, [2, 0]) }
        #expect(throws: CacheFormatError.invalidTag(10, type: "PageKind", offset: 7)) { try read(PageKind.self, [10]) }
        #expect(throws: CacheFormatError.unknownString(offset: 7)) { try read(String.self, [1]) }
        #expect(throws: CacheFormatError.invalidNumber(offset: 7)) {
            try read(Int.self, [UInt8](repeating: 0xFF, count: 9) + [0x02])
        }
        #expect(throws: CacheFormatError.invalidCount(offset: 7)) { try read([Int].self, [3, 0, 0]) }
        #expect(throws: CacheFormatError.duplicateKey(offset: 10)) { try read([String: Int].self, [2, 0, 0, 0, 0]) }
        #expect(throws: CacheFormatError.invalidCount(offset: 4)) { try CacheReader(bytes: CacheWriter.header + [2, 0]) }
    }

    @Test func eachStringIsWrittenOnce() {
        var writer = CacheWriter()
        let path = "content/tin-tuc/khai-giảng.md"
        for line in 1...50 { writer.write(SourceLocation(path: path, line: line, column: 1)) }
        #expect(writer.encoded().count == CacheWriter.header.count + 1 + 1 + path.utf8.count + 50 * 3)
    }

    /// `é` composed and decomposed are equal as Swift strings but are different text in a file.
    @Test func canonicallyEquivalentStringsKeepTheirBytes() throws {
        let composed = "Tr\u{E9}"
        let decomposed = "Tre\u{301}"
        #expect(composed == decomposed)
        var writer = CacheWriter()
        writer.write([composed, decomposed])
        var reader = try CacheReader(bytes: writer.encoded())
        let read: [String] = try reader.read()
        #expect(read.map { Array($0.utf8) } == [Array(composed.utf8), Array(decomposed.utf8)])
    }

    @Test func deepNestingThrows() throws {
        var value = YAMLValue.null
        for _ in 0...CacheReader.maximumDepth { value = .array([value]) }
        var writer = CacheWriter()
        writer.write(value)
        var reader = try CacheReader(bytes: writer.encoded())
        #expect(throws: CacheFormatError.self) { try reader.read(YAMLValue.self) }
    }
}
