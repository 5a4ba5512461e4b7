/// Turns the model into views: every formatting decision (dates, sizes, labels, links) is made
/// here, in tested Swift, so templates stay logic-less.
struct ViewFactory: Sendable {
    let site: Site
    let index: SiteIndex
    let urls: SiteURLs
    /// Every site path the build will have.
    let plannedPaths: Set<String>
    let feeds: [SitePlan.Feed]
    let liveReloadHTML: String?
    /// How the site meets its manifests, for the self-check page.
    let compliance: ComplianceResult?
    /// What is the same on every page, made once: the footer and the menu entries.
    private(set) var footer: FooterView
    private(set) var menuEntries: [MenuEntry] = []
    /// Each post's card, made once: a post shows on its section's list, its tags' lists, the home page.
    private(set) var postCards: [String: PostCardView] = [:]
    /// Made once, as the same on every page: the menu entries' links, the site's identity, the feed links
    /// of pages outside a section with feeds, and those of each section with feeds.
    private(set) var menuHrefs: [String] = []
    private(set) var siteIdentity: SiteIdentityView
    private(set) var siteFeedLinks: [FeedLinkView] = []
    private(set) var sectionFeedLinks: [String: [FeedLinkView]] = [:]

    init(site: Site, plan: SitePlan, liveReloadHTML: String? = nil, compliance: ComplianceResult? = nil) {
        self.site = site
        self.index = plan.index
        self.urls = SiteURLs(baseURL: site.config.baseURL)
        self.plannedPaths = Set(plan.entries.map(\.path))
        self.feeds = plan.feeds
        self.liveReloadHTML = liveReloadHTML
        self.compliance = compliance
        self.footer = Self.footer(site.config, urls: urls)
        let config = site.config
        self.siteIdentity = SiteIdentityView(
            name: config.name, shortName: config.displayShortName,
            initials: Self.initials(of: config.displayShortName), unitLabel: config.unit.label,
            parentOfficeName: config.parentOffice?.name, parentOfficeURL: config.parentOffice?.url)
        self.menuEntries = site.config.menu ?? defaultMenu
        self.menuHrefs = menuEntries.map { $0.url.hasPrefix("/") ? urls.href($0.url) : $0.url }
        let factory = self
        let cards = index.allPosts.parallelMap { factory.makePostCard($0) }
        self.postCards = Dictionary(zip(index.allPosts.map(\.path), cards), uniquingKeysWith: { a, _ in a })
        self.siteFeedLinks = makeFeedLinks(section: nil)
        for section in Set(feeds.compactMap(\.section)) {
            sectionFeedLinks[section] = makeFeedLinks(section: section)
        }
    }

    // MARK: Frame

    func layout(
        name: String, title: String, description: String?, path: String, trail: [(String, String)]
    ) -> LayoutView {
        let config = site.config
        let isHome = path == "/"
        var crumbs: BreadcrumbsView? = nil
        if !isHome && path.hasSuffix("/") {
            let all = [("Trang chủ", "/")] + trail + [(title, path)]
            crumbs = BreadcrumbsView(
                items: all.enumerated().map { offset, item in
                    CrumbView(title: item.0, href: urls.href(item.1), isLast: offset == all.count - 1)
                })
        }
        return LayoutView(
            lang: config.language,
            layoutName: name,
            documentTitle: isHome ? config.name : "\(title) – \(config.displayShortName)",
            description: description,
            canonicalURL: urls.absolute(path),
            stylesheetHref: urls.href("/css/edusite.css"),
            faviconHref: urls.href("/favicon.svg"),
            homeHref: urls.href("/"),
            site: siteIdentity,
            menu: menu(current: path),
            breadcrumbs: crumbs,
            footer: footer,
            feedLinks: feedLinks(for: path),
            liveReloadHTML: liveReloadHTML)
    }

    /// Autodiscovery: the whole site's feeds everywhere, plus a section's own on its pages.
    func feedLinks(for path: String) -> [FeedLinkView] {
        guard let section = path.split(separator: "/", maxSplits: 1).first, !sectionFeedLinks.isEmpty else { return siteFeedLinks }
        return sectionFeedLinks[String(section)] ?? siteFeedLinks
    }

