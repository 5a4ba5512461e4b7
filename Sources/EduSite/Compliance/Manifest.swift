/// A required-section manifest: what one regulation asks of a site, as data (`manifests/*.yaml`).
///
/// The facts (sections, counts, ids, titles, dates, unit kinds) live only in the YAML; Swift only
/// knows the handful of rule kinds in `RequirementRules` and how to evaluate them.
public struct Manifest: Sendable, Hashable {
    /// `hcm-portal`, `tt09-2024`, or a district's own id.
    public var id: String
    /// Vietnamese title, e.g. "Tiêu chí trang thông tin điện tử trường học (TP.HCM)".
    public var title: String
    public var regulation: Regulation
    /// False when the text behind the manifest was not read in full: shown wherever it is used.
    public var verified: Bool
    public var note: String?
    /// Unit kinds the manifest applies to; nil: all.
    public var units: [UnitKind]?
    /// After `extends` is resolved: the parents' requirements first, overridden by id.
    public var requirements: [Requirement]
    /// Where it was read from, for findings: `manifest:hcm-portal.yaml` or a path in the site.
    public var source: String

    public init(
        id: String, title: String, regulation: Regulation, verified: Bool, note: String?, units: [UnitKind]?,
        requirements: [Requirement], source: String
    ) {
        self.id = id
        self.title = title
        self.regulation = regulation
        self.verified = verified
        self.note = note
        self.units = units
        self.requirements = requirements
        self.source = source
    }

    public func applies(to unit: UnitKind) -> Bool { units?.contains(unit) ?? true }
}

/// The text a manifest encodes and where it can be read.
public struct Regulation: Sendable, Hashable, Decodable {
    /// e.g. "Thông tư 09/2024/TT-BGDĐT".
    public var name: String
    /// Where the text was read: a URL or a description of the document.
    public var source: String
    /// "in force 19/07/2024" and similar, as text for people.
    public var inForce: String?

    enum CodingKeys: String, CodingKey {
        case name, source
        case inForce = "in_force"
    }
}

/// One required section of a manifest: where it lives, what kind of content it is, and the rules
/// it must meet.
public struct Requirement: Sendable, Hashable {
    /// Stable id within the manifest, e.g. `bieu-mau`; the rule id is `<manifest>/<id>`.
    public var id: String
    /// Vietnamese title: findings, the JSON report and the self-check page name it.
    public var title: String
    public var kind: RequirementKind
    /// Where it lives, relative to the site: `content/lien-he.md`, `content/cong-khai/{year}/`, `site.yaml`.
    public var path: String
    /// Unit kinds it applies to; nil: every unit the manifest applies to.
    public var units: [UnitKind]?
    /// nil: as the manifest.
    public var verified: Bool?
    public var note: String?
    /// Why it is required: the clause it comes from, for people.
    public var basis: String?
    /// `warning`: a verified rule that should not stop a build when unmet; nil: an error when due.
    public var severity: Diagnostic.Severity?
    public var rules: RequirementRules
    /// Where it is written in its manifest.
    public var location: SourceLocation

    public func applies(to unit: UnitKind) -> Bool { units?.contains(unit) ?? true }

    /// The path with `{year}` replaced.
    public func path(for year: SchoolYear?) -> String {
        guard let year else { return path }
        return path.replacingYear(with: year.description)
    }
}

/// What kind of content a requirement is about; decides what counts as its items.
public enum RequirementKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A Markdown page at `path`.
    case page
    /// A page with a `people:` list (`to-chuc/ban-giam-hieu.md`).
    case people
    /// Organisation pages under `path` (`content/to-chuc/doan-the/`); items named by `kind:`.
    case organisations
    /// Disclosure pages under `path`; items named by `disclosure:`.
    case disclosures
    /// Procedure pages under `path`; items named by `procedure:`.
    case procedures
    /// Dated posts of every dated section of `site.yaml`.
    case posts
    /// The feedback page, and a `feedback` address in `site.yaml`.
    case feedback
    /// The contact page; `fields` come from `site.yaml` `contact` and must be shown by its template.
    case contact
    /// The footer of every page; `fields` as for `contact`.
    case footer
    /// The parent office's feeds shown on the site (`site.yaml` `upstream_feeds`); items named by `id`.
    case feeds
    /// Settings of `site.yaml` itself (the domain).
    case site
}

extension String {
    func replacingYear(with year: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: "{year}") {
            result += rest[..<range.lowerBound] + year
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
