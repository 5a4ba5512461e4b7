import Foundation
import Testing

@testable import EduSite

/// feedparser's own test feeds (thousands of odd real-world documents), when present:
///
///     pip download --no-deps --no-binary :all: feedparser==6.0.14 -d /tmp/fp
///     tar xzf /tmp/fp/feedparser-6.0.14.tar.gz -C /tmp/fp
///     EDUSITE_FEEDPARSER_CORPUS=/tmp/fp/feedparser-6.0.14/tests swift test --filter FeedCorpus
///
/// Every file must parse or fail cleanly; a well-formed feed whose header expects an entry title must
/// give items; every link is a web address; the real markup of the `sanitize/` feeds (scripts, frames,
/// event handlers in HTML descriptions and `type="html"` text) never comes through as text. A literal
/// `<` elsewhere is text the publisher wrote (`History of the <blink> tag`), escaped when rendered.
/// `scripts/acceptance/check_feedparser.py` compares the same corpus with feedparser entry by entry.
@Suite struct FeedCorpusTests {
    static let corpus = ProcessInfo.processInfo.environment["EDUSITE_FEEDPARSER_CORPUS"]

    /// Well-formed files that expect an entry title but that we read differently on purpose.
    static func knownDifference(_ relative: String) -> String? {
        if relative == "wellformed/rss/entity_in_doctype.xml" || relative == "wellformed/rdf/doctype_contains_entity_decl.xml" {
            return "declares an entity in its DTD: refused for safety"
        }
        if relative.hasPrefix("wellformed/cdf/") || relative.hasPrefix("wellformed/base/cdf_") {
            return "Microsoft CDF (1997) is not a dialect we read"
        }
        if relative.hasPrefix("wellformed/atom10/entry_source_title") {
            return "the only title is the one of the entry's <source> feed: the entry itself has none"
        }
        if relative.hasPrefix("wellformed/sanitize/entry_title_on") {
            return "the title is only an <img> tag: no text, no link, so no item"
        }
        return nil
    }

    struct Tally: CustomStringConvertible {
        var files = 0
        var parsed = 0
        var failed: [String: Int] = [:]
        var items = 0
        var expectingTitles = 0
        var expectingTitlesWithItems = 0
        var missing: [String] = []
        var unsafe: [String] = []
        /// Titles or summaries that keep a `<` as text ("1 < 2", "<blink>"): escaped by the renderer.
        var literalLessThan: [String] = []
        var wellformedFailures: [String] = []

        var description: String {
            let failures = failed.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            return "\(files) files, \(parsed) parsed (\(items) items), failed {\(failures)}; "
                + "\(expectingTitlesWithItems)/\(expectingTitles) well-formed feeds with titled entries gave items; "
                + "missing: \(missing); unsafe: \(unsafe); literal '<' kept as text: \(literalLessThan); "
                + "well-formed files refused: \(wellformedFailures)"
        }
    }

    @Test(.enabled(if: corpus != nil, "set EDUSITE_FEEDPARSER_CORPUS to feedparser's tests/ folder"))
    func corpusIsReadSafely() throws {
        let root = try #require(Self.corpus)
        var tally = Tally()
        for folder in ["wellformed", "illformed", "encoding", "entities"] {
            let base = URL(fileURLWithPath: root).appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { continue }
            let files = walker.compactMap { $0 as? URL }.filter { ["xml", "rdf", "atom", "rss"].contains($0.pathExtension) }
            for file in files.sorted(by: { $0.path < $1.path }) {
                let relative = folder + "/" + file.path.dropFirst(base.path.count + 1)
                guard let data = try? Data(contentsOf: file) else { continue }
                tally.files += 1
                check(Array(data), relative: relative, tally: &tally)
            }
        }
        print("feedparser corpus: \(tally)")
        #expect(tally.files > 1000)
        #expect(tally.unsafe.isEmpty)
        #expect(tally.missing.isEmpty)
    }

    /// A well-formed file whose header expects an entry title, or whose text has an `<item>` or
    /// `<entry>` with a non-empty `<title>`.
    static func hasTitledEntry(_ bytes: [UInt8], relative: String, expect: String) -> Bool {
        guard relative.hasPrefix("wellformed/") else { return false }
        if expect.range(of: #"entries\[0\]\[?'?\.?title'?\]? == u?'[^']"#, options: .regularExpression) != nil { return true }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.range(
            of: #"<(item|entry)[\s>](?:(?!</(item|entry)>)[\s\S])*?<title[^>]*>\s*[^<\s]"#, options: .regularExpression) != nil
    }

    /// A `<` that a browser could read as the start of a tag, a comment or a declaration.
    static func hasMarkup(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.dropLast().contains { index in
            scalars[index] == "<" && (scalars[index + 1].properties.isAlphabetic || "/!?".unicodeScalars.contains(scalars[index + 1]))
        }
    }

    private func check(_ bytes: [UInt8], relative: String, tally: inout Tally) {
        let header = String(decoding: bytes.prefix(1024), as: UTF8.self)
        let expect = header.components(separatedBy: "\n").first { $0.contains("Expect:") } ?? ""
        let contentType = header.components(separatedBy: "\n").first { $0.lowercased().contains("content-type:") }
        let charset = FeedTextEncoding.charset(fromContentType: contentType)
        let expectsTitle = Self.hasTitledEntry(bytes, relative: relative, expect: expect)
        if expectsTitle { tally.expectingTitles += 1 }
        do {
            let feed = try FeedDocumentParser.parse(bytes, sourceURL: "http://127.0.0.1/feed.xml", httpCharset: charset)
            tally.parsed += 1
            tally.items += feed.items.count
            if expectsTitle {
                if feed.items.isEmpty {
                    if Self.knownDifference(relative) == nil { tally.missing.append(relative) }
                } else {
                    tally.expectingTitlesWithItems += 1
                }
            }
            let texts = [feed.title] + feed.items.flatMap { [$0.title, $0.summary ?? ""] }
            let realMarkup = relative.hasPrefix("wellformed/sanitize/") && texts.contains(where: Self.hasMarkup)
            if realMarkup || feed.items.contains(where: { !($0.link.map(FeedLink.isSafe) ?? true) }) {
                tally.unsafe.append(relative)
            } else if texts.contains(where: { $0.contains("<") }) {
                tally.literalLessThan.append(relative)
            }
        } catch {
            let kind =
                switch error {
                case .malformedXML: "malformed"
                case .notAFeed: "not a feed"
                case .entityDeclarations: "entity declarations"
                case .empty: "empty"
                case .tooLarge: "too large"
                }
            tally.failed[kind, default: 0] += 1
            if relative.hasPrefix("wellformed/") { tally.wellformedFailures.append("\(relative) (\(kind))") }
            if expectsTitle, Self.knownDifference(relative) == nil { tally.missing.append(relative + " (\(error))") }
        }
    }
}