    private func makeFeedLinks(section: String?) -> [FeedLinkView] {
        feeds.filter { $0.section == nil || $0.section == section }.map { feed in
            let name = feed.section.flatMap { s in index.sections.first { $0.config.path == s } }.map { sectionTitle($0) } ?? site.config.displayShortName
            return FeedLinkView(
                title: "\(name) (\(feed.format == .rss ? "RSS" : "Atom"))", href: urls.href(feed.path),
                type: feed.format == .rss ? "application/rss+xml" : "application/atom+xml")
        }
    }

    func menu(current: String) -> [MenuItemView] {
        zip(menuEntries, menuHrefs).map { entry, href in
            let isSitePath = entry.url.hasPrefix("/")
            let isCurrent =
                isSitePath && (entry.url == "/" ? current == "/" : current.hasPrefix(entry.url))
            return MenuItemView(title: entry.title, href: href, isCurrent: isCurrent)
        }
    }

    /// The standard menu: the same sections in the same order on every school site.
    var defaultMenu: [MenuEntry] {
        var entries = [MenuEntry(title: "Trang chủ", url: "/")]
        if index.pagesByPath["/gioi-thieu/"] != nil { entries.append(MenuEntry(title: "Giới thiệu", url: "/gioi-thieu/")) }
        if index.sectionPages["/to-chuc/"] != nil || index.leadership != nil || !index.organisations.isEmpty {
            entries.append(MenuEntry(title: "Tổ chức", url: "/to-chuc/"))
        }
        for section in index.sections where !section.posts.isEmpty || section.indexPage != nil {
            entries.append(MenuEntry(title: section.indexPage?.title ?? section.config.title, url: "/\(section.config.path)/"))
        }
        if !index.disclosureYears.isEmpty || index.sectionPages["/cong-khai/"] != nil {
            entries.append(MenuEntry(title: "Công khai", url: "/cong-khai/"))
        }
        if !index.procedures.isEmpty || index.sectionPages["/cai-cach-hanh-chinh/"] != nil {
            entries.append(MenuEntry(title: "Thủ tục hành chính", url: "/cai-cach-hanh-chinh/"))
        }
        if index.pagesByPath["/gop-y/"] != nil { entries.append(MenuEntry(title: "Góp ý", url: "/gop-y/")) }
        entries.append(MenuEntry(title: "Liên hệ", url: "/lien-he/"))
        return entries
    }

    static func footer(_ config: SiteConfig, urls: SiteURLs) -> FooterView {
        FooterView(
            siteName: config.name,
            contact: contact(config.contact),
            contactHref: urls.href("/lien-he/"),
            feedbackHref: urls.href("/gop-y/"),
            sitemapHref: urls.href("/sitemap.xml"),
            rssHref: urls.href("/rss.xml"),
            parentOfficeName: config.parentOffice?.name,
            parentOfficeURL: config.parentOffice?.url)
    }

    var contact: ContactView { footer.contact }

    static func contact(_ contact: Contact) -> ContactView {
        ContactView(
            address: contact.address, landline: contact.landline, landlineHref: Self.telHref(contact.landline),
            email: contact.email, emailHref: "mailto:" + contact.email, hotline: contact.hotline,
            hotlineHref: contact.hotline.map(Self.telHref), fax: contact.fax, hours: contact.hours,
            mapURL: contact.mapURL)
    }

    /// Initials of the words after the level prefix: "THPT Sông Sài Gòn" → "SSG".
    static func initials(of name: String) -> String {
        let words = name.split(separator: " ").filter { word in !word.allSatisfy { $0.isUppercase || $0.isNumber } }
        return String(words.prefix(3).compactMap(\.first)).uppercased()
    }

    static func telHref(_ number: String) -> String {
        "tel:" + number.filter { $0.isNumber || $0 == "+" }
    }

    // MARK: Pieces

