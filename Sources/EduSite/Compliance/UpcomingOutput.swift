/// What `edusite check --upcoming` adds: what is not there yet and falls due later, soonest first,
/// each line `due DD/MM/YYYY: <the finding it will become>`.
public enum UpcomingOutput {
    public static func text(_ compliance: ComplianceResult?, language: Language) -> String {
        let items = compliance?.upcoming ?? []
        let heading = language == .vi ? "== Sắp đến hạn ==" : "== Falls due later =="
        guard !items.isEmpty else {
            return heading + "\n" + (language == .vi ? "không có gì sắp đến hạn mà chưa có" : "nothing falls due later that is not there yet") + "\n"
        }
        var lines = [heading]
        for item in items {
            let due = (language == .vi ? "hạn " : "due ") + item.due.displayDay + ": "
            lines.append(due + DiagnosticText.format(item.finding, in: language))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
