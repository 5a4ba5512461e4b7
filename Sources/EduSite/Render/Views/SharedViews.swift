/// Small pieces several templates show.

/// A non-empty list with a heading around it in the template: nil when there is nothing to show,
/// so `{{#attachments}}<h2>…</h2>{{#items}}…{{/items}}{{/attachments}}` needs no logic.
struct ItemBlock<Item: Sendable>: Sendable {
    let items: [Item]

    static func of(_ items: [Item]) -> ItemBlock? { items.isEmpty ? nil : ItemBlock(items: items) }
}

struct AttachmentView: Sendable {
    let title: String
    let href: String
    /// "PDF", "DOCX", … — the download button says what the file is.
    let fileType: String?
    /// "124 KB"
    let sizeLabel: String?
    let isExternal: Bool
}

struct PersonView: Sendable {
    let name: String
    let role: String
    let duties: String?
    let phone: String?
    let phoneHref: String?
    let email: String?
    let emailHref: String?
    let photoHref: String?
    /// Initials shown when there is no photo.
    let initials: String
}

struct TagLinkView: Sendable {
    let name: String
    let href: String
}

struct ImageView: Sendable {
    let src: String
    let alt: String
}

/// A post as a list shows it.
struct PostCardView: Sendable {
    let title: String
    let href: String
    let dateDisplay: String
    let dateISO: String
    let summary: String?
    let sectionTitle: String
    let sectionHref: String
    let tags: [TagLinkView]
    let image: ImageView?
}

/// A link with a short text: overview pages, quick links.
struct LinkCardView: Sendable {
    let title: String
    let href: String
    let summary: String?
    let meta: String?
}

struct PaginationView: Sendable {
    struct PageLink: Sendable {
        let number: Int
        let href: String
        let isCurrent: Bool
        /// Stands for the pages left out between two links ("…").
        let isGap: Bool

        init(number: Int, href: String, isCurrent: Bool) {
            self.number = number
            self.href = href
            self.isCurrent = isCurrent
            self.isGap = false
        }

        static let gap = PageLink(gapAfter: ())
        private init(gapAfter: Void) {
            number = 0
            href = ""
            isCurrent = false
            isGap = true
        }
    }

    let previousHref: String?
    let nextHref: String?
    let pages: [PageLink]
    /// "Trang 2 / 5"
    let label: String
}
