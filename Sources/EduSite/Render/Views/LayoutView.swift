/// What every page's frame shows: head, header with menu, breadcrumbs, contact footer.
/// Stored, pre-formatted values only: templates make no decisions.
struct LayoutView: Sendable {
    let lang: String
    /// `data-layout` on `<body>`: the template's name (tests and styles select on it).
    let layoutName: String
    /// `<title>`: "Page – School".
    let documentTitle: String
    let description: String?
    let canonicalURL: String
    let stylesheetHref: String
    let faviconHref: String
    let homeHref: String
    let site: SiteIdentityView
    let menu: [MenuItemView]
    let breadcrumbs: BreadcrumbsView?
    let footer: FooterView
    let feedLinks: [FeedLinkView]
    /// Only in `edusite serve`: the live-reload script tag.
    let liveReloadHTML: String?
}

struct SiteIdentityView: Sendable {
    let name: String
    let shortName: String
    /// Shown in the logo badge, e.g. "SSG".
    let initials: String
    let unitLabel: String
    let parentOfficeName: String?
    let parentOfficeURL: String?
}

struct MenuItemView: Sendable {
    let title: String
    let href: String
    /// `aria-current="page"` goes on the current item.
    let isCurrent: Bool
}

struct BreadcrumbsView: Sendable {
    let items: [CrumbView]
}

struct CrumbView: Sendable {
    let title: String
    let href: String
    let isLast: Bool
}

struct FooterView: Sendable {
    let siteName: String
    /// Address, phones, email and hours: the same block the contact page shows.
    let contact: ContactView
    let contactHref: String
    let feedbackHref: String
    let sitemapHref: String
    let rssHref: String
    let parentOfficeName: String?
    let parentOfficeURL: String?
}

struct FeedLinkView: Sendable {
    let title: String
    let href: String
    let type: String
}
