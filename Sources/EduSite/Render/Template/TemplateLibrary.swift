/// The theme's templates compiled once (`TemplateCompiler`) into one flat program, with partial and parent
/// names resolved to indices. Renders a `TemplateObject` into UTF-8 bytes with Mustache's semantics as swift-mustache
/// 2.1.1 applied them:
/// - a name is looked up in the innermost context, then in the outer ones; a nil field counts as missing;
///   in `a.b.c` only `a` climbs; `{{.}}` is the current context; a leading dot (`{{.a}}`) does not climb;
/// - a section over a list renders once per element, with the element as context; over `true` once;
///   over `false`, nil or an empty list not at all; over any other value once, with it as context;
/// - an inverted section renders when the value is `false`, nil or an empty list;
/// - `{{name}}` escapes `&<>"'` (`&amp;` `&lt;` `&gt;` `&quot;` `&#39;`), `{{{name}}}` and `{{& name}}` do not;
/// - a standalone partial's lines are indented like its tag; a partial that does not exist renders nothing;
/// - `{{<parent}}{{$block}}…{{/block}}{{/parent}}` renders `parent` with its `{{$block}}default{{/block}}`
///   replaced; the outermost override of a block wins.
struct TemplateLibrary: Sendable {
    /// A template that did not parse.
    struct Failure: Error, Sendable {
        /// Index in the sources the library was made from.
        let source: Int
        let templateName: String
        let error: TemplateParser.ParseError
    }

    let program: TemplateProgram
    let failures: [Failure]
    private let indexByName: [String: Int]
    /// Capacity reserved for each template's output.
    private let sizeHints: TemplateSizeHints

    /// Parses every template; the ones that do not parse are left out (a partial naming one renders
    /// nothing) and returned as failures.
    init(templates sources: [(name: String, text: String)]) {
        var parsed: [(String, [TemplateParser.Token])] = []
        var failures: [Failure] = []
        for (index, source) in sources.enumerated() {
            do {
                parsed.append((source.name, try TemplateParser.parse(source.text)))
            } catch {
                failures.append(Failure(source: index, templateName: source.name, error: error))
            }
        }
        var indexByName: [String: Int] = [:]
        for (index, (name, _)) in parsed.enumerated() { indexByName[name] = index }
        // A name registered twice: the last one wins, as in a dictionary of templates.
        self.indexByName = indexByName
        var compiler = TemplateCompiler(indexByName: indexByName)
        program = compiler.compile(parsed.map(\.1))
        self.failures = failures
        sizeHints = TemplateSizeHints(parsed.indices.map { compiler.estimatedSize(of: $0) })
    }

    func index(of name: String) -> Int? { indexByName[name] }

    // MARK: Rendering

    /// The page's bytes, or nil when there is no template of that name.
    func render(_ root: some TemplateObject, template name: String) -> [UInt8]? {
        guard let index = indexByName[name] else { return nil }
        return render(root, template: index)
    }

    func render(_ root: some TemplateObject, template index: Int) -> [UInt8] {
        var renderer = TemplateRenderer(program: program, root: .object(root))
        renderer.output.reserveCapacity(sizeHints.size(of: index))
        let range = program.templates[index]
        renderer.run(Int(range.start), Int(range.end), indentation: [])
        sizeHints.record(renderer.output.count, for: index)
        return renderer.finish()
    }
}
