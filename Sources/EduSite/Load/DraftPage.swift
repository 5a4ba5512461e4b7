/// A Markdown file with its front matter decoded and its URL known, before its body is rendered.
/// It does not hold the body: phase two reads it again, so a large site's text is never all in memory.
struct DraftPage: Sendable {
    enum Fields: Sendable {
        case plain(PlainFrontMatter)
        case post(PostFrontMatter)
        case people(PeopleFrontMatter)
        case organisation(OrganisationFrontMatter)
        case disclosure(DisclosureFrontMatter)
        case procedure(ProcedureFrontMatter)

        var common: CommonFields {
            switch self {
            case .plain(let f): f.common
            case .post(let f): f.common
            case .people(let f): f.common
            case .organisation(let f): f.common
            case .disclosure(let f): f.common
            case .procedure(let f): f.common
            }
        }
    }

    /// Site-relative, e.g. `content/tin-tuc/a.md`.
    var source: String
    var kind: PageKind
    var path: String
    var fields: Fields
    var frontMatter: YAMLNode
    /// Byte offset of the body in the file, and the file line it starts on.
    var bodyOffset: Int
    var bodyFirstLine: Int
    /// Of the whole file as phase one read it.
    var contentHash: ContentHash
    var date: ContentDate?
    var updated: ContentDate?
}

