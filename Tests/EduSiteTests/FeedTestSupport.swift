import Foundation

@testable import EduSite

enum FeedFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/feeds")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// 2025-09-07 10:00 +07:00, the "now" of every feed test.
    static let now = SiteTimeZone.hoChiMinh.date(DateTimeValue(year: 2025, month: 9, day: 7, hour: 10))

    static let billionLaughs: String = {
        var doc = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        doc += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">"
        for level in 2...9 { doc += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">" }
        return doc + "]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>"
    }()

    static let externalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>x</title>
        <item><title>leak: &secret;</title><link>https://example.org/a</link><description>&secret;</description></item>
        </channel></rss>
        """

    /// Every link of a snapshot or item list must be a web address, no text may carry what an external
    /// entity read, and no summary is longer than the limit. (A `<` in a text is text: the page escapes it.)
    static func assertSafe(_ items: [UpstreamItem]) -> Bool {
        items.allSatisfy { item in
            let texts = [item.title, item.summary ?? ""]
            let textsSafe = texts.allSatisfy { !$0.contains("root:") && !$0.unicodeScalars.contains { $0.value < 0x20 } }
            let linkSafe = item.link.map { $0.hasPrefix("http://") || $0.hasPrefix("https://") } ?? true
            return textsSafe && linkSafe && (item.summary?.count ?? 0) <= 300
        }
    }
}
