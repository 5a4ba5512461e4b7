/// A quick scan of a template's `{{…}}` tags, for checks that need the names a template uses
/// (partials it includes, fields it shows) even when it does not parse.
enum TemplateTags {
    struct Tag: Equatable {
        /// `>`, `<`, `#`, `^`, `/`, `&`, `$`, `!`, `=`, `{`, or nil for a plain `{{name}}`.
        var sigil: Unicode.Scalar?
        /// The name without sigil, braces or spaces: `partials/footer`, `layout.footer.contact.email`.
        var name: String
        /// 1-based position of the opening `{{`.
        var line: Int
        var column: Int
    }

    static let sigils: Set<Unicode.Scalar> = ["#", "^", "/", "&", "$", "!", "<", ">", "=", "{"]

    static func scan(_ text: String) -> [Tag] {
        let chars = Array(text.unicodeScalars)
        var tags: [Tag] = []
        var line = 1
        var column = 1
        var i = 0
        func advance() {
            if chars[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        while i < chars.count {
            guard chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" else {
                advance()
                continue
            }
            let (tagLine, tagColumn) = (line, column)
            advance()
            advance()
            var body = String.UnicodeScalarView()
            while i < chars.count, !(chars[i] == "}" && i + 1 < chars.count && chars[i + 1] == "}") {
                body.append(chars[i])
                advance()
            }
            if i < chars.count {
                advance()
                advance()
            }
            let sigil = body.first.flatMap { sigils.contains($0) ? $0 : nil }
            var name = Substring(String(body))
            while let first = name.unicodeScalars.first, sigils.contains(first) || first == " " { name = name.dropFirst() }
            while let last = name.unicodeScalars.last, last == "}" || last == " " { name = name.dropLast() }
            tags.append(Tag(sigil: sigil, name: String(name), line: tagLine, column: tagColumn))
        }
        return tags
    }

    /// Every name a template uses.
    static func names(in text: String) -> Set<String> {
        Set(scan(text).map(\.name).filter { !$0.isEmpty })
    }

    /// `{{> name}}` and `{{< name}}` tags: the templates a template includes or extends.
    static func partials(in text: String) -> [Tag] {
        scan(text).filter { $0.sigil == ">" || $0.sigil == "<" }
    }
}
