/// The Check stage of compliance: a pure function of the site (with its build date) and the
/// manifests, giving each requirement's status and its findings.
public struct ComplianceChecker: Sendable {
    public init() {}

    public func check(_ site: Site, manifests: [Manifest]) -> ComplianceResult {
        let unit = site.config.unit
        var results: [RequirementResult] = []
        for manifest in manifests where manifest.applies(to: unit) {
            for requirement in manifest.requirements where requirement.applies(to: unit) {
                results.append(evaluate(requirement, of: manifest, in: site))
            }
        }
        return ComplianceResult(
            manifests: manifests, requirements: results, checkedOn: site.buildDate, schoolYear: site.currentSchoolYear,
            references: DisclosureReferenceCheck.problems(site, manifests: manifests.filter { $0.applies(to: unit) }))
    }

    func evaluate(_ requirement: Requirement, of manifest: Manifest, in site: Site) -> RequirementResult {
        var evaluation = RequirementEvaluation(site: site, requirement: requirement, manifest: manifest)
        var years: [SchoolYear] = []
        let today = site.buildDate.local
        if let rule = requirement.rules.schoolYears {
            years = rule.years(current: site.currentSchoolYear, founded: site.config.founded)
            for year in years {
                if let due = rule.dueDate(of: year), Self.isBefore(today, due) {
                    evaluation.evaluate(year: year, standing: .notYetDue(due))
                } else if rule.isUnverified(year, current: site.currentSchoolYear), let reading = rule.unverified {
                    evaluation.evaluate(year: year, standing: .reading(reading.note))
                } else {
                    evaluation.evaluate(year: year, standing: .due)
                }
            }
        } else {
            evaluation.evaluate(year: nil, standing: .due)
        }
        let findings = evaluation.findings
        let status: RequirementResult.Status =
            if requirement.rules.schoolYears != nil && years.isEmpty { .notApplicable }
            else if findings.hasErrors { .missing }
            else if !findings.isEmpty { .review }
            else if !evaluation.upcoming.isEmpty { .pending }
            else { .met }
        return RequirementResult(
            manifestID: manifest.id, requirement: requirement, status: status, schoolYears: years, findings: findings,
            summaries: evaluation.summaries, upcoming: evaluation.upcoming, verified: requirement.verified ?? manifest.verified)
    }

    /// Calendar order of two local days (times ignored).
    static func isBefore(_ day: DateTimeValue, _ other: DateTimeValue) -> Bool {
        (day.year, day.month, day.day) < (other.year, other.month, other.day)
    }
}
