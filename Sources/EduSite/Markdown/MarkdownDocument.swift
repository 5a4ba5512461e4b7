/// A rendered Markdown body and what the later stages need to know about it.
public struct MarkdownDocument: Sendable, Hashable {
    /// The HTML as cmark wrote it (UTF-8, since the Markdown was): kept as bytes, so that a build that
    /// stores the body in a file and writes it into a page never validates it as a `String`.
    public var htmlBytes: [UInt8]
    public var headings: [MarkdownHeading]
    /// Every link and image, in document order.
    public var references: [MarkdownReference]
    /// Plain text of the first paragraph ("" if none), for summaries.
    public var firstParagraphText: String
    /// Words (runs of non-space characters) over all text and inline code.
    public var wordCount: Int

    /// The HTML as text.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }

    public init(
        htmlBytes: [UInt8],
        headings: [MarkdownHeading],
        references: [MarkdownReference],
        firstParagraphText: String,
        wordCount: Int
    ) {
        self.htmlBytes = htmlBytes
        self.headings = headings
        self.references = references
        self.firstParagraphText = firstParagraphText
        self.wordCount = wordCount
    }
}
