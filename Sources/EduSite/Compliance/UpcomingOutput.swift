/// What `edusite check --upcoming` adds: what is not there yet and falls due later, soonest first,
/// each line `due DD/MM/YYYY: <the finding it will become>`.
public enum UpcomingOutput {
    public static func text(_ compliance: ComplianceResult?, pathPrefix: String = "") -> String {
        let items = compliance?.upcoming ?? []
        guard !items.isEmpty else { return "== Sắp đến hạn ==\nnothing falls due later that is not there yet\n" }
        var lines = ["== Sắp đến hạn =="]
        for item in items {
            lines.append("due \(item.due.displayDay): " + CheckOutput.line(item.finding, pathPrefix: pathPrefix))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
