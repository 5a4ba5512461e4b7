/// For each page of the plan, a key of everything its HTML is made from, so that a rebuild renders
/// only the pages whose key changed (the others are already in the output, byte for byte).
///
/// This mirrors what `ViewFactory` reads for each kind of page. The keys may cover more than a view
/// shows (a post's whole record, not only its card's fields), never less: a test edits sites at
/// random and compares the rebuilt output with a full build. Pages that read the whole site (home,
/// indexes of disclosures, procedures, organisations, tags, the self-check page) have no key and are
/// rendered every time; there are a handful of them.
struct RenderKeys {
    /// What every page shows: theme, configuration, menu, feeds, section titles.
    let frame: ContentHash
    /// Each page's record (everything loaded from its file), by source.
    let records: [String: ContentHash]
    let index: SiteIndex
    let pageSize: Int

    init(site: Site, plan: SitePlan, views: ViewFactory, records: [String: ContentHash], liveReloadHTML: String?) {
        var frame = ContentHash()
        frame.combine(site.config.baseURL)
        frame.combine(liveReloadHTML ?? "")
        for template in site.theme.templates {
            frame.combine(template.name)
            frame.combine(template.text)
        }
        for entry in views.menuEntries {
            frame.combine(entry.title)
            frame.combine(entry.url)
        }
        for feed in plan.feeds { frame.combine(feed.path) }
        for section in plan.index.sections {
            frame.combine(section.config.path)
            frame.combine(section.config.title)
            frame.combine(section.indexPage.flatMap { records[$0.source] } ?? ContentHash())
        }
        frame.combine(site.configHash)
        self.frame = frame
        self.records = records
        self.index = plan.index
        self.pageSize = site.config.pageSize
    }

    /// nil: render every time.
    func key(_ job: SitePlan.Job) -> ContentHash? {
        var key = frame
        switch job {
        case .page(let page):
            key.combine("page")
            combine(page, into: &key)
            if case .post(let sectionPath) = page.kind,
                let posts = index.sections.first(where: { $0.config.path == sectionPath })?.posts,
                let position = index.postPositions[page.source]
            {
                // Its neighbours' cards ("older", "newer").
                if position + 1 < posts.count { combine(posts[position + 1], into: &key) }
                if position > 0 { combine(posts[position - 1], into: &key) }
            }
            if let year = page.disclosure?.schoolYear, let entry = index.disclosureYears.first(where: { $0.year == year }) {
                for item in entry.items { combine(item, into: &key) }
            }
        case .postList(let section, let number, let count):
            guard let posts = index.sections.first(where: { $0.config.path == section })?.posts else { return nil }
            key.combine("list")
            key.combine(section)
            key.combine(number)
            key.combine(count)
            key.combine(posts.isEmpty)
            for post in posts.dropFirst((number - 1) * pageSize).prefix(pageSize) { combine(post, into: &key) }
        case .tag(let slug, let number, let count):
            guard let entry = index.tags.first(where: { $0.tag.slug == slug }) else { return nil }
            key.combine("tag")
            key.combine(slug)
            key.combine(entry.tag.name)
            key.combine(number)
            key.combine(count)
            for post in entry.posts.dropFirst((number - 1) * pageSize).prefix(pageSize) { combine(post, into: &key) }
        case .home, .tagIndex, .disclosureIndex, .disclosureYear, .procedureIndex, .organisationOverview,
            .organisationIndex, .compliance, .plainSection, .upstreamInclude, .notFound:
            return nil
        }
        return key
    }

    private func combine(_ page: Page, into key: inout ContentHash) {
        key.combine(page.source)
        key.combine(records[page.source] ?? ContentHash())
        // Its tags are shown with labels chosen over the whole site, which another page can change.
        for tag in page.tags { key.combine(index.label(of: tag)) }
    }
}
