/// A heading of a Markdown body, with the `id` its HTML carries (for tables of contents and anchors).
public struct MarkdownHeading: Sendable, Hashable {
    public var level: Int
    /// Plain text, markup removed.
    public var text: String
    /// Unique within the page: `Slug.make(text)`, `muc` when that is empty, then `-1`, `-2` … on repeats.
    public var id: String
    /// File line (not body line).
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}
