/// Text a template leaves behind: content that counts as missing.
///
/// A page is a placeholder when it says `TODO` anywhere, or when all it says is a short marker such as
/// "Đang cập nhật" (a real page that mentions being updated somewhere in its text is not one).
/// Works on UTF-8 bytes: the check runs over every post of a large site.
enum Placeholder {
    /// Compared without letter case, in short texts only.
    static let markers = ["đang cập nhật", "lorem ipsum"]
    /// Anywhere, written in capitals.
    static let capitalMarkers = ["TODO"]
    /// Visible text longer than this is real content, whatever it mentions.
    static let shortText = 120

    static func isPlaceholder(text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return true }
        let bytes = Array(trimmed.utf8)
        if capitalMarkerBytes.contains(where: { ByteSearch.contains(bytes, $0) }) { return true }
        guard trimmed.count <= shortText else { return false }
        let lower = trimmed.lowercased()
        return markers.contains { lower.contains($0) }
    }

    /// A page is a placeholder when its title or text carries a marker, or when it has neither
    /// text nor anything else to show (files, people).
    static func isPlaceholder(_ page: Page) -> Bool {
        if page.body.sample.hasCapitalMarker { return true }
        if !page.title.trimmingSpaces().isEmpty, isPlaceholder(text: page.title) { return true }
        guard let text = page.body.sample.shortText else { return false }
        if text.trimmingSpaces().isEmpty {
            return page.attachments.isEmpty && page.people.isEmpty && (page.procedure?.forms.isEmpty ?? true)
        }
        return isPlaceholder(text: text)
    }

    /// What `isPlaceholder(_:)` needs of a body, taken when its HTML is rendered.
    static func sample(html: String) -> BodyTextSample {
        var html = html
        return html.withUTF8 { sample(htmlBytes: $0) }
    }

    /// `sample(html:)` of the HTML's UTF-8 bytes, read in place.
    static func sample(htmlBytes bytes: UnsafeBufferPointer<UInt8>) -> BodyTextSample {
        BodyTextSample(
            hasCapitalMarker: capitalMarkerBytes.contains { ByteSearch.contains(bytes, $0) },
            shortText: visibleText(bytes, limit: shortText * 4))
    }

    private static let capitalMarkerBytes = capitalMarkers.map { Array($0.utf8) }

    /// The text of rendered HTML with tags removed, or nil when it is longer than `limit` bytes.
    static func visibleText(_ html: UnsafeBufferPointer<UInt8>, limit: Int) -> String? {
        var out: [UInt8] = []
        var inTag = false
        for byte in html {
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if !inTag {
                out.append(byte)
                if out.count > limit { return nil }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
