import Foundation

/// Makes upstream titles and summaries plain text: no tag, no entity, no control character, one space
/// between words, composed Unicode (NFC). The renderer escapes what comes out; nothing here is markup.
enum FeedText {
    /// Longest summary kept, in characters, the ellipsis included.
    static let summaryLimit = 300
    /// Longest title kept: a title longer than this is text that lost its way.
    static let titleLimit = 300

    /// Text whose markup is HTML (RSS titles and descriptions, Atom `type="html"`): tags stripped, then
    /// entities decoded exactly once.
    static func fromHTML(_ html: String) -> String {
        clean(decodeEntities(stripTags(html, dropScriptContent: true)))
    }

    /// Text that is already plain (Atom `type="text"`, XHTML text nodes).
    static func fromPlain(_ text: String) -> String {
        clean(text)
    }

    /// Cuts at a word boundary and ends with "…" when the text is longer than `limit` characters.
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = cut[..<space]
        }
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Whitespace collapsed, controls and invisible direction overrides removed, and, as a last guard,
    /// anything shaped like a tag removed (it can only come from markup escaped twice upstream).
    static func clean(_ text: String) -> String {
        let untagged = text.contains("<") ? stripTags(text, dropScriptContent: false) : text
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in untagged.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if isInvisible(scalar) { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(scalar)
        }
        return String(out).precomposedStringWithCanonicalMapping
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr",
        "table", "section", "article", "dd", "dt", "pre",
    ]

    /// Removes comments, tags, and (when asked) the content of `<script>` and `<style>`. A block tag
    /// leaves a space so words on both sides stay apart. An unclosed tag swallows the rest.
    static func stripTags(_ html: String, dropScriptContent: Bool) -> String {
        let scalars = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", index + 1 < scalars.count else {
                out.append(scalar)
                index += 1
                continue
            }
            let next = scalars[index + 1]
            if next == "!", starts(scalars, at: index, with: "<!--") {
                index = find(scalars, "-->", from: index + 4).map { $0 + 3 } ?? scalars.count
                continue
            }
            guard next.properties.isAlphabetic || next == "/" || next == "!" || next == "?" else {
                out.append(scalar)
                index += 1
                continue
            }
            let nameStart = next == "/" ? index + 2 : index + 1
            var nameEnd = nameStart
            while nameEnd < scalars.count, scalars[nameEnd].properties.isAlphabetic || ("0"..."9").contains(scalars[nameEnd]) {
                nameEnd += 1
            }
            let name = String(String.UnicodeScalarView(scalars[nameStart..<nameEnd])).lowercased()
            let tagEnd = endOfTag(scalars, from: index + 1)
            index = tagEnd
            if dropScriptContent, next != "/", name == "script" || name == "style" {
                index = find(scalars, "</" + name, from: index, caseInsensitive: true).map { endOfTag(scalars, from: $0 + 1) }
                    ?? scalars.count
            }
            if blockTags.contains(name) { out.append(" ") }
        }
        return String(out)
    }

    private static func endOfTag(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == ">" {
                return index + 1
            }
            index += 1
        }
        return scalars.count
    }

    private static func starts(_ scalars: [Unicode.Scalar], at index: Int, with text: String) -> Bool {
        let needle = Array(text.unicodeScalars)
        guard index + needle.count <= scalars.count else { return false }
        return scalars[index..<index + needle.count].elementsEqual(needle)
    }

    private static func find(_ scalars: [Unicode.Scalar], _ text: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
        let needle = Array((caseInsensitive ? text.lowercased() : text).unicodeScalars)
        guard !needle.isEmpty, scalars.count >= needle.count, start <= scalars.count - needle.count else { return nil }
        for index in start...(scalars.count - needle.count) {
            var matched = true
            for offset in 0..<needle.count {
                var candidate = scalars[index + offset]
                if caseInsensitive, ("A"..."Z").contains(candidate) {
                    candidate = Unicode.Scalar(candidate.value + 32) ?? candidate
                }
                if candidate != needle[offset] {
                    matched = false
                    break
                }
            }
            if matched { return index }
        }
        return nil
    }

    /// Decodes `&name;`, `&#123;` and `&#x7B;` once; anything else stays as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&", let (value, length) = entity(in: scalars, at: index) else {
                out.append(scalars[index])
                index += 1
                continue
            }
            out.append(value)
            index += length
        }
        return String(out)
    }

    /// The character an entity at `index` stands for and how many scalars it spans.
    static func entity(in scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        guard let semicolon = scalars[(index + 1)...].prefix(33).firstIndex(of: ";"), semicolon > index + 1 else {
            return nil
        }
        let body = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
        let length = semicolon - index + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32? =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return nil }
            // A reference to nothing printable (NUL, a surrogate) is a replacement character, never a control.
            guard value != 0, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", length) }
            return (scalar, length)
        }
        if body == "apos" { return ("'", length) }
        guard let value = HTMLEntities.codePoints[body], let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}
