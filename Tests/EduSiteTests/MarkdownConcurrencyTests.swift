import CCmarkGFM
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import EduSite

/// cmark-gfm with extensions is not thread-safe (see `CmarkRuntime`): render many documents that use
/// every extension on all cores and compare each with a serial render, byte for byte.
@Suite(.serialized) struct MarkdownConcurrencyTests {
    static func document(_ index: Int) -> String {
        let words = ["Trường", "học", "sinh", "Đội", "thiếu", "niên", "công", "khai", "năm", "lớp"]
        let word = words[index % words.count]
        var text = "# Tiêu đề \(index) \(word)\n\n"
        text += "Đoạn ~~cũ \(index)~~ với www.site\(index).vn và https://a.vn/\(index) và **\(word)**.\n"
        if index % 2 == 0 { text += "\n| Cột | \(word) |\n|---|---|\n| ~~x~~ | www.t\(index).vn |\n" }
        if index % 3 == 0 { text += "\n- [x] việc ~~\(index)~~\n- [ ] chưa: lienhe\(index)@truong.vn\n" }
        if index % 5 == 0 { text += "\nGhi chú[^n].\n\n[^n]: Chú thích ~~\(index)~~.\n" }
        if index % 7 == 0 { text += "\n## \(word)\n\n## \(word)\n\n![ảnh](a\(index).png) [liên kết](b/\(index).md)\n" }
        for paragraph in 0..<(index % 4) {
            text += "\nThêm đoạn \(paragraph) ~~gạch~~ và https://x.vn/\(paragraph)/\(index) nữa.\n"
        }
        return text
    }

    static let documents: [[UInt8]] = (0..<2_000).map { Array(document($0).utf8) }

