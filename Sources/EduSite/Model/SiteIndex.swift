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

        var tagPosts: [String: (Tag, [Page])] = [:]
        for post in allPosts {
            for tag in post.tags { tagPosts[tag.slug, default: (tag, [])].1.append(post) }
        }
        tags = tagPosts.values.map { TagEntry(tag: $0.0, posts: $0.1) }.sorted { $0.tag.slug < $1.tag.slug }

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