    func attachment(_ asset: Asset) -> AttachmentView {
        let isExternal = asset.source.isEmpty
        return AttachmentView(
            title: asset.title,
            href: isExternal ? asset.path : urls.href(asset.path),
            fileType: asset.fileType.isEmpty || isExternal ? nil : asset.fileType,
            sizeLabel: isExternal ? nil : Self.sizeLabel(asset.byteCount),
            isExternal: isExternal)
    }

    /// "980 B", "124 KB", "2,4 MB" (Vietnamese decimal comma).
    static func sizeLabel(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10),\(tenths % 10) MB"
    }

    func person(_ person: Person) -> PersonView {
        let initials = person.name.split(separator: " ").suffix(2).compactMap(\.first).map(String.init).joined()
        return PersonView(
            name: person.name, role: person.role, duties: person.duties, phone: person.phone,
            phoneHref: person.phone.map(Self.telHref), email: person.email,
            emailHref: person.email.map { "mailto:" + $0 },
            photoHref: person.photo.map { attachment($0).href }, initials: initials)
    }

    func tagLink(_ tag: Tag) -> TagLinkView {
        TagLinkView(name: index.label(of: tag), href: urls.href(SiteIndex.tagsPath + tag.slug + "/"))
    }

    func image(of page: Page) -> ImageView? {
        page.image.map { ImageView(src: attachment($0).href, alt: page.imageAlt ?? "") }
    }

    func sectionConfig(of page: Page) -> DatedSectionConfig? {
        guard case .post(let section) = page.kind else { return nil }
        return index.sections.first { $0.config.path == section }?.config
    }

    func sectionTitle(_ section: SiteIndex.DatedSection) -> String {
        section.indexPage?.title ?? section.config.title
    }

    func postCard(_ page: Page) -> PostCardView { postCards[page.path] ?? makePostCard(page) }

    func makePostCard(_ page: Page) -> PostCardView {
        let section = index.sections.first { if case .post(let s) = page.kind { s == $0.config.path } else { false } }
        return PostCardView(
            title: page.title, href: urls.href(page.path), dateDisplay: page.date?.displayDate ?? "",
            dateISO: page.date?.rfc3339 ?? "", summary: page.summary.isEmpty ? nil : page.summary,
            sectionTitle: section.map { sectionTitle($0) } ?? "", sectionHref: urls.href("/\(section?.config.path ?? "")/"),
            tags: page.tags.map { tagLink($0) }, image: image(of: page))
    }

    func linkCard(_ page: Page, meta: String? = nil) -> LinkCardView {
        LinkCardView(
            title: page.title, href: urls.href(page.path),
            summary: page.description ?? (page.summary.isEmpty ? nil : page.summary), meta: meta)
    }

    /// Titles of the list pages above a path, for breadcrumbs: `/cong-khai/2025-2026/x/` →
    /// Công khai, Năm học 2025-2026.
    func trail(for path: String) -> [(String, String)] {
        let segments = Path.parts(path)
        guard segments.count > 1 else { return [] }
        return (1..<segments.count).map { depth in
            let ancestor = "/" + segments[..<depth].joined(separator: "/") + "/"
            return (title(ofListAt: ancestor), ancestor)
        }
    }

    /// The title of a list page, whether or not it has an `_index.md`.
    func title(ofListAt path: String) -> String {
        if let page = index.pagesByPath[path] { return page.title }
        let segments = path.split(separator: "/")
        if segments.count == 2, segments[0] == "cong-khai", let year = SchoolYear(folderName: String(segments[1])) {
            return year.label
        }
        if let section = index.sections.first(where: { "/\($0.config.path)/" == path }) { return sectionTitle(section) }
        return Self.defaultListTitles[path] ?? String(segments.last ?? "")
    }

    static let defaultListTitles: [String: String] = [
        "/to-chuc/": "Cơ cấu tổ chức",
        "/to-chuc/doan-the/": "Các đoàn thể",
        "/cong-khai/": "Công khai",
        "/cai-cach-hanh-chinh/": "Thủ tục hành chính",
        SiteIndex.tagsPath: "Chủ đề",
    ]
}
