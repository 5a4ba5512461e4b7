/// The context every template is rendered with: the frame, and the page's own view.
struct RenderContext: Sendable {
    let layout: LayoutView
    let page: any TemplateObject
}

/// A page that reads like an article: plain pages, posts, disclosures, organisations, leadership,
/// procedures, contact and feedback. Optional blocks are nil where a kind has none.
struct ArticleView: Sendable {
    let title: String
    let lead: String?
    let dateDisplay: String?
    let dateISO: String?
    let updatedDisplay: String?
    let updatedISO: String?
    let sectionTitle: String?
    let sectionHref: String?
    let contentHTML: UTF8Text?
    let image: ImageView?
    let tags: ItemBlock<TagLinkView>?
    let attachments: ItemBlock<AttachmentView>?
    let people: ItemBlock<PersonView>?
    let procedure: ProcedureView?
    let contact: ContactView?
    let feedback: FeedbackFormView?
    let previous: LinkCardView?
    let next: LinkCardView?
    let related: ItemBlock<LinkCardView>?
}

struct ProcedureView: Sendable {
    let forms: ItemBlock<AttachmentView>?
    let steps: ItemBlock<String>?
    let documents: ItemBlock<String>?
    let timeLimit: String?
    let fees: String?
    let agency: String?
    let legalBasis: ItemBlock<String>?
    let onlineServiceHref: String?
    let onlineLevelLabel: String?
}

struct ContactView: Sendable {
    let address: String
    let landline: String
    let landlineHref: String
    let email: String
    let emailHref: String
    let hotline: String?
    let hotlineHref: String?
    let fax: String?
    let hours: String?
    let mapURL: String?
}

struct FeedbackFormView: Sendable {
    /// Form `action` (POST) when the site has a form service.
    let formAction: String?
    /// `mailto:` link when the site takes feedback by email.
    let emailHref: String?
    let email: String?
    /// An external page with the whole form.
    let externalURL: String?
}

/// A dated section's list (and tag pages, which list posts too).
struct PostListView: Sendable {
    let title: String
    let introHTML: UTF8Text?
    let posts: [PostCardView]
    let pagination: PaginationView?
    let feedHref: String?
    let isEmpty: Bool
}

/// A list of link cards: the organisation overview, organisations, procedures, tags.
struct CardListView: Sendable {
    let title: String
    let introHTML: UTF8Text?
    let cards: [LinkCardView]
    let isEmpty: Bool
}

struct ProcedureListView: Sendable {
    struct Item: Sendable {
        let title: String
        let href: String
        let summary: String?
        let forms: ItemBlock<AttachmentView>?
        let onlineServiceHref: String?
    }

    let title: String
    let introHTML: UTF8Text?
    let procedures: [Item]
}

struct DisclosureIndexView: Sendable {
    struct Year: Sendable {
        let label: String
        let href: String
        let anchor: String
        let items: [Item]
        let isEmpty: Bool
    }

    struct Item: Sendable {
        let title: String
        let href: String
        let dateDisplay: String?
        let attachments: ItemBlock<AttachmentView>?
    }

    let title: String
    let introHTML: UTF8Text?
    let years: [Year]
}

struct HomeView: Sendable {
    let title: String
    let introHTML: UTF8Text?
    let latestPosts: ItemBlock<PostCardView>?
    let notices: ItemBlock<PostCardView>?
    let noticesHref: String?
    let newsHref: String?
    let quickLinks: ItemBlock<LinkCardView>?
    let upstream: UpstreamIncludeView?
}

struct NotFoundView: Sendable {
    let title: String
    let homeHref: String
}
