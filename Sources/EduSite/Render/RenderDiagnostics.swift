/// Findings of the Render stage and of template checks (E300–E399).
extension DiagnosticCode {
    /// A template that does not parse.
    public static let templateSyntax: DiagnosticCode = "E300"
    /// A page asks for a template the theme does not have.
    public static let missingTemplate: DiagnosticCode = "E301"
    /// A template includes a partial the theme does not have.
    public static let missingPartial: DiagnosticCode = "E302"
    /// A template includes itself, directly or through other partials: it would be rendered without end.
    public static let partialCycle: DiagnosticCode = "E303"
}
