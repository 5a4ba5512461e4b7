/// The one way a finding is written for people, by `build`, `check`, `serve` (terminal and
/// browser overlay) and `feeds` alike:
///
///     content/tin-tuc/a.md:3:7: error[E002]: <message> [hcm-portal/bieu-mau]
///       hint: <how to fix it>
///       note: see content/tin-tuc/b.md:1:1
///
/// Paths are relative to the site root, in NFC (macOS stores names decomposed). `error`/`warning`
/// stay English in both languages: editors and CI tools parse them; the words after are translated.
public enum DiagnosticText {
    public static func format(_ diagnostic: Diagnostic, in language: Language) -> String {
        var text = ""
        if let location = diagnostic.location { text += place(location) + ": " }
        text += "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]: \(diagnostic.message.text(language))"
        if let rule = diagnostic.rule { text += " [\(rule)]" }
        if let hint = diagnostic.hint { text += "\n  " + hintLabel.text(language) + ": " + hint.text(language) }
        for related in diagnostic.related { text += "\n  " + seeLabel.text(language) + " " + place(related) }
        // Paths inside the message (a file named in words) are NFC too.
        return Path.nfc(text)
    }

    /// Every finding, in output order.
    public static func format(_ diagnostics: [Diagnostic], in language: Language) -> [String] {
        diagnostics.sortedForOutput().map { format($0, in: language) }
    }

    /// `path:line:column`, the path in NFC.
    public static func place(_ location: SourceLocation) -> String {
        "\(Path.nfc(location.path)):\(location.line):\(location.column)"
    }

    static let hintLabel = Words(vi: "gợi ý", en: "hint")
    static let seeLabel = Words(vi: "ghi chú: xem", en: "note: see")

    /// "2 lỗi, 1 cảnh báo" / "2 errors, 1 warning".
    public static func counts(_ diagnostics: [Diagnostic]) -> Words {
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        return Words(
            vi: "\(errors) lỗi, \(warnings) cảnh báo",
            en: "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
}
