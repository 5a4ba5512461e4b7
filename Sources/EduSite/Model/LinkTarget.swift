/// What a link or file path written in a page points at, as the loader resolved it.
public enum LinkTarget: Sendable, Hashable {
    /// Another site, `mailto:`, `tel:`, or an in-page `#anchor`: not checked.
    case external
    /// A site path (a page or a file), with its `#…`/`?…` suffix; checked against the built output.
    case sitePath(String, suffix: String)
    /// A file of the site, with its size.
    case file(source: String, path: String, byteCount: Int)
    /// A relative path to a file that is not there; `candidate` is where it was looked for.
    case missing(candidate: String)
    /// A path that climbs out of the site, or points at a file that is never published.
    case outsideSite
}

/// A Markdown link or image of a page, with what it resolved to.
public struct PageLink: Sendable, Hashable {
    public var reference: MarkdownReference
    public var target: LinkTarget

    public init(reference: MarkdownReference, target: LinkTarget) {
        self.reference = reference
        self.target = target
    }
}
