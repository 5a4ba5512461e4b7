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
    public static func refusal(_ url: String) -> Words? {
        let seen = String(decoding: asBrowsersRead(url), as: UTF8.self)
        guard let colon = seen.firstIndex(of: ":") else { return nil }
        let scheme = seen[..<colon].lowercased()
        guard isScheme(scheme), refusedSchemes.contains(scheme) else { return nil }
        let lowered = seen.lowercased()
        if scheme == "data", allowedDataPrefixes.contains(where: { lowered.hasPrefix($0) }) { return nil }
        return switch scheme {
        case "file":
            Words(
                vi: "địa chỉ `file:` mở một tệp trên máy của chính người đọc, mà người đọc khác không có",
                en: "a `file:` address opens a file on the reader's own computer, which other readers do not have")
        case "data":
            Words(
                vi: "địa chỉ `data:` mang cả một tệp hoặc đoạn mã bên trong liên kết",
                en: "a `data:` address carries a whole file or script inside the link")
        default:
            Words(
                vi: "địa chỉ `\(scheme):` chạy mã lệnh trong trình duyệt của người đọc",
                en: "a `\(scheme):` address runs a script in the reader's browser")
        }
    }

    /// What may be written instead, for hints.
    public static let allowedWords = Words(
        vi: "một đường dẫn của trang (`/gioi-thieu/`), một đường dẫn tính từ trang đang viết, hoặc một địa chỉ đầy đủ bắt đầu bằng https://, mailto: hay tel:",
        en: "a site path (`/gioi-thieu/`), a path relative to the page, or a full address starting with https://, mailto: or tel:")

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
    static func diagnostic(_ written: String, _ refusal: Words, what: Words, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .unsafeLink, .error,
            Words(
                vi: "\(what.vi) `\(written)` không thể là một liên kết trên trang: \(refusal.vi)",
                en: "the \(what.en) `\(written)` cannot be a link on the site: \(refusal.en)"),
            at: location, hint: Words(vi: "hãy viết \(allowedWords.vi)", en: "write \(allowedWords.en)"))
    }
}
