/// What `edusite check` prints: findings grouped by manifest as text, GitHub workflow
/// annotations, or the JSON report.
public enum CheckOutput {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, github
    }

    /// `path:line:col: error: message [rule-id]`, then `hint:` and `note:` lines.
    public static func line(_ diagnostic: Diagnostic, pathPrefix: String = "") -> String {
        var text = ""
        if let location = diagnostic.location { text += "\(prefix(pathPrefix, location))\(location): " }
        text += "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule ?? diagnostic.code.rawValue)]"
        if let hint = diagnostic.hint { text += "\n  hint: \(hint)" }
        for place in diagnostic.related { text += "\n  note: see \(prefix(pathPrefix, place))\(place)" }
        return text
    }

    /// Files of the site get the prefix; bundled files (`theme:…`, `manifest:…`) do not.
    static func prefix(_ prefix: String, _ location: SourceLocation) -> String {
        location.path.contains(":") ? "" : prefix
    }

    /// Findings not tied to a requirement first, then one group per manifest, then the summary.
    public static func text(_ diagnostics: [Diagnostic], compliance: ComplianceResult?, pathPrefix: String = "") -> String {
        var lines: [String] = []
        let other = diagnostics.filter { $0.rule == nil }.sortedForOutput()
        if !other.isEmpty {
            lines.append("== Nội dung và giao diện ==")
            lines += other.map { line($0, pathPrefix: pathPrefix) }
        }
        if let compliance {
            let byRule = Dictionary(grouping: diagnostics.filter { $0.rule != nil }, by: { $0.rule! })
            for manifest in compliance.manifests {
                let requirements = compliance.requirements.filter { $0.manifestID == manifest.id }
                let met = requirements.count { $0.status == .met }
                let applicable = requirements.count { $0.status != .notApplicable }
                if !lines.isEmpty { lines.append("") }
                lines.append("== \(manifest.id): \(manifest.title) (\(met)/\(applicable)) ==")
                if !manifest.verified { lines.append("note: chưa kiểm chứng (unverified): \(manifest.note ?? "")") }
                for requirement in requirements {
                    if requirement.verified == false && manifest.verified {
                        lines.append("note: \(requirement.ruleID) chưa kiểm chứng (unverified): \(requirement.requirement.note ?? "")")
                    }
                    lines += (byRule[requirement.ruleID] ?? []).sortedForOutput().map { line($0, pathPrefix: pathPrefix) }
                }
            }
            if !lines.isEmpty { lines.append("") }
            lines.append(compliance.summary + "; " + counts(diagnostics))
        } else {
            lines.append(counts(diagnostics))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func counts(_ diagnostics: [Diagnostic]) -> String {
        "\(diagnostics.errorCount) error(s), \(diagnostics.warningCount) warning(s)"
    }

    /// `::error file=…,line=…,col=…,title=…::message`, one per finding, and a `::notice` summary.
    public static func github(_ diagnostics: [Diagnostic], compliance: ComplianceResult?, pathPrefix: String = "") -> String {
        let titles = Dictionary(
            (compliance?.requirements ?? []).map { ($0.ruleID, $0.requirement.title) }, uniquingKeysWith: { a, _ in a })
        var lines: [String] = []
        for diagnostic in diagnostics.sortedForOutput() {
            var properties: [String] = []
            if let location = diagnostic.location, !location.path.contains(":") {
                properties += ["file=" + escapeProperty(pathPrefix + location.path), "line=\(location.line)", "col=\(location.column)"]
            }
            let title = diagnostic.rule.map { "\(titles[$0] ?? $0) [\($0)]" } ?? "EduSite \(diagnostic.code.rawValue)"
            properties.append("title=" + escapeProperty(title))
            var message = diagnostic.message
            if let location = diagnostic.location, location.path.contains(":") { message = "\(location): " + message }
            if let hint = diagnostic.hint { message += "\nhint: " + hint }
            lines.append("::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(message))")
        }
        let summary = (compliance.map { $0.summary + "; " } ?? "") + counts(diagnostics)
        lines.append("::notice title=edusite check::\(escapeData(summary))")
        return lines.joined(separator: "\n") + "\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
