/// Views for each kind of page.
extension ViewFactory {
    /// The view and template of one planned page. `bodyStandIn` replaces a `.page` job's body HTML
    /// (see `BodyMarker`).
    func render(_ job: SitePlan.Job, path: String, bodyStandIn: String? = nil) -> (template: String, context: RenderContext) {
        switch job {
        case .home(let page): return framed("home", title: page?.title ?? site.config.name, description: page?.description, path: "/", home(page))
        case .page(let page): return framed(job.template, title: page.title, description: page.description ?? nilIfEmpty(page.summary), path: page.path, article(page, bodyStandIn: bodyStandIn))
        case .postList(let section, let number, let count): return postList(section: section, number: number, count: count, path: path)
        case .tagIndex:
            let cards = index.tags.map { entry in
                LinkCardView(title: entry.tag.name, href: urls.href(SiteIndex.tagsPath + entry.tag.slug + "/"), summary: nil, meta: "\(entry.posts.count) bài viết")
            }
            let title = title(ofListAt: SiteIndex.tagsPath)
            return framed("cards", title: title, description: nil, path: path, CardListView(title: title, introHTML: nil, cards: cards, isEmpty: cards.isEmpty))
        case .tag(let slug, let number, let count):
            let entry = index.tags.first { $0.tag.slug == slug }!
            let folder = SiteIndex.tagsPath + slug + "/"
            let pageSize = site.config.pageSize
            let title = "Chủ đề: \(entry.tag.name)" + (number > 1 ? " – Trang \(number)" : "")
            let posts = entry.posts.dropFirst((number - 1) * pageSize).prefix(pageSize).map { postCard($0) }
            let view = PostListView(
                title: title, introHTML: nil, posts: posts, pagination: pagination(folder: folder, number: number, count: count),
                feedHref: nil, isEmpty: entry.posts.isEmpty)
            let layout = layout(
                name: "list", title: title, description: nil, path: path,
                trail: [(self.title(ofListAt: SiteIndex.tagsPath), SiteIndex.tagsPath)]
                    + (number > 1 ? [("Chủ đề: \(entry.tag.name)", folder)] : []))
            return ("list", RenderContext(layout: layout, page: view))
        case .disclosureIndex:
            let intro = index.sectionPages[path]
            let title = intro?.title ?? title(ofListAt: path)
            let view = DisclosureIndexView(title: title, introHTML: intro?.body.html.templateText, years: index.disclosureYears.map { disclosureYear($0) })
            return framed("disclosures", title: title, description: intro?.description, path: path, view)
        case .disclosureYear(let year):
            let entry = index.disclosureYears.first { $0.year == year }!
            let title = entry.indexPage?.title ?? year.label
            let view = DisclosureIndexView(title: title, introHTML: entry.indexPage?.body.html.templateText, years: [disclosureYear(entry)])
            return framed("disclosure-year", title: title, description: entry.indexPage?.description, path: path, view)
        case .procedureIndex:
            let intro = index.sectionPages[path]
            let title = intro?.title ?? title(ofListAt: path)
            let items = index.procedures.map { page in
                ProcedureListView.Item(
                    title: page.title, href: urls.href(page.path), summary: page.description ?? nilIfEmpty(page.summary),
                    forms: .of(page.procedure?.forms.map { attachment($0) } ?? []), onlineServiceHref: page.procedure?.onlineService)
            }
            return framed("procedures", title: title, description: intro?.description, path: path, ProcedureListView(title: title, introHTML: intro?.body.html.templateText, procedures: items))
        case .organisationOverview:
            let intro = index.sectionPages[path]
            let title = intro?.title ?? title(ofListAt: path)
            var cards: [LinkCardView] = []
            if let leadership = index.leadership { cards.append(linkCard(leadership, meta: "\(leadership.people.count) thành viên")) }
            cards += index.organisations.map { linkCard($0) }
            return framed("cards", title: title, description: intro?.description, path: path, CardListView(title: title, introHTML: intro?.body.html.templateText, cards: cards, isEmpty: cards.isEmpty))
        case .organisationIndex:
            let intro = index.sectionPages[path]
            let title = intro?.title ?? title(ofListAt: path)
            let cards = index.organisations.map { linkCard($0) }
            return framed("cards", title: title, description: intro?.description, path: path, CardListView(title: title, introHTML: intro?.body.html.templateText, cards: cards, isEmpty: cards.isEmpty))
        case .plainSection(let page):
            let children = SiteIndex.byWeightThenTitle(site.pages.filter { $0.path != page.path && Path.parent(String($0.path.dropLast())) + "/" == page.path })
            let cards = children.map { linkCard($0) }
            return framed(page.layout ?? "cards", title: page.title, description: page.description, path: path, CardListView(title: page.title, introHTML: page.body.html.templateText, cards: cards, isEmpty: cards.isEmpty))
        case .upstreamInclude:
            let layout = layout(name: "upstream-include", title: "Tin từ cấp trên", description: nil, path: path, trail: [])
            return ("upstream-include", RenderContext(layout: layout, page: upstreamInclude()!))
        case .compliance:
            return framed("compliance", title: Self.complianceTitle, description: nil, path: path, compliancePage())
        case .notFound:
            let layout = layout(name: "404", title: "Không tìm thấy trang", description: nil, path: "/404.html", trail: [])
            return ("404", RenderContext(layout: layout, page: NotFoundView(title: "Không tìm thấy trang", homeHref: urls.href("/"))))
        }
    }

