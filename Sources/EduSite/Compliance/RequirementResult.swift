/// How one requirement stands for one site on one day.
public struct RequirementResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Every rule holds.
        case met
        /// Only findings that are not yet due (warnings).
        case pending
        /// At least one error.
        case missing
        /// Nothing to ask for: no school year in range (a school founded later, a repealed text).
        case notApplicable = "not-applicable"
    }

    public var manifestID: String
    public var requirement: Requirement
    public var status: Status
    /// The school years it was checked for, newest first (empty when not per year).
    public var schoolYears: [SchoolYear]
    public var findings: [Diagnostic]
    /// One Vietnamese line per finding, in the same order, for the self-check page.
    public var summaries: [String]
    /// Whether the text behind it was verified (the requirement's own flag, else the manifest's).
    public var verified: Bool

    /// `hcm-portal/bieu-mau`: what findings and reports call it.
    public var ruleID: String { "\(manifestID)/\(requirement.id)" }
}

/// Every requirement of every manifest the site is checked against.
public struct ComplianceResult: Sendable, Hashable {
    public var manifests: [Manifest]
    public var requirements: [RequirementResult]
    /// The day checked as of ("today", or `--date`).
    public var checkedOn: ContentDate
    public var schoolYear: SchoolYear

    public var diagnostics: [Diagnostic] { requirements.flatMap(\.findings) }
    /// Requirements that apply (not `notApplicable`).
    public var applicableCount: Int { requirements.count { $0.status != .notApplicable } }
    public var metCount: Int { requirements.count { $0.status == .met } }
    /// "12 of 14 requirements met"
    public var summary: Words {
        Words(
            vi: "đạt \(metCount)/\(applicableCount) yêu cầu", en: "\(metCount) of \(applicableCount) requirements met")
    }
}
