#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// The files of `static/`, then those of `content/` not shadowed by one of `static/`, by the site
    /// path a link names them with, with and without a trailing `/` (`/a.pdf`, `/a.pdf/`): one lookup
    /// with the written path instead of building two candidate paths.
    private let filesBySitePath: [String: SiteFile]

    private struct SiteFile: Sendable {
        /// `static` or `content`.
        var root: String
        var size: Int
    }

    init(files: [String: Int], pagePaths: [String: String]) {
        self.files = files
        self.pagePaths = pagePaths
        var bySitePath: [String: SiteFile] = [:]
        for root in ["static", "content"] {
            let prefix = Array((root + "/").utf8)
            for (file, size) in files where file.utf8.starts(with: prefix) {
                // "static/a.pdf" → "/a.pdf". The general lookup is `files[root + normalized]`, and a
                // normalized path never ends in `/` (but "/"), so such a file is never found that way.
                let sitePath = String(decoding: file.utf8.dropFirst(root.utf8.count), as: UTF8.self)
                if sitePath != "/" && sitePath.utf8.last == UInt8(ascii: "/") { continue }
                for key in sitePath == "/" ? [sitePath] : [sitePath, sitePath + "/"] where bySitePath[key] == nil {
                    bySitePath[key] = SiteFile(root: root, size: size)
                }
            }
        }
        filesBySitePath = bySitePath
    }

    func resolve(_ written: String, from pageSource: String) -> Target {
        // Trimming looks at Characters; text that starts and ends with a visible ASCII byte has nothing
        // to trim (its first and last Characters start with that byte, which is not whitespace).
        let text = Self.isVisibleASCII(written.utf8.first) && Self.isVisibleASCII(written.utf8.last)
            ? written : written.trimmingSpaces()
        if text.isEmpty || text.hasPrefix("#") || text.hasPrefix("//") || Self.hasScheme(text) { return .external }
        let (pathPart, suffix) = Self.splitSuffix(text)
        let path = Self.percentDecoded(pathPart)
        if path.hasPrefix("/") { return resolveSitePath(path, suffix: suffix) }
        guard let resolved = Path.normalize(Path.join(Path.parent(pageSource), path)) else { return .outsideSite }
        return resolveInSite(resolved, suffix: suffix)
    }

    /// `resolve` as first written, step by step with Character-based path helpers: the reference the
    /// tests hold the fast path to, and the way taken for paths whose `/` shares a Character with a
    /// combining mark.
    func resolveGeneral(_ written: String, from pageSource: String) -> Target {
        let text = written.trimmingSpaces()
        if text.isEmpty || text.hasPrefix("#") || text.hasPrefix("//") || Self.hasScheme(text) { return .external }
        let (pathPart, suffix) = Self.splitSuffix(text)
        let path = Self.percentDecoded(pathPart)
        if path.hasPrefix("/") { return resolveSitePathGeneral(path, suffix: suffix) }
        guard let resolved = Path.normalizeByCharacters(Path.join(Path.parent(pageSource), path)) else {
            return .outsideSite
        }
        return resolveInSite(resolved, suffix: suffix)
    }

    /// `/x/y`: a file of `static/` or `content/`, else a site path (with a trailing `/` unless it names a file).
    private func resolveSitePath(_ path: String, suffix: String) -> Target {
        var path = path
        let shape = path.withUTF8 { SitePathShape($0) }
        guard shape.slashesStandAlone else { return resolveSitePathGeneral(path, suffix: suffix) }
        guard shape.isNormalButForTrailingSlash else {
            guard let normalized = Path.normalize(path) else { return .outsideSite }
            return siteTarget(normalized: normalized, suffix: suffix)
        }
        // The common case, `/tin-tuc/bai-viet/`: the path normalizes to itself without its last `/`,
        // so it is looked up, and given back, as written.
        let normalized = { shape.endsWithSlash ? String(path.dropLast()) : path }
        if let file = filesBySitePath[path] {
            let normalized = normalized()
            return .file(source: file.root + normalized, path: Path.nfc(normalized), byteCount: file.size)
        }
        if path.utf8.count == 1 { return .sitePath(path, suffix: suffix) }
        if shape.hasExtension { return .sitePath(normalized(), suffix: suffix) }
        return .sitePath(shape.endsWithSlash ? path : path + "/", suffix: suffix)
    }

    private func resolveSitePathGeneral(_ path: String, suffix: String) -> Target {
        guard let normalized = Path.normalizeByCharacters(path) else { return .outsideSite }
        return siteTarget(normalized: normalized, suffix: suffix)
    }

    /// A normalized site path: the file of `static/` or `content/` there, else the site path.
    private func siteTarget(normalized: String, suffix: String) -> Target {
        for root in ["static", "content"] {
            let candidate = root + normalized
            if let size = files[candidate] { return .file(source: candidate, path: Path.nfc(normalized), byteCount: size) }
        }
        return .sitePath(normalized == "/" || Path.fileExtension(normalized) != "" || normalized.hasSuffix("/")
            ? normalized : normalized + "/", suffix: suffix)
    }

    /// A normalized path relative to the site root (`content/x/a.md`, `static/b.pdf`, `../c`).
    private func resolveInSite(_ resolved: String, suffix: String) -> Target {
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

    private static func isVisibleASCII(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte > 0x20 && byte < 0x7F
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
        // On the contiguous bytes: the generic `utf8.firstIndex(where:)` showed in profiles.
        var copy = text
        let offset = copy.withUTF8 { bytes -> Int? in
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "#") || bytes[index] == UInt8(ascii: "?") {
                return index
            }
            return nil
        }
        guard let offset else { return (text, "") }
        let index = text.utf8.index(text.utf8.startIndex, offsetBy: offset)
        return (String(text[..<index]), String(text[index...]))
    }

    static func percentDecoded(_ text: String) -> String {
        // Bytes, not Foundation's `contains` (a CFString search per link). They find a `%` whenever
        // Foundation does; where only they do (a `%` fused with a combining mark into one Character),
        // the loop below finds no hex digits after it and gives the text back unchanged.
        var copy = text
        let hasPercent = copy.withUTF8 { bytes in
            bytes.count > 0 && memchr(bytes.baseAddress!, Int32(UInt8(ascii: "%")), bytes.count) != nil
        }
        guard hasPercent else { return text }
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

/// One pass over the bytes of a site path (`/…`): what `resolve` needs to take its fast way.
private struct SitePathShape {
    /// Every `/` is a Character of its own (see `Path.slashesStandAlone`).
    var slashesStandAlone = true
    /// No empty part, no `.` or `..`, but maybe a last `/`: `Path.normalize` only drops that `/`.
    var isNormalButForTrailingSlash = true
    var endsWithSlash = false
    /// The last part has an extension: `Path.fileExtension` of the normalized path is not empty.
    var hasExtension = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        let count = bytes.count
        endsWithSlash = count > 1 && bytes[count - 1] == slash
        var partStart = 1  // after the leading `/`
        for index in 0...count {
            guard index == count || bytes[index] == slash else { continue }
            if index < count {
                if index > 0, bytes[index - 1] >= 0x80 { slashesStandAlone = false }
                if index + 1 < count, bytes[index + 1] >= 0x80 { slashesStandAlone = false }
                if index == 0 { continue }
            }
            let length = index - partStart
            if length == 0 {
                // Only the part after a last `/` (or the whole of "/") may be empty.
                if index != count { isNormalButForTrailingSlash = false }
            } else {
                if bytes[partStart] == dot, length == 1 || (length == 2 && bytes[partStart + 1] == dot) {
                    isNormalButForTrailingSlash = false
                }
                // The extension is that of the last non-empty part: its last `.`, neither first nor last.
                var lastDot = -1
                for position in partStart..<index where bytes[position] == dot { lastDot = position }
                hasExtension = lastDot > partStart && lastDot < index - 1
            }
            partStart = index + 1
        }
    }
}
