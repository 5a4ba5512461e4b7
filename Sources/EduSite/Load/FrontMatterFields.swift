/// Front matter as written, one struct per page kind, so that a key that means nothing for a kind
/// (e.g. `people:` on a news post) is reported as unknown there. They share `CommonFields`, decoded
/// from the same mapping.

/// Keys every page may have.
struct CommonFields: Decodable, Sendable {
    var title: String
    var description: String?
    var slug: String?
    var draft: Bool
    var weight: Int
    var date: DateTimeValue?
    var updated: DateTimeValue?
    var image: String?
    var imageAlt: String?
    var summary: String?
    var attachments: [FileReference]
    var layout: String?
    var params: [String: YAMLValue]

    enum CodingKeys: String, CodingKey {
        case title, description, slug, draft, weight, date, updated, image
        case imageAlt = "image_alt"
        case summary, attachments, layout, params
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        slug = try c.decodeIfPresent(Identifier.self, forKey: .slug)?.value
        draft = try c.decodeIfPresent(Bool.self, forKey: .draft) ?? false
        weight = try c.decodeIfPresent(Int.self, forKey: .weight) ?? 0
        date = try c.decodeIfPresent(DateTimeValue.self, forKey: .date)
        updated = try c.decodeIfPresent(DateTimeValue.self, forKey: .updated)
        image = try c.decodeIfPresent(String.self, forKey: .image)
        imageAlt = try c.decodeIfPresent(String.self, forKey: .imageAlt)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        attachments = try c.decodeIfPresent([FileReference].self, forKey: .attachments) ?? []
        layout = try c.decodeIfPresent(String.self, forKey: .layout)
        params = try c.decodeIfPresent([String: YAMLValue].self, forKey: .params) ?? [:]
    }
}

/// `{file: …, title: …}`: a file in `static/` (path starting with `/`) or beside the page.
struct FileReference: Decodable, Sendable {
    var file: String
    var title: String?

    enum CodingKeys: String, CodingKey { case file, title }
}

struct PersonFields: Decodable, Sendable {
    var name: String
    var role: String
    var phone: String?
    var email: String?
    var photo: String?
    var duties: String?

    enum CodingKeys: String, CodingKey { case name, role, phone, email, photo, duties }
}

/// Plain pages, the home page, contact, feedback and section `_index.md` files.
struct PlainFrontMatter: Decodable, Sendable {
    var common: CommonFields
    init(from decoder: any Decoder) throws { common = try CommonFields(from: decoder) }
}

struct PostFrontMatter: Decodable, Sendable {
    var common: CommonFields
    var tags: [String]
    var author: String?

    enum CodingKeys: String, CodingKey { case tags, author }

    init(from decoder: any Decoder) throws {
        common = try CommonFields(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        author = try c.decodeIfPresent(String.self, forKey: .author)
    }
}

struct PeopleFrontMatter: Decodable, Sendable {
    var common: CommonFields
    var people: [PersonFields]

    enum CodingKeys: String, CodingKey { case people }

    init(from decoder: any Decoder) throws {
        common = try CommonFields(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        people = try c.decode([PersonFields].self, forKey: .people)
    }
}

struct OrganisationFrontMatter: Decodable, Sendable {
    var common: CommonFields
    var kind: OrganisationKind
    var people: [PersonFields]

    enum CodingKeys: String, CodingKey { case kind, people }

    init(from decoder: any Decoder) throws {
        common = try CommonFields(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(OrganisationKind.self, forKey: .kind) ?? .khac
        people = try c.decodeIfPresent([PersonFields].self, forKey: .people) ?? []
    }
}

struct DisclosureFrontMatter: Decodable, Sendable {
    var common: CommonFields
    var disclosure: String

    enum CodingKeys: String, CodingKey { case disclosure }

    init(from decoder: any Decoder) throws {
        common = try CommonFields(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        disclosure = try c.decode(Identifier.self, forKey: .disclosure).value
    }
}

struct ProcedureFrontMatter: Decodable, Sendable {
    var common: CommonFields
    var procedure: String?
    var forms: [FileReference]
    var steps: [String]
    var documents: [String]
    var timeLimit: String?
    var fees: String?
    var agency: String?
    var legalBasis: [String]
    var onlineService: String?
    var onlineLevel: OnlineLevel?

    enum CodingKeys: String, CodingKey {
        case procedure, forms, steps, documents
        case timeLimit = "time_limit"
        case fees, agency
        case legalBasis = "legal_basis"
        case onlineService = "online_service"
        case onlineLevel = "online_level"
    }

    init(from decoder: any Decoder) throws {
        common = try CommonFields(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        procedure = try c.decodeIfPresent(Identifier.self, forKey: .procedure)?.value
        forms = try c.decodeIfPresent([FileReference].self, forKey: .forms) ?? []
        steps = try c.decodeIfPresent([String].self, forKey: .steps) ?? []
        documents = try c.decodeIfPresent([String].self, forKey: .documents) ?? []
        timeLimit = try c.decodeIfPresent(String.self, forKey: .timeLimit)
        fees = try c.decodeIfPresent(String.self, forKey: .fees)
        agency = try c.decodeIfPresent(String.self, forKey: .agency)
        legalBasis = try c.decodeIfPresent([String].self, forKey: .legalBasis) ?? []
        onlineService = try c.decodeIfPresent(AbsoluteURL.self, forKey: .onlineService)?.string
        onlineLevel = try c.decodeIfPresent(OnlineLevel.self, forKey: .onlineLevel)
    }
}
