/// What `edusite check` prints: findings grouped by manifest as text, GitHub workflow
/// annotations, or the JSON report. Each finding is written by `DiagnosticText`, as `build` and
/// `serve` write it.
public enum CheckOutput {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, github
    }

    /// Findings not tied to a requirement first, then one group per manifest, then the summary.
    public static func text(_ diagnostics: [Diagnostic], compliance: ComplianceResult?, language: Language) -> String {
        var lines: [String] = []
        let other = diagnostics.filter { $0.rule == nil }
        if !other.isEmpty {
            lines.append("== " + Words(vi: "Nội dung và giao diện", en: "Content and theme").text(language) + " ==")
            lines += DiagnosticText.format(other, in: language)
        }
        if let compliance {
            let byRule = Dictionary(grouping: diagnostics.filter { $0.rule != nil }, by: { $0.rule! })
            let unverified = Words(vi: "ghi chú: chưa kiểm chứng", en: "note: unverified").text(language)
            for manifest in compliance.manifests {
                let requirements = compliance.requirements.filter { $0.manifestID == manifest.id }
                let met = requirements.count { $0.status == .met }
                let applicable = requirements.count { $0.status != .notApplicable }
                if !lines.isEmpty { lines.append("") }
                lines.append("== \(manifest.id): \(manifest.title) (\(met)/\(applicable)) ==")
                if !manifest.verified { lines.append("\(unverified): \(manifest.note ?? "")") }
                for requirement in requirements {
                    if requirement.verified == false && manifest.verified {
                        lines.append("\(unverified) (\(requirement.ruleID)): \(requirement.requirement.note ?? "")")
                    }
                    lines += DiagnosticText.format(byRule[requirement.ruleID] ?? [], in: language)
                }
            }
            if !lines.isEmpty { lines.append("") }
            lines.append((compliance.summary + Words(verbatim: "; ") + DiagnosticText.counts(diagnostics)).text(language))
        } else {
            lines.append(DiagnosticText.counts(diagnostics).text(language))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `::error file=…,line=…,col=…,title=…::<the finding as DiagnosticText writes it>`, one per
    /// finding, and a `::notice` summary. `pathPrefix` (the site folder as given, e.g. `example-site/`)
    /// makes `file=` relative to the repository, which is what GitHub resolves it against.
    public static func github(
        _ diagnostics: [Diagnostic], compliance: ComplianceResult?, pathPrefix: String = "", language: Language
    ) -> String {
        let titles = Dictionary(
            (compliance?.requirements ?? []).map { ($0.ruleID, $0.requirement.title) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for diagnostic in diagnostics.sortedForOutput() {
            var properties: [String] = []
            if let location = diagnostic.location, !location.path.contains(":") {
                properties += [
                    "file=" + escapeProperty(pathPrefix + Path.nfc(location.path)), "line=\(location.line)",
                    "col=\(location.column)",
                ]
            }
            let title = "EduSite \(diagnostic.code.rawValue)" + (diagnostic.rule.map { ": \(titles[$0] ?? $0) [\($0)]" } ?? "")
            properties.append("title=" + escapeProperty(title))
            let message = DiagnosticText.format(diagnostic, in: language)
            lines.append("::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))")
        }
        let summary = (compliance.map { $0.summary + Words(verbatim: "; ") } ?? Words(verbatim: "")) + DiagnosticText.counts(diagnostics)
        lines.append("::notice title=edusite check::\(escapeData(summary.text(language)))")
        return lines.joined(separator: "\n") + "\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
