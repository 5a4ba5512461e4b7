/// The one policy for every URL a page shows in a link (`href`) or an image (`src`): Markdown links,
/// front-matter files and photos, `site.yaml`'s menu and links, the parent office's feed items.
///
/// It refuses what cmark-gfm's safe mode refuses in Markdown (`javascript:`, `vbscript:`, `file:`,
/// `data:` but for PNG, GIF, JPEG and WebP images), read the way a browser reads a URL: tabs and
/// newlines anywhere are dropped (`java\tscript:` is `javascript:`), leading spaces and control
/// characters too, and the scheme's letters in any case.
public enum LinkPolicy {
    static let refusedSchemes: Set<String> = ["javascript", "vbscript", "file", "data"]
    static let allowedDataPrefixes = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// Why `url` may not stand in a page, in words; nil when it may.
    public static func refusal(_ url: String) -> String? {
        let seen = String(decoding: asBrowsersRead(url), as: UTF8.self)
        guard let colon = seen.firstIndex(of: ":") else { return nil }
        let scheme = seen[..<colon].lowercased()
        guard isScheme(scheme), refusedSchemes.contains(scheme) else { return nil }
        let lowered = seen.lowercased()
        if scheme == "data", allowedDataPrefixes.contains(where: { lowered.hasPrefix($0) }) { return nil }
        return switch scheme {
        case "file": "a `file:` address opens a file on the reader's own computer, which other readers do not have"
        case "data": "a `data:` address carries a whole file or script inside the link"
        default: "a `\(scheme):` address runs a script in the reader's browser"
        }
    }

    /// What may be written instead, for hints.
    public static let allowedWords =
        "a site path (`/gioi-thieu/`), a path relative to the page, or a full address starting with https://, mailto: or tel:"

    private static func asBrowsersRead(_ url: String) -> [UInt8] {
        var bytes = url.utf8.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        if let first = bytes.firstIndex(where: { $0 > 0x20 }) { bytes.removeFirst(first) } else { bytes = [] }
        return bytes
    }

    /// A letter, then letters, digits, `+`, `-` or `.`.
    private static func isScheme(_ text: String) -> Bool {
        guard let first = text.utf8.first, (0x61...0x7A).contains(first) else { return false }
        return text.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
    }
}

extension LinkPolicy {
    /// The finding for a refused link of a page (Markdown or front matter).
    static func diagnostic(_ written: String, _ refusal: String, what: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .unsafeLink, .error, "the \(what) `\(written)` cannot be a link on the site: \(refusal)", at: location,
            hint: "write \(allowedWords)")
    }
}