    static func renderConcurrently(_ renderer: MarkdownRenderer, _ documents: [[UInt8]]) -> [MarkdownDocument] {
        let results = Mutex<[MarkdownDocument?]>(Array(repeating: nil, count: documents.count))
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            let rendered = renderer.render(documents[index][...], path: "p\(index).md", firstLine: 1) { url, _ in
                url.hasSuffix(".md") ? "/" + url.dropLast(3) + "/" : nil
            }
            results.withLock { $0[index] = rendered }
        }
        return results.withLock { $0.map { $0! } }
    }

    static func renderSerially(_ renderer: MarkdownRenderer, _ documents: [[UInt8]]) -> [MarkdownDocument] {
        documents.enumerated().map { index, bytes in
            renderer.render(bytes[...], path: "p\(index).md", firstLine: 1) { url, _ in
                url.hasSuffix(".md") ? "/" + url.dropLast(3) + "/" : nil
            }
        }
    }

    @Test func concurrentRenderEqualsSerialRender() {
        let renderer = MarkdownRenderer(options: MarkdownOptions())
        let serial = Self.renderSerially(renderer, Self.documents)
        #expect(serial[0].html.contains("<del>cũ 0</del>"))
        #expect(serial[0].html.contains(#"<a href="http://www.site0.vn">"#))
        for round in 0..<2 {
            let concurrent = Self.renderConcurrently(renderer, Self.documents)
            let differing = (0..<serial.count).filter { serial[$0] != concurrent[$0] }
            #expect(differing.isEmpty, "round \(round): \(differing.count) documents differ, first \(differing.prefix(5))")
        }
    }

    @Test func unsafeModeConcurrentRenderEqualsSerialRender() {
        let renderer = MarkdownRenderer(options: MarkdownOptions(unsafe: true))
        let documents = Array(Self.documents.prefix(500))
        #expect(Self.renderConcurrently(renderer, documents) == Self.renderSerially(renderer, documents))
    }

    #if os(Linux)
        /// Resident memory in bytes, from `/proc/self/statm`.
        static func residentBytes() throws -> Int {
            let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
            let pages = Int(statm.split(separator: " ")[1]) ?? 0
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        }

        /// Everything cmark allocates (parser, tree, detached heading nodes, rendered buffer) is freed:
        /// 20,000 renders after a warm-up leave resident memory flat. Leaking even one heading node
        /// (~150 bytes) per render would add ~3 MB.
        @Test func renderingDoesNotLeak() throws {
            let renderer = MarkdownRenderer(options: MarkdownOptions())
            let documents = Array(Self.documents.prefix(100))
            func renderAll() {
                for (index, bytes) in documents.enumerated() {
                    _ = renderer.render(bytes[...], path: "p.md", firstLine: 1) { _, _ in "/x-\(index)/" }
                }
            }
            for _ in 0..<20 { renderAll() }
            let before = try Self.residentBytes()
            for _ in 0..<200 { renderAll() }
            let after = try Self.residentBytes()
            #expect(after - before < 2 * 1024 * 1024, "resident memory grew by \(after - before) bytes")
        }
    #endif

    /// Measurements, not assertions; run with `EDUSITE_BENCH=1 swift test -c release --filter MarkdownBench`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["EDUSITE_BENCH"] != nil))
    func markdownBench() {
        let clock = ContinuousClock()
        func time(_ label: String, repeat count: Int = 3, _ body: () -> Void) -> Double {
            var best = Double.infinity
            for _ in 0..<count {
                let elapsed = clock.measure(body)
                best = min(best, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1e3)
            }
            print("BENCH \(label): \(String(format: "%.2f", best)) ms")
            return best
        }
        var renderer = MarkdownRenderer(options: MarkdownOptions())
        let serial = Self.renderSerially(renderer, Self.documents)

        // Without the lock: how many pages come out wrong?
        renderer.lockScope = .none
        var wrong = 0
        for _ in 0..<5 {
            let unlocked = Self.renderConcurrently(renderer, Self.documents)
            wrong += (0..<serial.count).filter { serial[$0] != unlocked[$0] }.count
        }
        print("BENCH unlocked parse: \(wrong) of \(5 * serial.count) pages differ from the serial render")

        // Rendering outside the lock (parse locked): must stay exact.
        renderer.lockScope = .parse
        var renderDiffs = 0
        for _ in 0..<5 {
            let locked = Self.renderConcurrently(renderer, Self.documents)
            renderDiffs += (0..<serial.count).filter { serial[$0] != locked[$0] }.count
        }
        print("BENCH parse-only lock: \(renderDiffs) of \(5 * serial.count) pages differ")

        for scope in [MarkdownRenderer.LockScope.none, .parse, .parseAndRender] {
            renderer.lockScope = scope
            _ = time("2000 pages concurrent, lock \(scope)", repeat: 5) { _ = Self.renderConcurrently(renderer, Self.documents) }
        }
        renderer.lockScope = .parse
        _ = time("2000 pages serial, lock parse", repeat: 5) { _ = Self.renderSerially(renderer, Self.documents) }

        // A ~600-word page with headings, a table, links and images.
        var page = ""
        for section in 0..<6 {
            page += "## Mục \(section): Thủ tục đăng ký\n\n"
            page += String(repeating: "Học sinh và phụ huynh cần nộp hồ sơ đúng hạn theo [hướng dẫn](huong-dan.md) của nhà trường. ", count: 6) + "\n\n"
            page += "| Hồ sơ | Hạn |\n|---|---|\n| Đơn ~~cũ~~ mới | 5/9 |\n\n![ảnh](anh-\(section).png)\n\n"
        }
        let bytes = Array(page.utf8)
        let document = renderer.render(bytes[...], path: "p.md", firstLine: 1)
        print("BENCH page words: \(document.wordCount), headings \(document.headings.count), refs \(document.references.count)")
        let iterations = 1_000
        let ours = time("\(iterations) x 600-word page, MarkdownRenderer") {
            for _ in 0..<iterations { _ = renderer.render(bytes[...], path: "p.md", firstLine: 1) { _, _ in "/x/" } }
        }
        let plain = time("\(iterations) x 600-word page, bare cmark parse+render (no walk, no String)") {
            for _ in 0..<iterations {
                let parser = cmark_parser_new(renderer.cmarkOptions)
                for handle in CmarkRuntime.extensions { cmark_parser_attach_syntax_extension(parser, handle.pointer) }
                bytes.withUnsafeBytes { cmark_parser_feed(parser, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
                let root = cmark_parser_finish(parser)
                cmark_parser_free(parser)
                let html = cmark_render_html(root, renderer.cmarkOptions, CmarkRuntime.extensionList.pointer)
                free(html)
                cmark_node_free(root)
            }
        }
        print("BENCH per page: ours \(String(format: "%.3f", ours / Double(iterations))) ms, bare cmark \(String(format: "%.3f", plain / Double(iterations))) ms")
        let lockOnly = time("1,000,000 uncontended lock/unlock") {
            for _ in 0..<1_000_000 { CmarkRuntime.parseLock.withLock { _ in } }
        }
        print("BENCH uncontended lock: \(String(format: "%.1f", lockOnly)) ns each")
    }
}