    func framed(_ template: String, title: String, description: String?, path: String, _ view: any TemplateObject) -> (template: String, context: RenderContext) {
        (template, RenderContext(layout: layout(name: template, title: title, description: description, path: path, trail: trail(for: path)), page: view))
    }

    private func nilIfEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    func home(_ page: Page?) -> HomeView {
        let notices = index.sections.first { $0.config.path == "thong-bao" }
        let news = index.sections.first { $0.config.path == "tin-tuc" }
        let latest = (news?.posts ?? index.allPosts).prefix(6).map { postCard($0) }
        var quickLinks: [LinkCardView] = []
        let candidates: [(String, String)] = [
            ("/cong-khai/", "Ba công khai theo từng năm học"),
            ("/cai-cach-hanh-chinh/", "Thủ tục và biểu mẫu tải về"),
            ("/to-chuc/", "Ban Giám hiệu và các đoàn thể"),
            ("/gop-y/", "Gửi ý kiến đến nhà trường"),
        ]
        for (path, summary) in candidates where plannedPaths.contains(path) {
            quickLinks.append(LinkCardView(title: title(ofListAt: path), href: urls.href(path), summary: summary, meta: nil))
        }
        return HomeView(
            title: page?.title ?? site.config.name, introHTML: page?.body.html.templateText,
            latestPosts: .of(Array(latest)), notices: .of((notices?.posts.prefix(5)).map { $0.map { postCard($0) } } ?? []),
            noticesHref: notices.map { urls.href("/\($0.config.path)/") }, newsHref: news.map { urls.href("/\($0.config.path)/") },
            quickLinks: .of(quickLinks), upstream: upstreamInclude())
    }

    func article(_ page: Page, bodyStandIn: String? = nil) -> ArticleView {
        let section = sectionConfig(of: page)
        var previous: LinkCardView?
        var next: LinkCardView?
        var related: [LinkCardView] = []
        if let section, let posts = index.sections.first(where: { $0.config.path == section.path })?.posts,
            let position = index.postPositions[page.source]
        {
            // Lists are newest first: "previous" is the older post.
            if position + 1 < posts.count { previous = neighbourCard(posts, position + 1) }
            if position > 0 { next = neighbourCard(posts, position - 1) }
        }
        if page.kind == .disclosure, let year = page.disclosure?.schoolYear,
            let entry = index.disclosureYears.first(where: { $0.year == year })
        {
            related = entry.items.filter { $0.path != page.path }.map { linkCard($0) }
        }
        let procedure = page.procedure.map { info in
            ProcedureView(
                forms: .of(info.forms.map { attachment($0) }), steps: .of(info.steps), documents: .of(info.documents),
                timeLimit: info.timeLimit, fees: info.fees, agency: info.agency, legalBasis: .of(info.legalBasis),
                onlineServiceHref: info.onlineService, onlineLevelLabel: info.onlineLevel?.label)
        }
        let feedback = page.kind == .feedback ? site.config.feedback.map { config in
            FeedbackFormView(
                formAction: config.formAction, emailHref: config.email.map { "mailto:" + $0 }, email: config.email,
                externalURL: config.url)
        } : nil
        return ArticleView(
            title: page.title,
            lead: section != nil ? nilIfEmpty(page.summary) : page.description,
            dateDisplay: page.date?.displayDate, dateISO: page.date?.rfc3339,
            updatedDisplay: page.updated?.displayDate, updatedISO: page.updated?.rfc3339,
            sectionTitle: section.map { s in index.sections.first { $0.config.path == s.path }.map { sectionTitle($0) } ?? s.title },
            sectionHref: section.map { urls.href("/\($0.path)/") },
            contentHTML: bodyStandIn.map { UTF8Text(Array($0.utf8)) } ?? (page.body.html.isEmpty ? nil : page.body.html.templateText),
            image: image(of: page), tags: .of(page.tags.map { tagLink($0) }), attachments: .of(page.attachments.map { attachment($0) }),
            people: .of(page.people.map { person($0) }), procedure: procedure,
            contact: page.kind == .contact ? contact : nil, feedback: feedback,
            previous: previous, next: next, related: .of(related))
    }

