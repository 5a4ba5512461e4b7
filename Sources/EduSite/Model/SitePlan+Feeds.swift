/// The site's own feeds: RSS 2.0 and Atom 1.0 for all posts and for each dated section.
extension SitePlan {
    public struct Feed: Sendable {
        public enum Format: Sendable { case rss, atom }
        /// `/rss.xml`, `/tin-tuc/atom.xml`, …
        public var path: String
        public var format: Format
        /// nil: every dated section.
        public var section: String?
        /// The page the feed mirrors: `/` or `/tin-tuc/`.
        public var pagePath: String { section.map { "/\($0)/" } ?? "/" }
    }

    public var feeds: [Feed] {
        var feeds: [Feed] = []
        guard !index.allPosts.isEmpty else { return feeds }
        for section in [nil] + index.sections.filter({ !$0.posts.isEmpty }).map(\.config.path) {
            let folder = section.map { "/\($0)/" } ?? "/"
            feeds.append(Feed(path: folder + "rss.xml", format: .rss, section: section))
            feeds.append(Feed(path: folder + "atom.xml", format: .atom, section: section))
        }
        return feeds
    }
}
