import Foundation
import Testing

@testable import EduSite

/// `serve` survives every input that `build` rejects (issue 10, point 3): each hostile file, saved
/// while a session runs, leaves it answering with the last good pages and reporting the error, and a
/// good save afterwards brings it back. Before the nesting limits the deep YAML ended the process.
@Suite struct ServeHostileInputTests {
    struct Save: Sendable, CustomTestStringConvertible {
        let name: String
        let path: String
        let bytes: [UInt8]
        /// The finding's code, or nil when the build accepts the file (it must still come out bounded).
        let code: DiagnosticCode?
        var testDescription: String { name }
    }

    static let post = "content/tin-tuc/khai-giang.md"
    static let header = "---\ntitle: Khai giảng\ndate: 2026-09-05\n"

    static let saves: [Save] = [
        Save(
            name: "deep YAML in front matter", path: post,
            bytes: Array((header + "tags: " + HostileInputTests.brackets + "\n---\nx\n").utf8), code: .yamlTooDeep),
        Save(
            name: "deep YAML in site.yaml", path: "site.yaml",
            bytes: Array((Sites.siteYAML + "params: " + String(repeating: "{a: ", count: 25_000) + String(repeating: "}", count: 25_000) + "\n").utf8),
            code: .yamlTooDeep),
        Save(name: "100,000 nested blockquotes", path: post, bytes: Array((header + "---\n" + String(repeating: ">", count: 100_000) + " x\n").utf8), code: nil),
        Save(name: "binary garbage", path: post, bytes: garbage(count: 64 << 10), code: .yamlNotUTF8),
        Save(name: "invalid UTF-8", path: post, bytes: Array(header.utf8) + [0xC3, 0x28, 0xFF, 0x0A] + Array("---\nx\n".utf8), code: .yamlNotUTF8),
        Save(
            name: "a 50 MB line", path: post,
            bytes: Array((header + "---\n").utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20) + [0x0A], code: nil),
        Save(name: "a partial that includes itself", path: "layouts/partials/vong.mustache", bytes: Array("{{> partials/vong}}\n".utf8), code: .partialCycle),
    ]

    /// Random bytes (fixed seed) that are not UTF-8: a zero byte and stray continuation bytes first.
    static func garbage(count: Int) -> [UInt8] {
        var random = SplitMix64(seed: 10)
        return [0x00, 0x80, 0xFE] + (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    @Test(arguments: saves)
    func serveKeepsAnsweringAndRecovers(_ save: Save) throws {
        let (session, fileSystem) = ServeSessionTests.session()
        #expect(session.rebuild().files != nil)
        let good = try? fileSystem.readFile("/site/" + save.path)
        let page = HTTPServer.Request(method: "GET", path: "/tin-tuc/khai-giang/")

        try fileSystem.writeFile("/site/" + save.path, save.bytes)
        let hostile = session.rebuild()
        let answer = try #require(ServeSessionTests.body(session.respond(to: page)))
        if let code = save.code {
            #expect(hostile.files == nil)
            guard case .failed(let lines) = session.hub.currentState else {
                Issue.record("expected a failed state, got \(session.hub.currentState)")
                return
            }
            #expect(lines.first?.hasPrefix(save.path + ":") == true, "\(lines)")
            #expect(lines.first?.contains("error[\(code)]") == true, "\(lines)")
            // The last good page is still served.
            #expect(answer.0 == 200 && answer.1.contains("Khai giảng năm học mới"))
        } else {
            #expect(session.hub.currentState == .ok)
            #expect(answer.0 == 200)
        }

        // The good save: the page with a new title, or the file gone again.
        if let good {
            let text = String(decoding: good, as: UTF8.self).replacingOccurrences(of: "Khai giảng năm học mới", with: "Đã sửa")
            try fileSystem.writeFile("/site/" + save.path, Array(text.utf8))
        } else {
            try fileSystem.removeItem("/site/" + save.path)
        }
        #expect(session.rebuild().files != nil)
        #expect(session.hub.currentState == .ok)
        let mended = try #require(ServeSessionTests.body(session.respond(to: page)))
        #expect(mended.0 == 200)
        if save.path == Self.post { #expect(mended.1.contains("Đã sửa")) }
    }
}
