/// A rendered Markdown body and what the later stages need to know about it.
public struct MarkdownDocument: Sendable, Hashable {
    public var html: String
    public var headings: [MarkdownHeading]
    /// Every link and image, in document order.
    public var references: [MarkdownReference]
    /// Plain text of the first paragraph ("" if none), for summaries.
    public var firstParagraphText: String
    /// Words (runs of non-space characters) over all text and inline code.
    public var wordCount: Int

    public init(
        html: String,
        headings: [MarkdownHeading],
        references: [MarkdownReference],
        firstParagraphText: String,
        wordCount: Int
    ) {
        self.html = html
        self.headings = headings
        self.references = references
        self.firstParagraphText = firstParagraphText
        self.wordCount = wordCount
    }
}
