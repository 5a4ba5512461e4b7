import Foundation
import Testing

@testable import EduSite

/// The build cache's files on their own: the index and its records, the patches of quick rebuilds,
/// and the body marker that lets a quick rebuild put a body in place.
@Suite struct BuildCacheFileTests {
    private static func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "edusite-cache-\(UUID().uuidString)"
        try FileSystem.live.createDirectory(folder)
        return folder
    }

    /// A cache of the hand-made pages, their records written to `records`.
    private static func sampleCache(records: RecordsWriter) -> BuildCache {
        let pages = HandMadePages.all
        var cache = BuildCache(
            tool: ContentHash.of("tool"), startedAt: 1_700_000_000_000_000_000, outputFolder: "/srv/public",
            resolutionKey: ContentHash.of("resolution"),
            pages: pages.enumerated().map { offset, page in
                // Each record of a cache is a file of its own.
                BuildCache.PageRecord(
                    source: "content/trang-\(offset).md", stamp: PageFileStamp(size: 100 + offset, modifiedNanoseconds: Int64(offset), contentHash: ContentHash.of("\(offset)")),
                    path: page.path, bodyOffset: offset.isMultiple(of: 2) ? 1000 + offset : nil,
                    record: records.append(PageRecordCoding.encode(page)))
            },
            outputs: ["index.html": ContentHash.of("home"), "tin-tuc/index.html": ContentHash.of("list")],
            copies: ["css/edusite.css": .init(source: "/theme/css/edusite.css", size: 12, modifiedNanoseconds: 3)],
            liveBodyBytes: 4096)
        cache.inputsKey = ContentHash.of("inputs")
        cache.fileListKey = ContentHash.of("files")
        cache.manifestFiles = ["/manifests/hcm-portal.yaml"]
        cache.diagnostics = [
            Diagnostic(.brokenLink, .warning, Words(vi: "một phát hiện", en: "a finding"), at: SourceLocation(path: "content/a.md", line: 3, column: 4), hint: Words(vi: "sửa nó", en: "fix it"),
                       related: [SourceLocation(path: "content/b.md", line: 1, column: 1)], rule: "rule-1")
        ]
        cache.complianceSummary = Words(vi: "đạt 16/16 yêu cầu", en: "16 of 16 requirements met")
        cache.pageCount = 144
        cache.linkTargetList = ["/", "/tin-tuc/"]
        return cache
    }

    @Test func theIndexAndItsRecordsComeBackAsWritten() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileSystem.live.removeItem(folder) }
        let writer = try RecordsWriter(path: folder + "/pages", generation: 42)
        let cache = Self.sampleCache(records: writer)
        #expect(writer.close())
        let index = cache.index(generation: 42).flatMap { $0 }
        var read = try BuildCache(index: index, records: try RecordsFile(path: folder + "/pages"))
        let outputsRead = read.readOutputs()
        #expect(outputsRead)
        #expect(read.generation == 42 && read.tool == cache.tool && read.startedAt == cache.startedAt)
        #expect(read.inputsKey == cache.inputsKey && read.fileListKey == cache.fileListKey)
        #expect(read.manifestFiles == cache.manifestFiles && read.diagnostics == cache.diagnostics)
        #expect(read.complianceSummary == cache.complianceSummary && read.pageCount == 144)
        #expect(read.outputs == cache.outputs && read.copies == cache.copies)
        #expect(read.linkTargets() == ["/", "/tin-tuc/"])
        #expect(read.pages.map(\.source) == cache.pages.map(\.source))
        #expect(read.pages.map(\.stamp) == cache.pages.map(\.stamp))
        #expect(read.pages.map(\.bodyOffset) == cache.pages.map(\.bodyOffset))
        let bodies = try BodyStore(file: folder + "/bodies", reset: true)
        for (record, page) in zip(read.pages, HandMadePages.all) {
            #expect(read.page(record, bodies: bodies) == page)
        }
    }

    @Test func anIndexOfAnotherRecordsFileIsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileSystem.live.removeItem(folder) }
        let first = try RecordsWriter(path: folder + "/pages", generation: 1)
        _ = Self.sampleCache(records: first)
        #expect(first.close())
        let second = try RecordsWriter(path: folder + "/other", generation: 2)
        let index = Self.sampleCache(records: second).index(generation: 2).flatMap { $0 }
        #expect(second.close())
        #expect(throws: CacheFormatError.self) { try BuildCache(index: index, records: RecordsFile(path: folder + "/pages")) }
        // Every shorter index throws; none crashes.
        let records = try RecordsFile(path: folder + "/other")
        for length in stride(from: 0, to: index.count, by: max(1, index.count / 200)) {
            #expect(throws: CacheFormatError.self) { try BuildCache(index: Array(index[..<length]), records: records) }
        }
    }

    @Test func patchesAreReadBackInOrderAndApplied() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileSystem.live.removeItem(folder) }
        let writer = try RecordsWriter(path: folder + "/pages", generation: 7)
        let index = Self.sampleCache(records: writer).index(generation: 7).flatMap { $0 }
        #expect(writer.close())
        let records = try RecordsFile(path: folder + "/pages")
        var cache = try BuildCache(index: index, records: records)
        let source = cache.pages[1].source
        let stamp = PageFileStamp(size: 9, modifiedNanoseconds: 99, contentHash: ContentHash.of("new"))
        let first = BuildCachePatch(
            generation: 7, startedAt: 5, liveBodyBytes: 10, recordsEnd: 20, bodyFileEnd: 30,
            changes: [.init(source: source, stamp: stamp, record: 16..<28, patchedFile: "a/index.html")])
        let second = BuildCachePatch(generation: 7, startedAt: 6, liveBodyBytes: 11, recordsEnd: 20, bodyFileEnd: 30, changes: [])
        let bytes = [BuildCachePatch.beginMark] + first.encoded() + [BuildCachePatch.beginMark] + second.encoded()
        #expect(try BuildCachePatch.read(bytes) == [first, second])
        try cache.apply(try BuildCachePatch.read(bytes))
        let outputsRead = cache.readOutputs()
        #expect(outputsRead)
        #expect(cache.pages[1].stamp == stamp && cache.startedAt == 6 && cache.liveBodyBytes == 11)
        #expect(cache.outputs["a/index.html"] == ContentHash())
        // A rebuild that began and did not finish, a patch cut short, a patch of another index.
        #expect(throws: CacheFormatError.self) { try BuildCachePatch.read(bytes + [BuildCachePatch.beginMark]) }
        #expect(throws: CacheFormatError.self) { try BuildCachePatch.read(Array(bytes.dropLast())) }
        var other = try BuildCache(index: index, records: records)
        let foreign = BuildCachePatch(generation: 8, startedAt: 5, liveBodyBytes: 10, recordsEnd: 20, bodyFileEnd: 30, changes: [])
        #expect(throws: CacheFormatError.self) { try other.apply([foreign]) }
    }

    @Test func theMarkerIsFoundOnlyWhenWrittenOnceUnescaped() {
        let marker = Array(BodyMarker.text.utf8)
        let escaped = Array(HTMLEscape.escaped(BodyMarker.text).utf8)
        let before = Array("<main><div class=\"prose\">".utf8)
        let after = Array("</div></main>\n".utf8)
        #expect(BodyMarker.offset(in: before + marker + after) == before.count)
        #expect(BodyMarker.offset(in: before + marker + after + marker) == nil)
        #expect(BodyMarker.offset(in: before + marker + escaped) == nil)
        #expect(BodyMarker.offset(in: before + escaped + after) == nil)
        #expect(BodyMarker.offset(in: before + after) == nil)
        let body = Array("<p>Nội dung</p>\n".utf8)
        let page = BodyMarker.splice(body, into: before + marker + after, replacing: before.count..<before.count + marker.count)
        #expect(page == before + body + after)
        #expect(BodyMarker.canStandIn(for: body))
        #expect(!BodyMarker.canStandIn(for: Array("<p>a</p>".utf8)) && !BodyMarker.canStandIn(for: Array("<p>a</p>\r\n".utf8)))
    }
}
