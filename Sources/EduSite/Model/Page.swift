/// One Markdown file of `content/`, loaded: what it is, where it goes, and what it says.
///
/// A class with constant fields, so it is still a value to everyone who reads it: a page is shown
/// in many places (its section's lists, its tags' lists, the home page, feeds, neighbours' links), and
/// copying a struct of two dozen fields each time cost more than rendering the page.
public final class Page: Sendable, Hashable {
    /// Path relative to the site root, e.g. `content/tin-tuc/khai-giang.md`.
    public let source: String
    public let kind: PageKind
    /// Site path of the page, always starting and ending with `/`, e.g. `/tin-tuc/khai-giang/`.
    public let path: String
    public let title: String
    public let description: String?
    public let date: ContentDate?
    public let updated: ContentDate?
    public let weight: Int
    public let draft: Bool
    /// Plain-text summary: front matter `summary`, else the first paragraph.
    public let summary: String
    public let body: PageBody
    public let tags: [Tag]
    public let image: Asset?
    public let imageAlt: String?
    public let attachments: [Asset]
    public let people: [Person]
    public let organisation: OrganisationInfo?
    public let disclosure: DisclosureInfo?
    public let procedure: ProcedureInfo?
    /// A template name that replaces the kind's default.
    public let layout: String?
    public let params: [String: YAMLValue]
    /// Where each front matter key stands, for findings about its value (`"title"`, `"people"`, …).
    public let keyLocations: [String: SourceLocation]

    /// The page's location in its file, for findings about the page as a whole.
    public var location: SourceLocation { .file(source) }

    public init(
        source: String,
        kind: PageKind,
        path: String,
        title: String,
        description: String?,
        date: ContentDate?,
        updated: ContentDate?,
        weight: Int,
        draft: Bool,
        summary: String,
        body: PageBody,
        tags: [Tag],
        image: Asset?,
        imageAlt: String?,
        attachments: [Asset],
        people: [Person],
        organisation: OrganisationInfo?,
        disclosure: DisclosureInfo?,
        procedure: ProcedureInfo?,
        layout: String?,
        params: [String: YAMLValue],
        keyLocations: [String: SourceLocation]
    ) {
        self.source = source
        self.kind = kind
        self.path = path
        self.title = title
        self.description = description
        self.date = date
        self.updated = updated
        self.weight = weight
        self.draft = draft
        self.summary = summary
        self.body = body
        self.tags = tags
        self.image = image
        self.imageAlt = imageAlt
        self.attachments = attachments
        self.people = people
        self.organisation = organisation
        self.disclosure = disclosure
        self.procedure = procedure
        self.layout = layout
        self.params = params
        self.keyLocations = keyLocations
    }

    public static func == (lhs: Page, rhs: Page) -> Bool {
        if lhs === rhs { return true }
        return lhs.source == rhs.source && lhs.kind == rhs.kind && lhs.path == rhs.path && lhs.title == rhs.title && lhs.description == rhs.description && lhs.date == rhs.date && lhs.updated == rhs.updated && lhs.weight == rhs.weight && lhs.draft == rhs.draft && lhs.summary == rhs.summary && lhs.body == rhs.body && lhs.tags == rhs.tags && lhs.image == rhs.image && lhs.imageAlt == rhs.imageAlt && lhs.attachments == rhs.attachments && lhs.people == rhs.people && lhs.organisation == rhs.organisation && lhs.disclosure == rhs.disclosure && lhs.procedure == rhs.procedure && lhs.layout == rhs.layout && lhs.params == rhs.params && lhs.keyLocations == rhs.keyLocations
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(path)
        hasher.combine(body.html)
    }
}

public struct PageBody: Sendable, Hashable {
    public var html: BodyHTML
    public var headings: [MarkdownHeading]
    public var links: [PageLink]
    public var wordCount: Int
    /// What the placeholder check needs of the HTML, taken while it was at hand.
    public var sample: BodyTextSample

    public init(html: BodyHTML, headings: [MarkdownHeading], links: [PageLink], wordCount: Int, sample: BodyTextSample) {
        self.html = html
        self.headings = headings
        self.links = links
        self.wordCount = wordCount
        self.sample = sample
    }
}

/// The little of a body's text that tells a real page from a template's leftover.
public struct BodyTextSample: Sendable, Hashable {
    /// The HTML says `TODO` (or another capital marker) somewhere.
    public var hasCapitalMarker: Bool
    /// The visible text (tags removed) when it is short; nil when it is long enough to be real content.
    public var shortText: String?

    public init(hasCapitalMarker: Bool, shortText: String?) {
        self.hasCapitalMarker = hasCapitalMarker
        self.shortText = shortText
    }
}

