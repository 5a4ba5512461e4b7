/// How one requirement stands for one site on one day.
public struct RequirementResult: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// Every rule holds.
        case met
        /// Nothing wrong now; something it asks for is not there yet and not yet due.
        case pending
        /// Warnings only: a reading not verified, a late or undated item.
        case review
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
    /// What is not there yet and falls due later, for `check --upcoming`.
    public var upcoming: [UpcomingItem]
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

    /// `disclosure:` values that name nothing the manifests ask for (R018).
    public var references: [Diagnostic]

    public var diagnostics: [Diagnostic] { requirements.flatMap(\.findings) + references }
    /// Everything not yet due, soonest first.
    public var upcoming: [UpcomingItem] {
        requirements.flatMap(\.upcoming).sorted { ComplianceChecker.isBefore($0.due, $1.due) }
    }
    /// Requirements that apply (not `notApplicable`).
    public var applicableCount: Int { requirements.count { $0.status != .notApplicable } }
    public var metCount: Int { requirements.count { $0.status == .met } }
    /// "12 of 14 requirements met"
    public var summary: Words {
        let review = requirements.count { $0.status == .review }
        let pending = requirements.count { $0.status == .pending }
        var vi = "đạt \(metCount)/\(applicableCount) yêu cầu"
        var en = "\(metCount) of \(applicableCount) requirements met"
        var notesVI: [String] = []
        var notesEN: [String] = []
        if review > 0 { notesVI.append("\(review) cần xem lại"); notesEN.append("\(review) with warnings") }
        if pending > 0 { notesVI.append("\(pending) chưa đến hạn"); notesEN.append("\(pending) not yet due") }
        if !notesEN.isEmpty {
            vi += " (" + notesVI.joined(separator: ", ") + ")"
            en += " (" + notesEN.joined(separator: ", ") + ")"
        }
        return Words(vi: vi, en: en)
    }
}
