import Foundation

/// The machine-readable compliance report (`compliance.json`, `edusite check --format json`) for
/// a district office's dashboard. Schema: `docs/compliance-report.schema.json`; keys are sorted,
/// so the same input gives the same bytes.
public struct ComplianceReport: Sendable, Encodable {
    public static let schemaVersion = 2

    public struct SiteInfo: Sendable, Encodable {
        var name: String
        var unit: String
        var domain: String?
        var baseURL: String
        enum CodingKeys: String, CodingKey { case name, unit, domain, baseURL = "base_url" }
    }

    public struct Summary: Sendable, Encodable {
        var requirements: Int
        var met: Int
        var pending: Int
        var review: Int
        var missing: Int
        var notApplicable: Int
        var errors: Int
        var warnings: Int
        /// No error: the site meets every applicable requirement that is due.
        var passed: Bool
        /// "12 of 14 requirements met"
        var text: String
        enum CodingKeys: String, CodingKey {
            case requirements, met, pending, review, missing, errors, warnings, passed, text
            case notApplicable = "not_applicable"
        }
    }

    public struct ManifestInfo: Sendable, Encodable {
        var id: String
        var title: String
        var regulation: Regulation
        var verified: Bool
        var note: String?
        var source: String
    }

    public struct RequirementInfo: Sendable, Encodable {
        var rule: String
        var manifest: String
        var id: String
        var title: String
        var kind: String
        var path: String
        var status: String
        var verified: Bool
        var note: String?
        var basis: String?
        var schoolYears: [String]
        var findings: [Finding]
        /// Not there yet and not yet due: what falls due next.
        var upcoming: [Upcoming]
        enum CodingKeys: String, CodingKey {
            case rule, manifest, id, title, kind, path, status, verified, note, basis, findings, upcoming
            case schoolYears = "school_years"
        }
    }

    public struct Finding: Sendable, Encodable {
        var code: String
        var severity: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
        var hint: String?
        var rule: String?

        init(_ diagnostic: Diagnostic, in language: Language) {
            code = diagnostic.code.rawValue
            severity = diagnostic.severity.rawValue
            message = diagnostic.message.text(language)
            file = diagnostic.location.map { Path.nfc($0.path) }
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            hint = diagnostic.hint?.text(language)
            rule = diagnostic.rule
        }
    }

    public struct Upcoming: Sendable, Encodable {
        /// `2027-06-30`
        var due: String
        var finding: Finding
    }

    var schemaVersion: Int
    var site: SiteInfo
    var checkedOn: String
    var schoolYear: String
    var summary: Summary
    var manifests: [ManifestInfo]
    var requirements: [RequirementInfo]
    /// Findings not tied to a requirement (broken links, templates, …): only `check` fills it.
    var otherFindings: [Finding]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case site
        case checkedOn = "checked_on"
        case schoolYear = "school_year"
        case summary, manifests, requirements
        case otherFindings = "other_findings"
    }

    /// `language`: of the findings' messages and the summary's text.
    public init(site: Site, result: ComplianceResult, otherFindings: [Diagnostic] = [], language: Language = .vi) {
        let config = site.config
        schemaVersion = Self.schemaVersion
        self.site = SiteInfo(name: config.name, unit: config.unit.rawValue, domain: config.domain, baseURL: config.baseURL)
        checkedOn = result.checkedOn.isoDate
        schoolYear = result.schoolYear.description
        // R018 (a disclosure naming nothing) belongs to no requirement: it goes with the other findings.
        let others = result.references + otherFindings.filter { !result.references.contains($0) }
        let all = result.requirements.flatMap(\.findings) + others
        summary = Summary(
            requirements: result.applicableCount, met: result.metCount,
            pending: result.requirements.count { $0.status == .pending },
            review: result.requirements.count { $0.status == .review },
            missing: result.requirements.count { $0.status == .missing },
            notApplicable: result.requirements.count { $0.status == .notApplicable },
            errors: all.errorCount, warnings: all.warningCount, passed: !all.hasErrors, text: result.summary.text(language))
        manifests = result.manifests.map {
            ManifestInfo(id: $0.id, title: $0.title, regulation: $0.regulation, verified: $0.verified, note: $0.note, source: $0.source)
        }
        requirements = result.requirements.map { r in
            RequirementInfo(
                rule: r.ruleID, manifest: r.manifestID, id: r.requirement.id, title: r.requirement.title,
                kind: r.requirement.kind.rawValue, path: r.requirement.path, status: r.status.rawValue, verified: r.verified,
                note: r.requirement.note, basis: r.requirement.basis, schoolYears: r.schoolYears.map(\.description),
                findings: r.findings.sortedForOutput().map { Finding($0, in: language) },
                upcoming: r.upcoming.map { Upcoming(due: $0.due.isoDay, finding: Finding($0.finding, in: language)) })
        }
        self.otherFindings = others.sortedForOutput().map { Finding($0, in: language) }
    }

    /// Pretty-printed JSON with sorted keys and a final newline.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension Regulation: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(source, forKey: .source)
        try c.encodeIfPresent(inForce, forKey: .inForce)
    }
}
