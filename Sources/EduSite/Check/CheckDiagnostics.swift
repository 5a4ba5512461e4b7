/// Findings of the Check stage (E200–E299).
extension DiagnosticCode {
    /// Two files would be written to the same place.
    public static let pathCollision: DiagnosticCode = "E200"
    /// A link to a page or file of the site that will not exist.
    public static let brokenLink: DiagnosticCode = "E201"
}
