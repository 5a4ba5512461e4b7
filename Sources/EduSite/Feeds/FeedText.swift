import Foundation

/// Makes upstream titles and summaries plain text, saying what the publisher wrote: real markup is
/// removed, entities are decoded once, and a literal `<` stays a `<` (the renderer escapes every text, so
/// `<đối với các cơ sở giáo dục>` is shown as written, never read as a tag). Whitespace is collapsed,
/// controls and invisible direction overrides go, and the text is composed Unicode (NFC).
enum FeedText {
    /// Longest summary kept, in characters, the ellipsis included.
    static let summaryLimit = 300
    /// Longest title kept: a title longer than this is text that lost its way.
    static let titleLimit = 300

    /// HTML (Atom `type="html"`, RSS descriptions, RSS titles that look like HTML): tags stripped (with the content of
    /// `<script>`, `<style>` and `<applet>`), then entities decoded exactly once, so `&lt;b&gt;` that was
    /// escaped twice upstream stays the characters `<b>`.
    static func fromHTML(_ html: String) -> String {
        clean(decodeEntities(stripTags(html)))
    }

    /// Text that is already plain (Atom `type="text"`, XHTML text nodes, RSS titles that do not look like HTML).
    static func fromPlain(_ text: String) -> String {
        clean(text)
    }

    /// Text with entities but no markup (an HTML page's `<title>`, an attribute value).
    static func fromEscapedText(_ text: String) -> String {
        clean(decodeEntities(text))
    }

    /// RSS (0.9x, 2.0 and 1.0) titles: nominally plain text, routinely HTML. Read as feedparser reads
    /// them: HTML when `looksLikeHTML`, plain text otherwise. (Descriptions are always HTML.)
    static func fromRSS(_ text: String) -> String {
        looksLikeHTML(text) ? fromHTML(text) : fromPlain(text)
    }

    /// feedparser's test (`looks_like_html`), which errs on the side of keeping text: a closing tag or an
    /// entity is needed, every tag must be one of the everyday HTML elements, and every named entity an
    /// HTML 4 one. So `Điểm < 5`, `<đối với …>` and `<script>x</script>` are plain text.
    static func looksLikeHTML(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var qualifies = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                let closing = index + 1 < scalars.count && scalars[index + 1] == "/"
                let nameStart = closing ? index + 2 : index + 1
                let nameEnd = wordEnd(scalars, from: nameStart)
                if nameEnd > nameStart {
                    let name = String(String.UnicodeScalarView(scalars[nameStart..<nameEnd])).lowercased()
                    if !htmlLikeElements.contains(name) { return false }
                    if closing, nameEnd < scalars.count, scalars[nameEnd] == ">" { qualifies = true }
                }
            } else if scalar == "&" {
                let numeric = index + 1 < scalars.count && scalars[index + 1] == "#"
                let nameStart = numeric ? index + 2 : index + 1
                let nameEnd = wordEnd(scalars, from: nameStart)
                if nameEnd > nameStart, nameEnd < scalars.count, scalars[nameEnd] == ";" {
                    qualifies = true
                    let name = String(String.UnicodeScalarView(scalars[nameStart..<nameEnd]))
                    if !numeric, HTMLEntities.codePoints[name] == nil { return false }
                }
            }
            index += 1
        }
        return qualifies
    }

    /// Where a run of word characters (Python's `\w`: letters, digits, `_`) starting at `start` ends.
    private static func wordEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < scalars.count, isWordCharacter(scalars[end]) { end += 1 }
        return end
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: scalar == "_" || scalar.properties.numericType != nil
        }
    }

    /// feedparser's `_HTMLSanitizer.acceptable_elements`: the elements `looksLikeHTML` accepts.
    static let htmlLikeElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big", "blockquote", "br", "button",
        "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "datagrid", "datalist", "dd", "del",
        "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "event-source", "fieldset", "figcaption", "figure",
        "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "input", "ins", "kbd",
        "keygen", "label", "legend", "li", "m", "map", "menu", "meter", "multicol", "nav", "nextid", "noscript", "ol",
        "optgroup", "option", "output", "p", "pre", "progress", "q", "s", "samp", "section", "select", "small", "sound",
        "source", "spacer", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "textarea", "tfoot", "th",
        "thead", "time", "tr", "tt", "u", "ul", "var", "video",
    ]

    /// Cuts at a word boundary and ends with "…" when the text is longer than `limit` characters.
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = cut[..<space]
        }
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Whitespace collapsed, controls and invisible direction overrides removed. Angle brackets stay:
    /// what reaches here is text, and the renderer escapes it.
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
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

    /// Elements that end a line when rendered: a space keeps the words on both sides apart.
    static let blockTags: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr",
        "table", "section", "article", "dd", "dt", "pre",
    ]

    /// Elements whose content is code, not text: dropped with their tags (feedparser's sanitizer does the same).
    static let codeElements: Set<String> = ["script", "style", "applet"]

    /// Removes tags, comments and declarations as an HTML parser finds them: a tag opens only with `<`
    /// followed by an ASCII letter (or `</` and a letter), so `a < b` and `<đối với …>` are text.
    /// A block tag leaves a space; an unclosed tag swallows the rest.
    static func stripTags(_ html: String) -> String {
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
            let closing = next == "/"
            let nameStart = closing ? index + 2 : index + 1
            let opensTag = nameStart < scalars.count && isASCIILetter(scalars[nameStart])
            guard opensTag || next == "!" || next == "?" else {
                out.append(scalar)
                index += 1
                continue
            }
            var nameEnd = nameStart
            while nameEnd < scalars.count, isASCIILetter(scalars[nameEnd]) || ("0"..."9").contains(scalars[nameEnd]) {
                nameEnd += 1
            }
            let name = opensTag ? String(String.UnicodeScalarView(scalars[nameStart..<nameEnd])).lowercased() : ""
            index = endOfTag(scalars, from: index + 1)
            if !closing, codeElements.contains(name) {
                index = find(scalars, "</" + name, from: index, caseInsensitive: true).map { endOfTag(scalars, from: $0 + 1) }
                    ?? scalars.count
            }
            if blockTags.contains(name) { out.append(" ") }
        }
        return String(out)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
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