/// What a page is, decided by where its file lies (the folder layout is the same on every school
/// site, so parents and inspectors find the same thing in the same place).
public enum PageKind: Sendable, Hashable {
    /// `content/_index.md`
    case home
    /// Any other page.
    case page
    /// `content/lien-he.md`
    case contact
    /// `content/gop-y.md`
    case feedback
    /// The `_index.md` of a folder: that folder's list page.
    case section(SectionKind)
    /// `content/to-chuc/ban-giam-hieu.md`
    case leadership
    /// `content/to-chuc/doan-the/*.md`
    case organisation
    /// `content/cong-khai/<school year>/*.md`
    case disclosure
    /// `content/cai-cach-hanh-chinh/*.md`
    case procedure
    /// A dated post of a section declared in `site.yaml` `sections`.
    case post(section: String)
}

/// The list pages the theme knows.
public enum SectionKind: Sendable, Hashable {
    /// `to-chuc/`
    case organisationOverview
    /// `to-chuc/doan-the/`
    case organisations
    /// `cong-khai/`
    case disclosures
    /// `cong-khai/<year>/`
    case disclosureYear(SchoolYear)
    /// `cai-cach-hanh-chinh/`
    case procedures
    /// A dated section, e.g. `tin-tuc/`.
    case posts(section: String)
    /// Any other folder.
    case plain
}

/// A file a page points at (attachment, form, photo): checked to exist, with its size for the
/// download button.
public struct Asset: Sendable, Hashable {
    /// Path relative to the site root of the file itself, e.g. `static/tai-lieu/bao-cao.pdf`.
    public var source: String
    /// Site path it is served at, e.g. `/tai-lieu/bao-cao.pdf`.
    public var path: String
    public var title: String
    public var byteCount: Int
    /// Where the page names it.
    public var declaredAt: SourceLocation

    public init(source: String, path: String, title: String, byteCount: Int, declaredAt: SourceLocation) {
        self.source = source
        self.path = path
        self.title = title
        self.byteCount = byteCount
        self.declaredAt = declaredAt
    }

    /// `PDF`, `DOCX`, …
    public var fileType: String { Path.fileExtension(path).uppercased() }
}

public struct Tag: Sendable, Hashable {
    /// As written: "Y tế".
    public var name: String
    /// URL form: "y-te".
    public var slug: String

    public init(name: String) {
        self.name = name
        self.slug = Slug.make(name)
    }
}

public struct Person: Sendable, Hashable {
    public var name: String
    public var role: String
    public var phone: String?
    public var email: String?
    public var photo: Asset?
    /// Areas of responsibility, e.g. "Phụ trách chuyên môn".
    public var duties: String?
    public var location: SourceLocation
}

public struct OrganisationInfo: Sendable, Hashable {
    public var kind: OrganisationKind
}

public enum OrganisationKind: String, Sendable, Hashable, Decodable, CaseIterable {
    case chiBo = "chi-bo"
    case congDoan = "cong-doan"
    case doanThanhNien = "doan-thanh-nien"
    case doiThieuNien = "doi-thieu-nien"
    case banDaiDienCMHS = "ban-dai-dien-cmhs"
    case hoiDongTruong = "hoi-dong-truong"
    case toChuyenMon = "to-chuyen-mon"
    case khac
}

public struct DisclosureInfo: Sendable, Hashable {
    /// What it fulfils: `[manifest/]item[/kind]`, e.g. `tt09-2024/ke-hoach-ket-qua/thuc-don`.
    public var reference: DisclosureReference
    /// The school year of its folder.
    public var schoolYear: SchoolYear
    /// The month or week it covers, for kinds with a deadline (`period:`).
    public var period: DisclosurePeriod?
}

public struct ProcedureInfo: Sendable, Hashable {
    /// Its id for the manifests, e.g. `don-xin-nghi-hoc`.
    public var id: String
    public var forms: [Asset]
    public var steps: [String]
    public var documents: [String]
    public var timeLimit: String?
    public var fees: String?
    public var agency: String?
    public var legalBasis: [String]
    public var onlineService: String?
    public var onlineLevel: OnlineLevel?
}

/// Online public service levels since Nghị định 42/2022/NĐ-CP (which replaced levels 1-4).
public enum OnlineLevel: String, Sendable, Hashable, Decodable, CaseIterable {
    case toanTrinh = "toan-trinh"
    case motPhan = "mot-phan"

    public var label: String {
        switch self {
        case .toanTrinh: "Dịch vụ công trực tuyến toàn trình"
        case .motPhan: "Dịch vụ công trực tuyến một phần"
        }
    }
}
