import Mustache

/// The theme's templates, parsed once up front into one library.
struct ThemeRenderer: Sendable {
    let library: MustacheLibrary
    let templateNames: Set<String>

    /// Parses every template; each one that does not parse is a finding at its line and column.
    static func compile(_ theme: ThemeFiles) -> (ThemeRenderer, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for template in theme.templates {
            do {
                library.register(try MustacheTemplate(string: template.text), named: template.name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    Diagnostic(
                        .templateSyntax, .error, "the template does not parse: \(error.error)",
                        at: SourceLocation(
                            path: template.displaySource, line: error.context.lineNumber,
                            column: error.context.columnNumber),
                        hint: "check that every {{#section}} has its {{/section}} and that tags are closed with }}"))
            } catch {
                diagnostics.append(
                    Diagnostic(.templateSyntax, .error, "the template does not parse: \(error)", at: .file(template.displaySource)))
            }
        }
        return (ThemeRenderer(library: library, templateNames: Set(theme.templates.map(\.name))), diagnostics)
    }

    func render(_ context: RenderContext, template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}