    private func neighbourCard(_ posts: [Page], _ position: Int) -> LinkCardView {
        linkCard(posts[position], meta: posts[position].date?.displayDate)
    }

    func postList(section path: String, number: Int, count: Int, path sitePath: String) -> (template: String, context: RenderContext) {
        let section = index.sections.first { $0.config.path == path }!
        let pageSize = site.config.pageSize
        let slice = section.posts.dropFirst((number - 1) * pageSize).prefix(pageSize)
        let title = sectionTitle(section) + (number > 1 ? " – Trang \(number)" : "")
        let view = PostListView(
            title: title, introHTML: number == 1 ? section.indexPage?.body.html.templateText : nil, posts: slice.map { postCard($0) },
            pagination: pagination(folder: "/\(path)/", number: number, count: count), feedHref: nil,
            isEmpty: section.posts.isEmpty)
        let layout = layout(name: "list", title: title, description: section.indexPage?.description, path: sitePath,
                            trail: number > 1 ? [(sectionTitle(section), "/\(path)/")] : [])
        return ("list", RenderContext(layout: layout, page: view))
    }

    /// Links to the pages of a list around the current one; nil when it has one page.
    func pagination(folder: String, number: Int, count: Int) -> PaginationView? {
        guard count > 1 else { return nil }
        return PaginationView(
            previousHref: number > 1 ? urls.href(SitePlan.pagedPath(folder, pageNumber: number - 1)) : nil,
            nextHref: number < count ? urls.href(SitePlan.pagedPath(folder, pageNumber: number + 1)) : nil,
            pages: Self.pageNumbers(current: number, count: count).map { n in
                n.map { PaginationView.PageLink(number: $0, href: urls.href(SitePlan.pagedPath(folder, pageNumber: $0)), isCurrent: $0 == number) }
                    ?? .gap
            },
            label: "Trang \(number) / \(count)")
    }

    /// The first and last page, and two on each side of the current one; nil for a gap. A list of
    /// 700 pages (a large school's news) would otherwise link every page from every page.
    static func pageNumbers(current: Int, count: Int) -> [Int?] {
        let shown = Set([1, count] + Array(max(1, current - 2)...min(count, current + 2)))
        var numbers: [Int?] = []
        var last = 0
        for n in shown.sorted() {
            // A gap of a single page is shown as that page.
            if n == last + 2 { numbers.append(last + 1) } else if n > last + 2 { numbers.append(nil) }
            numbers.append(n)
            last = n
        }
        return numbers
    }

    func disclosureYear(_ entry: SiteIndex.DisclosureYear) -> DisclosureIndexView.Year {
        let items = entry.items.map { page in
            DisclosureIndexView.Item(
                title: page.title, href: urls.href(page.path), dateDisplay: page.date?.displayDate,
                attachments: .of(page.attachments.map { attachment($0) }))
        }
        return DisclosureIndexView.Year(
            label: entry.year.label, href: urls.href(entry.path), anchor: "nam-hoc-\(entry.year)", items: items,
            isEmpty: items.isEmpty)
    }
}
