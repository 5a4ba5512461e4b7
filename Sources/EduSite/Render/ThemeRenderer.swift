/// The theme's templates, parsed once up front into one library.
struct ThemeRenderer: Sendable {
    let library: TemplateLibrary
    let templateNames: Set<String>

    /// Parses every template; each one that does not parse is a finding at its line and column.
    static func compile(_ theme: ThemeFiles) -> (ThemeRenderer, [Diagnostic]) {
        let library = TemplateLibrary(templates: theme.templates.map { ($0.name, $0.text) })
        var diagnostics: [Diagnostic] = []
        for failure in library.failures {
            diagnostics.append(
                Diagnostic(
                    .templateSyntax, .error,
                    Words(
                        vi: "mẫu giao diện viết sai cú pháp: \(failure.error.problem.message.vi)",
                        en: "the template does not parse: \(failure.error.problem.message.en)"),
                    at: SourceLocation(
                        path: theme.templates[failure.source].displaySource, line: failure.error.line,
                        column: failure.error.column),
                    hint: Words(
                        vi: "kiểm tra rằng mỗi {{#muc}} có {{/muc}} của nó và các thẻ được đóng bằng }}",
                        en: "check that every {{#section}} has its {{/section}} and that tags are closed with }}")))
        }
        return (ThemeRenderer(library: library, templateNames: Set(theme.templates.map(\.name))), diagnostics)
    }

    /// The page's HTML; empty when the theme has no template of that name.
    func render(_ context: RenderContext, template: String) -> [UInt8] {
        library.render(context, template: template) ?? []
    }
}
