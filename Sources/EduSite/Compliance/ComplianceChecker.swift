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
            manifests: manifests, requirements: results, checkedOn: site.buildDate, schoolYear: site.currentSchoolYear)
    }

    func evaluate(_ requirement: Requirement, of manifest: Manifest, in site: Site) -> RequirementResult {
        var evaluation = RequirementEvaluation(site: site, requirement: requirement, rule: "\(manifest.id)/\(requirement.id)")
        var years: [SchoolYear] = []
        if let rule = requirement.rules.schoolYears {
            years = rule.years(current: site.currentSchoolYear, founded: site.config.founded)
            for year in years {
                let due = rule.dueDate(of: year)
                let notYetDue = due.map { Self.isBefore(site.buildDate.local, $0) } ?? false
                evaluation.evaluate(year: year, severity: notYetDue ? .warning : .error, due: notYetDue ? due : nil)
            }
        } else {
            evaluation.evaluate(year: nil, severity: .error, due: nil)
        }
        let findings = evaluation.findings
        let status: RequirementResult.Status =
            requirement.rules.schoolYears != nil && years.isEmpty
            ? .notApplicable
            : findings.hasErrors ? .missing : findings.isEmpty ? .met : .pending
        return RequirementResult(
            manifestID: manifest.id, requirement: requirement, status: status, schoolYears: years, findings: findings, summaries: evaluation.summaries,
            verified: requirement.verified ?? manifest.verified)
    }

    /// Calendar order of two local days (times ignored).
    static func isBefore(_ day: DateTimeValue, _ other: DateTimeValue) -> Bool {
        (day.year, day.month, day.day) < (other.year, other.month, other.day)
    }
}
