/// Every file the site will have, by output path, decided before anything is rendered: Check
/// uses it to find collisions and broken links, Render executes it.
public struct SitePlan: Sendable {
    /// One HTML page to render.
    public enum Job: Sendable {
        /// A content page with its own template.
        case page(Page)
        case home(Page?)
        /// A dated section's list, 1-based page number.
        case postList(section: String, pageNumber: Int, pageCount: Int)
        case tagIndex
        /// One page of a tag's posts, 1-based.
        case tag(slug: String, pageNumber: Int, pageCount: Int)
        case disclosureIndex
        case disclosureYear(SchoolYear)
        case procedureIndex
        case organisationOverview
        case organisationIndex
        /// The self-check page: each requirement and its status.
        case compliance
        /// Any other folder's `_index.md`: a list of the pages in that folder.
        case plainSection(Page)
        /// The parent office's news as a page of its own, to embed (`/includes/tin-cap-tren.html`).
        case upstreamInclude
        case notFound
    }

    public struct Entry: Sendable {
        /// Site path (`/tin-tuc/`), or file path for non-pages (`/404.html`).
        public var path: String
        public var job: Job
        /// The file this comes from, for collision reports.
        public var source: String?
    }

    let index: SiteIndex
    public let entries: [Entry]

    let includesCompliance: Bool

    /// Files written besides pages, for this build: sitemap, robots.txt, feeds, compliance.json.
    public var generatedFiles: [String] {
        Self.generatedFiles + feeds.map(\.path) + (includesCompliance ? [Self.complianceReportPath] : [])
    }

    public init(site: Site, includesCompliance: Bool = false) {
        let index = SiteIndex(site: site)
        self.index = index
        var entries: [Entry] = []
        let pageSize = site.config.pageSize

        let home = site.pages.first { $0.kind == .home }
        entries.append(Entry(path: "/", job: .home(home), source: home?.source))
        for page in site.pages {
            switch page.kind {
            case .home: continue
            case .section(.plain): entries.append(Entry(path: page.path, job: .plainSection(page), source: page.source))
            case .section: continue  // rendered by its list job below
            default: entries.append(Entry(path: page.path, job: .page(page), source: page.source))
            }
        }
        for section in index.sections where !section.posts.isEmpty || section.indexPage != nil {
            let count = Self.pageCount(section.posts.count, pageSize: pageSize)
            for number in 1...count {
                entries.append(
                    Entry(
                        path: Self.listPath(section: section.config.path, pageNumber: number),
                        job: .postList(section: section.config.path, pageNumber: number, pageCount: count),
                        source: section.indexPage?.source))
            }
        }
        if !index.tags.isEmpty {
            entries.append(Entry(path: SiteIndex.tagsPath, job: .tagIndex, source: nil))
            for entry in index.tags {
                let count = Self.pageCount(entry.posts.count, pageSize: pageSize)
                for number in 1...count {
                    entries.append(
                        Entry(
                            path: Self.pagedPath(SiteIndex.tagsPath + entry.tag.slug + "/", pageNumber: number),
                            job: .tag(slug: entry.tag.slug, pageNumber: number, pageCount: count), source: nil))
                }
            }
        }
        if !index.disclosureYears.isEmpty || index.sectionPages["/cong-khai/"] != nil {
            entries.append(Entry(path: "/cong-khai/", job: .disclosureIndex, source: index.sectionPages["/cong-khai/"]?.source))
        }
        for year in index.disclosureYears {
            entries.append(Entry(path: year.path, job: .disclosureYear(year.year), source: year.indexPage?.source))
        }
        if !index.procedures.isEmpty || index.sectionPages["/cai-cach-hanh-chinh/"] != nil {
            entries.append(
                Entry(path: "/cai-cach-hanh-chinh/", job: .procedureIndex, source: index.sectionPages["/cai-cach-hanh-chinh/"]?.source))
        }
        if index.leadership != nil || !index.organisations.isEmpty || index.sectionPages["/to-chuc/"] != nil {
            entries.append(Entry(path: "/to-chuc/", job: .organisationOverview, source: index.sectionPages["/to-chuc/"]?.source))
        }
        if !index.organisations.isEmpty || index.sectionPages["/to-chuc/doan-the/"] != nil {
            entries.append(
                Entry(path: "/to-chuc/doan-the/", job: .organisationIndex, source: index.sectionPages["/to-chuc/doan-the/"]?.source))
        }
        if !site.upstreamFeeds.isEmpty {
            entries.append(Entry(path: Self.upstreamIncludePath, job: .upstreamInclude, source: nil))
        }
        if includesCompliance {
            entries.append(Entry(path: Self.compliancePath, job: .compliance, source: nil))
        }
        entries.append(Entry(path: "/404.html", job: .notFound, source: nil))
        self.entries = entries
        self.includesCompliance = includesCompliance
    }

    /// The standalone include of the parent office's feeds.
    public static let upstreamIncludePath = "/includes/tin-cap-tren.html"

    /// `/tin-tuc/` for the first page, `/tin-tuc/trang/2/` after.
    public static func listPath(section: String, pageNumber: Int) -> String {
        pagedPath("/\(section)/", pageNumber: pageNumber)
    }

    /// Page `pageNumber` of a list at `folder` (`/chu-de/y-te/` → `/chu-de/y-te/trang/2/`).
    public static func pagedPath(_ folder: String, pageNumber: Int) -> String {
        pageNumber == 1 ? folder : folder + "trang/\(pageNumber)/"
    }

    static func pageCount(_ items: Int, pageSize: Int) -> Int { max(1, (items + pageSize - 1) / pageSize) }

    /// The self-check page ("tự kiểm tra") listing each requirement and its status.
    public static let compliancePath = "/tu-kiem-tra/"
    /// The machine-readable compliance report, for the district dashboard.
    public static let complianceReportPath = "/compliance.json"

    /// Files every build writes besides pages.
    public static let generatedFiles = ["/sitemap.xml", "/robots.txt"]

    /// The file an output path is written to, relative to the output folder.
    public static func outputFile(for path: String) -> String {
        if path.hasSuffix("/") { return String(path.dropFirst()) + "index.html" }
        return String(path.dropFirst())
    }
}
