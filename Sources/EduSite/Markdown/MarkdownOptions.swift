/// How Markdown is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Pass raw HTML and dangerous URLs (`javascript:`) through. Off by default: cmark then prints
    /// `<!-- raw HTML omitted -->` for raw HTML and blanks dangerous link destinations. The `tagfilter`
    /// extension still escapes a few tags (`<script>`, `<iframe>` …) in unsafe mode, but it is not a sanitiser.
    public var unsafe: Bool

    public init(unsafe: Bool = false) {
        self.unsafe = unsafe
    }
}
