import Foundation
import Testing

@testable import EduSite

/// Input built to exhaust a reader: every place where recursion or memory follows the input is
/// bounded, with a located finding or a result of bounded size. Before the limits, the deep YAML
/// here ended the process with signal 11.
@Suite struct HostileInputTests {
    static let brackets = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)

    /// A named input, so that a failure does not print 100 KB of brackets.
    struct Hostile: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let expected: String
        var testDescription: String { name }
        init(_ name: String, _ text: String, _ expected: String = "") {
            self.name = name
            self.text = text
            self.expected = expected
        }
    }

    @Test(arguments: [
        // The first collection past the 64th level is reported ("code@line:col").
        Hostile("flow lists", "a: " + brackets + "\n", "E012@1:\(4 + 63)"),
        Hostile("flow groups", String(repeating: "{a: ", count: 25_000) + String(repeating: "}", count: 25_000), "E012@1:\(1 + 64 * 4)"),
        Hostile(
            "indented groups",
            (0..<200).map { String(repeating: "  ", count: $0) + "a:\n" }.joined() + String(repeating: "  ", count: 200) + "x\n",
            "E012@65:\(1 + 64 * 2)"),
        Hostile("list items on one line", String(repeating: "- ", count: 50_000) + "x\n", "E012@1:\(1 + 64 * 2)"),
        // An alias of a deep anchor inside deep lists is as deep as both.
        Hostile(
            "alias of a deep anchor",
            "a: &a " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\nb: "
                + String(repeating: "[", count: 40) + "*a" + String(repeating: "]", count: 40) + "\n", "E012@2:44"),
        // Billion laughs: ten aliases of ten aliases of … stop at the alias budget, unexpanded.
        Hostile(
            "billion laughs",
            "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
                + (1...9).map { level in
                    "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
                }.joined(), "E008@5:45"),
    ])
    func yamlNestingIsLimited(_ hostile: Hostile) {
        let errors = YAMLTest.diagnostics { _ = try YAMLTest.parse(hostile.text) }
        #expect(YAMLTest.summary(errors) == [hostile.expected])
        #expect(errors.first?.hint != nil)
    }

    @Test func sixtyFourLevelsAreAllowed() throws {
        let text = "a: " + String(repeating: "[", count: 63) + "x" + String(repeating: "]", count: 63) + "\n"
        let node = try #require(try YAMLTest.parse(text))
        let value = try YAMLDecoder().decode([String: YAMLValue].self, from: node)
        var depth = 0
        var current = value["a"]
        while case .array(let items)? = current {
            depth += 1
            current = items.first
        }
        #expect(depth == 63 && current == .string("x"))
    }

    @Test(arguments: [
        Hostile("50,000 nested blockquotes", String(repeating: "> ", count: 50_000) + "x\n"),
        Hostile("50,000 nested list items", String(repeating: "- ", count: 50_000) + "x\n"),
        Hostile("3,000 indented list levels", (0..<3_000).map { String(repeating: "  ", count: $0) + "- x\n" }.joined()),
        Hostile("50,000 emphasis marks", String(repeating: "*", count: 50_000) + "x" + String(repeating: "*", count: 50_000) + "\n"),
        Hostile("50,000 nested links", String(repeating: "[", count: 50_000) + "x" + String(repeating: "](y)", count: 50_000) + "\n"),
    ])
    func deepMarkdownRendersInBoundedTime(_ hostile: Hostile) {
        let text = hostile.text
        let start = ContinuousClock.now
        let document = MarkdownRenderer(options: MarkdownOptions())
            .render(ArraySlice(text.utf8), path: "content/a.md", firstLine: 1)
        #expect(!document.html.isEmpty)
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func deepFeedXMLIsRefused() {
        let deep = "<rss><channel>" + String(repeating: "<a>", count: 200_000) + String(repeating: "</a>", count: 200_000)
            + "</channel></rss>"
        #expect(throws: FeedParseError.self) {
            try FeedDocumentParser.parse(Array(deep.utf8), sourceURL: "https://example.org/rss", httpCharset: nil)
        }
    }

    /// Found by scripts/fuzz (Tests/Fuzz/crashes/feed/): a processing instruction without data ended
    /// the process with signal 11 inside FoundationXML.
    @Test(arguments: ["<?x?>", "<?x ?>", "<?xml-stylesheet href=\"a.xsl\"?>", "<?xml?>", "<\u{0}?x?>", "<\u{FFFE}?x\u{0}?>"])
    func processingInstructionsAreDropped(_ instruction: String) throws {
        let feed = "<?xml version=\"1.0\"?>\(instruction)<rss version=\"2.0\"><channel>\(instruction)<title>T</title>"
            + "<item><title>Một\(instruction)</title><link>https://example.org/1</link></item></channel></rss>"
        let parsed = try FeedDocumentParser.parse(Array(feed.utf8), sourceURL: "https://example.org/rss", httpCharset: nil)
        #expect(parsed.items.map(\.title) == ["Một"])
    }

    @Test func feedWithHugeAttributeCountIsBounded() {
        let attributes = (0..<100_000).map { " a\($0)=\"x\"" }.joined()
        let feed = "<rss version=\"2.0\"><channel><title>T</title><item\(attributes)><title>Một</title><link>https://example.org/1</link></item></channel></rss>"
        let start = ContinuousClock.now
        let parsed = try? FeedDocumentParser.parse(Array(feed.utf8), sourceURL: "https://example.org/rss", httpCharset: nil)
        // Either read (one item) or refused; never a crash, and quickly.
        #expect(parsed == nil || parsed?.items.count == 1)
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func partialThatIncludesItselfStopsAtTheDepthLimit() {
        let library = TemplateLibrary(templates: [("main", "<{{> main}}>")])
        let html = String(decoding: library.render(NoFields(), template: "main") ?? [], as: UTF8.self)
        #expect(html == String(repeating: "<", count: TemplateRenderer.maxPartialDepth + 1)
            + String(repeating: ">", count: TemplateRenderer.maxPartialDepth + 1))
    }

    @Test func partialCyclesThroughOtherPartialsAreFound() {
        func template(_ name: String, _ text: String) -> ThemeFiles.Template {
            ThemeFiles.Template(name: name, text: text, displaySource: "layouts/\(name).mustache")
        }
        let diagnostics = ContentChecker().partialCycles([
            template("page", "{{> a}}"), template("a", "x\n {{#k}}{{> b}}{{/k}}"), template("b", "{{> a}}"),
        ])
        #expect(diagnostics.map { "\($0.code)@\($0.location?.path ?? ""):\($0.location?.line ?? 0)" }
            == ["E303@layouts/a.mustache:2", "E303@layouts/b.mustache:1"])
    }
}

private struct NoFields: TemplateObject {
    func field(_ key: String) -> TemplateValue { .none }
}
