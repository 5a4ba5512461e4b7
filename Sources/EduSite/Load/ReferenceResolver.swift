/// Turns a path written in a page (an attachment, a photo, a Markdown link) into what it points at.
///
/// - `https://…`, `mailto:…`, `#…`: left as they are.
/// - `/x/y`: a site path; a file there is looked up in `static/`, then in `content/`.
/// - `x/y.pdf`, `../x.md`: relative to the page's own folder under `content/`; a `.md` file becomes
///   that page's URL.
struct ReferenceResolver: Sendable {
    typealias Target = LinkTarget

    /// Site-relative file path (`static/a.pdf`, `content/x/b.docx`) → size.
    let files: [String: Int]
    /// Site-relative Markdown path → site path of its page.
    let pagePaths: [String: String]

    func resolve(_ written: String, from pageSource: String) -> Target {
        let text = written.trimmingSpaces()
        if text.isEmpty || text.hasPrefix("#") || text.hasPrefix("//") || Self.hasScheme(text) { return .external }
        let (pathPart, suffix) = Self.splitSuffix(text)
        let path = Self.percentDecoded(pathPart)
        if path.hasPrefix("/") {
            guard let normalized = Path.normalize(path) else { return .outsideSite }
            for root in ["static", "content"] {
                let candidate = root + normalized
                if let size = files[candidate] { return .file(source: candidate, path: Path.nfc(normalized), byteCount: size) }
            }
            return .sitePath(normalized == "/" || Path.fileExtension(normalized) != "" || normalized.hasSuffix("/")
                ? normalized : normalized + "/", suffix: suffix)
        }
        guard let resolved = Path.normalize(Path.join(Path.parent(pageSource), path)) else { return .outsideSite }
        if Path.fileExtension(resolved) == "md" {
            if let target = pagePaths[resolved] { return .sitePath(target, suffix: suffix) }
            return .missing(candidate: resolved)
        }
        if let size = files[resolved] {
            if let inContent = Path.relative(resolved, to: "content") {
                return .file(source: resolved, path: Path.nfc("/" + inContent), byteCount: size)
            }
            if let inStatic = Path.relative(resolved, to: "static") {
                return .file(source: resolved, path: Path.nfc("/" + inStatic), byteCount: size)
            }
            return .outsideSite
        }
        if resolved.hasPrefix("content/") || resolved.hasPrefix("static/") { return .missing(candidate: resolved) }
        return .outsideSite
    }

    /// `https:`, `mailto:`, `tel:`…: an ASCII letter, then letters, digits, `+ - .`, then `:`.
    static func hasScheme(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next(), Self.isASCIILetter(first) else { return false }
        while let byte = utf8.next() {
            if byte == UInt8(ascii: ":") { return true }
            guard Self.isASCIILetter(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            else { return false }
        }
        return false
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }

    static func splitSuffix(_ text: String) -> (String, String) {
        guard let index = text.utf8.firstIndex(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") }) else {
            return (text, "")
        }
        return (String(text[..<index]), String(text[index...]))
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == 37, let high = iterator.next() else {
                bytes.append(byte)
                continue
            }
            guard let low = iterator.next() else {
                bytes += [byte, high]
                continue
            }
            if let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes += [byte, high, low]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
