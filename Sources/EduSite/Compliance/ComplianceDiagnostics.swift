/// Findings about manifests and the requirements they encode (R001–R099). Every finding of a
/// requirement carries its rule id (`<manifest>/<requirement>`) in `Diagnostic.rule`.
extension DiagnosticCode {
    // Loading manifests (R001–R009): the site cannot be checked; `check` exits 2.
    /// `compliance.manifests` (or `extends`) names a manifest that does not exist.
    public static let unknownManifest: DiagnosticCode = "R001"
    /// A manifest file cannot be read, or is empty.
    public static let unreadableManifest: DiagnosticCode = "R002"
    /// Manifests extend each other in a circle.
    public static let manifestCycle: DiagnosticCode = "R003"
    /// A manifest that decodes but does not make sense (a rule that does not fit its kind, two
    /// requirements with one id, a per-year path without `{year}`).
    public static let invalidManifest: DiagnosticCode = "R004"

    // Requirements not met (R010–R099).
    /// The section, page or folder is not there.
    public static let sectionMissing: DiagnosticCode = "R010"
    /// It is there, but only as a template's placeholder ("TODO", "Đang cập nhật", empty body).
    public static let placeholderContent: DiagnosticCode = "R011"
    /// Fewer items than the rule asks for.
    public static let tooFewItems: DiagnosticCode = "R012"
    /// A required named item (a form, a disclosure, a feed) is missing.
    public static let namedItemMissing: DiagnosticCode = "R013"
    /// No section for a school year the rule covers.
    public static let schoolYearMissing: DiagnosticCode = "R014"
    /// A contact field is empty in `site.yaml` or not shown by the template that must show it.
    public static let fieldMissing: DiagnosticCode = "R015"
    /// The domain does not follow the pattern.
    public static let domainMismatch: DiagnosticCode = "R016"
    /// An item without a file of the required type (e.g. the annual report as PDF).
    public static let fileMissing: DiagnosticCode = "R017"
}

extension DiagnosticCode {
    /// A `disclosure:` that names no item (or no kind of an item) any of the site's manifests asks for.
    public static let unknownDisclosure: DiagnosticCode = "R018"
    /// A disclosure of a timed kind (a menu, a monthly plan) without `period:` or `date:`.
    public static let periodUnknown: DiagnosticCode = "R019"
    /// A disclosure published after the deadline of the period it covers (Thông tư 09/2024 Điều 15).
    public static let publishedLate: DiagnosticCode = "R020"
    /// The next period's menu or plan is not published and its deadline has passed.
    public static let periodItemMissing: DiagnosticCode = "R021"
}
