extension SitePlan.Job {
    /// The template that renders this page: the Check stage makes sure the theme has it, so that a
    /// theme without it is an error, not an empty page (`ViewFactory.render` picks the same one).
    var template: String {
        switch self {
        case .home: "home"
        case .page(let page): page.layout ?? Self.template(for: page.kind)
        case .postList, .tag: "list"
        case .tagIndex, .organisationOverview, .organisationIndex: "cards"
        case .plainSection(let page): page.layout ?? "cards"
        case .disclosureIndex: "disclosures"
        case .disclosureYear: "disclosure-year"
        case .procedureIndex: "procedures"
        case .compliance: "compliance"
        case .upstreamInclude: "upstream-include"
        case .notFound: "404"
        }
    }

    static func template(for kind: PageKind) -> String {
        switch kind {
        case .home: "home"
        case .page, .section: "page"
        case .contact: "contact"
        case .feedback: "feedback"
        case .leadership: "leadership"
        case .organisation: "organisation"
        case .disclosure: "disclosure"
        case .procedure: "procedure"
        case .post: "post"
        }
    }
}
