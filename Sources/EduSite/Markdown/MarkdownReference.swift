/// A link or image found in a Markdown body, for the link checker.
public struct MarkdownReference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case link, image }

    public var kind: Kind
    /// The destination as cmark parsed it (escapes resolved), before any rewrite. Autolinks carry the
    /// URL cmark made of them (`www.example.com` → `http://www.example.com`).
    public var destination: String
    /// File coordinates of the start of the link or image (`[`, `![`, `<`, or the bare autolink).
    /// Columns count Unicode scalars, like libyaml's marks.
    public var location: SourceLocation

    public init(kind: Kind, destination: String, location: SourceLocation) {
        self.kind = kind
        self.destination = destination
        self.location = location
    }
}
