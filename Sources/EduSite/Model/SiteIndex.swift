/// The collections the theme needs, derived once from the pages: posts by section, disclosures by
/// school year, procedures, organisations, tags, and the titles of list pages.
struct SiteIndex: Sendable {
    struct DatedSection: Sendable {
        var config: DatedSectionConfig
        /// The `_index.md` of the section, when there is one.
        var indexPage: Page?
        /// Newest first.
        var posts: [Page]
    }

    struct TagEntry: Sendable {
        /// Named by its site-wide label (`tagLabels`).
        var tag: Tag
        /// Newest first.
        var posts: [Page]
    }

    struct DisclosureYear: Sendable {
        var year: SchoolYear
        var indexPage: Page?
        var items: [Page]
        var path: String { "/cong-khai/\(year)/" }
    }

    let sections: [DatedSection]
    /// Every post of every dated section, newest first.
    let allPosts: [Page]
    let tags: [TagEntry]
    /// The one label each tag slug is shown with, on every page, list and feed (`label(of:)`).
    let tagLabels: [String: String]
    /// Newest school year first.
    let disclosureYears: [DisclosureYear]
    let procedures: [Page]
    let organisations: [Page]
    let leadership: Page?
    /// Section `_index.md` pages by site path.
    let sectionPages: [String: Page]
    /// Every page by site path.
    let pagesByPath: [String: Page]
    /// Where each post stands in its section's `posts`, by source.
    let postPositions: [String: Int]

    static let tagsPath = "/chu-de/"

    init(site: Site) {
        let pages = site.pages
        var pagesByPath: [String: Page] = [:]
        var sectionPages: [String: Page] = [:]
        for page in pages {
            pagesByPath[page.path] = pagesByPath[page.path] ?? page
            if case .section = page.kind { sectionPages[page.path] = page }
        }
        self.pagesByPath = pagesByPath
        self.sectionPages = sectionPages

        sections = site.config.sections.map { config in
            let posts = pages.filter { if case .post(config.path) = $0.kind { true } else { false } }
            return DatedSection(config: config, indexPage: sectionPages["/\(config.path)/"], posts: Self.newestFirst(posts))
        }
        allPosts = Self.newestFirst(sections.flatMap(\.posts))
        var positions: [String: Int] = [:]
        for section in sections {
            for (position, post) in section.posts.enumerated() { positions[post.source] = position }
        }
        postPositions = positions

        let labels = Self.tagLabels(of: allPosts)
        tagLabels = labels
        var tagPosts: [String: [Page]] = [:]
        for post in allPosts {
            for tag in post.tags { tagPosts[tag.slug, default: []].append(post) }
        }
        tags = tagPosts.keys.sorted().map { slug in
            var tag = Tag(name: labels[slug]!)
            tag.slug = slug
            return TagEntry(tag: tag, posts: tagPosts[slug]!)
        }

        var years: [SchoolYear: [Page]] = [:]
        for page in pages {
            if let disclosure = page.disclosure { years[disclosure.schoolYear, default: []].append(page) }
            if case .section(.disclosureYear(let year)) = page.kind, years[year] == nil { years[year] = [] }
        }
        disclosureYears = years.keys.sorted(by: >).map { year in
            DisclosureYear(
                year: year, indexPage: sectionPages["/cong-khai/\(year)/"], items: Self.byWeightThenTitle(years[year]!))
        }
        procedures = Self.byWeightThenTitle(pages.filter { $0.kind == .procedure })
        organisations = Self.byWeightThenTitle(pages.filter { $0.kind == .organisation })
        leadership = pages.first { $0.kind == .leadership }
    }

    /// How `tag` is shown: its slug's site-wide label.
    func label(of tag: Tag) -> String { tagLabels[tag.slug] ?? tag.name }

    /// For each slug, the first spelling with diacritics ("Y tế" over "y-te"), else the first one,
    /// in the order of the pages' paths: an edit to one post's tags may relabel the tag on every page,
    /// and the same site always gives the same labels.
    static func tagLabels(of posts: [Page]) -> [String: String] {
        var labels: [String: String] = [:]
        var accented: Set<String> = []
        for post in posts.sorted(by: { ($0.path, $0.source) < ($1.path, $1.source) }) {
            for tag in post.tags where !accented.contains(tag.slug) {
                if tag.name.unicodeScalars.contains(where: { !$0.isASCII }) {
                    labels[tag.slug] = tag.name
                    accented.insert(tag.slug)
                } else if labels[tag.slug] == nil {
                    labels[tag.slug] = tag.name
                }
            }
        }
        return labels
    }

    /// Newest first; same date → by path, so the order never depends on file system order.
    static func newestFirst(_ pages: [Page]) -> [Page] {
        pages.sorted {
            let l = $0.date?.epochSeconds ?? .min
            let r = $1.date?.epochSeconds ?? .min
            return l != r ? l > r : $0.path < $1.path
        }
    }

    static func byWeightThenTitle(_ pages: [Page]) -> [Page] {
        pages.sorted { ($0.weight, $0.title, $0.path) < ($1.weight, $1.title, $1.path) }
    }
}
