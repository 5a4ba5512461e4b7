/// Front matter as written, one struct per page kind, so that a key that means nothing for a kind
/// (e.g. `people:` on a news post) is reported as unknown there. They share `CommonFields`, read
/// from the same mapping.
///
/// Read with a `YAMLMappingReader` (every page has front matter, and `Decodable`'s containers cost
/// more than the reading); the lists of files and people inside are `Decodable`. Keys are asked for
/// in a fixed order, which the "keys allowed here" hint of an unknown key lists.

/// Keys every page may have.
struct CommonFields: Sendable {
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

    init(_ c: YAMLMappingReader) throws {
        title = try c.string("title")
        description = try c.optionalString("description")
        slug = try c.optional(Identifier.self, "slug")?.value
        draft = try c.optionalBool("draft") ?? false
        weight = try c.optionalInt("weight") ?? 0
        date = try c.optionalDate("date")
        updated = try c.optionalDate("updated")
        image = try c.optionalString("image")
        imageAlt = try c.optionalString("image_alt")
        summary = try c.optionalString("summary")
        attachments = try c.optional([FileReference].self, "attachments") ?? []
        layout = try c.optionalString("layout")
        params = try c.optional([String: YAMLValue].self, "params") ?? [:]
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
struct PlainFrontMatter: Sendable {
    var common: CommonFields
    init(_ c: YAMLMappingReader) throws { common = try CommonFields(c) }
}

struct PostFrontMatter: Sendable {
    var common: CommonFields
    var tags: [String]
    var author: String?

    init(_ c: YAMLMappingReader) throws {
        common = try CommonFields(c)
        tags = try c.optionalStrings("tags") ?? []
        author = try c.optionalString("author")
    }
}

struct PeopleFrontMatter: Sendable {
    var common: CommonFields
    var people: [PersonFields]

    init(_ c: YAMLMappingReader) throws {
        common = try CommonFields(c)
        people = try c.decode([PersonFields].self, "people")
    }
}

struct OrganisationFrontMatter: Sendable {
    var common: CommonFields
    var kind: OrganisationKind
    var people: [PersonFields]

    init(_ c: YAMLMappingReader) throws {
        common = try CommonFields(c)
        kind = try c.optional(OrganisationKind.self, "kind") ?? .khac
        people = try c.optional([PersonFields].self, "people") ?? []
    }
}

struct DisclosureFrontMatter: Sendable {
    var common: CommonFields
    var disclosure: DisclosureReference
    var period: DisclosurePeriod?
    /// As the page states it; the folder decides, this is cross-checked against it.
    var schoolYear: SchoolYear?

    init(_ c: YAMLMappingReader) throws {
        common = try CommonFields(c)
        disclosure = try c.decode(DisclosureReference.self, "disclosure")
        period = try c.optional(DisclosurePeriod.self, "period")
        schoolYear = try c.optional(SchoolYearText.self, "school_year")?.year
    }
}

struct ProcedureFrontMatter: Sendable {
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

    init(_ c: YAMLMappingReader) throws {
        common = try CommonFields(c)
        procedure = try c.optional(Identifier.self, "procedure")?.value
        forms = try c.optional([FileReference].self, "forms") ?? []
        steps = try c.optionalStrings("steps") ?? []
        documents = try c.optionalStrings("documents") ?? []
        timeLimit = try c.optionalString("time_limit")
        fees = try c.optionalString("fees")
        agency = try c.optionalString("agency")
        legalBasis = try c.optionalStrings("legal_basis") ?? []
        onlineService = try c.optional(AbsoluteURL.self, "online_service")?.string
        onlineLevel = try c.optional(OnlineLevel.self, "online_level")
    }
}
