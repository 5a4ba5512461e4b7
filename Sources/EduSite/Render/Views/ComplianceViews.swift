/// The self-check page (`/tu-kiem-tra/`): each manifest, each requirement and its status.
struct ComplianceView: Sendable {
    let title: String
    /// "Đạt 12/14 yêu cầu"
    let summaryLabel: String
    let isPassed: Bool
    /// "Kiểm tra ngày 25/11/2026, năm học 2026-2027."
    let checkedLabel: String
    let reportHref: String
    let manifests: [ComplianceManifestView]
}

struct ComplianceManifestView: Sendable {
    let title: String
    let regulationName: String
    let regulationSource: String
    let inForce: String?
    /// Shown when the manifest was not verified against the text.
    let unverifiedNote: String?
    let anchor: String
    let requirements: [ComplianceRequirementView]
}

struct ComplianceRequirementView: Sendable {
    let title: String
    /// "Đạt", "Chưa đạt", "Cần xem lại", "Chưa đến hạn", "Không áp dụng"
    let statusLabel: String
    /// Modifier of `compliance-status`: `met`, `missing`, `review`, `pending`, `not-applicable`.
    let statusClass: String
    let rule: String
    let path: String
    let basis: String?
    /// "Năm học 2026-2027, 2025-2026, 2024-2025"
    let yearsLabel: String?
    let unverifiedNote: String?
    let findings: ItemBlock<String>?
    /// "Chưa có nội dung công khai (năm học 2026-2027): hạn 30/06/2027"
    let upcoming: ItemBlock<String>?
}
