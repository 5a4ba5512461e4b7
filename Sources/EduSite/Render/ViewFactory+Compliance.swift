/// The self-check page's view.
extension ViewFactory {
    static let complianceTitle = "Tự kiểm tra các yêu cầu bắt buộc"

    func compliancePage() -> ComplianceView {
        guard let result = compliance else {
            return ComplianceView(
                title: Self.complianceTitle, summaryLabel: "", isPassed: true, checkedLabel: "",
                reportHref: urls.href(SitePlan.complianceReportPath), manifests: [])
        }
        let manifests = result.manifests.map { manifest in
            let requirements = result.requirements.filter { $0.manifestID == manifest.id }.map(requirementView)
            return ComplianceManifestView(
                title: manifest.title, regulationName: manifest.regulation.name, regulationSource: manifest.regulation.source,
                inForce: manifest.regulation.inForce,
                unverifiedNote: manifest.verified ? nil : "Chưa kiểm chứng: " + (manifest.note ?? "nội dung chưa được đối chiếu với văn bản gốc."),
                anchor: "bo-tieu-chi-\(manifest.id)", requirements: requirements)
        }
        return ComplianceView(
            title: Self.complianceTitle,
            summaryLabel: (["Đạt \(result.metCount)/\(result.applicableCount) yêu cầu"]
                + [(RequirementResult.Status.review, "cần xem lại"), (.pending, "chưa đến hạn")].compactMap { status, words in
                    let count = result.requirements.count { $0.status == status }
                    return count > 0 ? "\(count) \(words)" : nil
                }).joined(separator: " · "),
            isPassed: !result.diagnostics.hasErrors,
            checkedLabel: "Kiểm tra ngày \(result.checkedOn.displayDate), \(result.schoolYear.label.lowercased()).",
            reportHref: urls.href(SitePlan.complianceReportPath), manifests: manifests)
    }

    func requirementView(_ result: RequirementResult) -> ComplianceRequirementView {
        let label: String
        switch result.status {
        case .met: label = "Đạt"
        case .missing: label = "Chưa đạt"
        case .pending: label = "Chưa đến hạn"
        case .review: label = "Cần xem lại"
        case .notApplicable: label = "Không áp dụng"
        }
        let requirement = result.requirement
        return ComplianceRequirementView(
            title: requirement.title, statusLabel: label, statusClass: result.status.rawValue, rule: result.ruleID,
            path: requirement.path, basis: requirement.basis,
            yearsLabel: result.schoolYears.isEmpty
                ? nil : "Năm học " + result.schoolYears.map(\.description).joined(separator: ", "),
            unverifiedNote: result.verified || requirement.verified == nil
                ? nil : "Chưa kiểm chứng" + (requirement.note.map { ": " + $0 } ?? ""),
            findings: .of(result.summaries),
            upcoming: .of(result.upcoming.map { "\($0.summary): hạn \($0.due.displayDay)" }))
    }
}
