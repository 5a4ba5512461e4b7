/// Text a template leaves behind: content that counts as missing.
enum Placeholder {
    /// Compared without letter case, except `TODO` (which must be written in capitals).
    static let markers = ["đang cập nhật", "lorem ipsum"]
    static let capitalMarkers = ["TODO"]

    static func isPlaceholder(text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return true }
        if capitalMarkers.contains(where: { trimmed.contains($0) }) { return true }
        let lower = trimmed.lowercased()
        return markers.contains { lower.contains($0) }
    }

    /// A page is a placeholder when its title or text carries a marker, or when it has neither
    /// text nor anything else to show (files, people).
    static func isPlaceholder(_ page: Page) -> Bool {
        let text = plainText(page.body.html)
        let hasOther = !page.attachments.isEmpty || !page.people.isEmpty || !(page.procedure?.forms.isEmpty ?? true)
        if text.trimmingSpaces().isEmpty { return !hasOther }
        return isPlaceholder(text: page.title) && !page.title.trimmingSpaces().isEmpty || isPlaceholder(text: text)
    }

    /// The text of rendered HTML, tags removed.
    static func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out
    }
}
