import Testing

@testable import EduSite

/// A view for tests: fields by name.
private struct Fields: TemplateObject {
    let values: [String: TemplateValue]
    init(_ values: [String: TemplateValue]) { self.values = values }
    func field(_ key: String) -> TemplateValue { values[key] ?? .none }
}

private func render(_ template: String, _ data: [String: TemplateValue] = [:], partials: [String: String] = [:]) -> String {
    let library = TemplateLibrary(templates: [("main", template)] + partials.map { ($0.key, $0.value) })
    #expect(library.failures.isEmpty, "\(library.failures)")
    return String(decoding: library.render(Fields(data), template: "main") ?? [], as: UTF8.self)
}

private func parseError(_ template: String) -> TemplateParser.ParseError? {
    do {
        _ = try TemplateParser.parse(template)
        return nil
    } catch {
        return error
    }
}

@Suite struct TemplateRendererTests {
    // MARK: Values and escaping

    @Test func variablesEscapeTheFiveCharacters() {
        let raw = "<a href=\"b\">Tom & Jerry's</a>"
        let data: [String: TemplateValue] = ["x": .text(raw)]
        let escaped = render("{{x}}", data)
        #expect(escaped == "&lt;a href=&quot;b&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        let unescaped = render("{{{x}}}|{{& x}}", data)
        #expect(unescaped == raw + "|" + raw)
    }

    @Test func escapingKeepsNonASCIITextAndCombinedCharacters() {
        #expect(render("{{x}}", ["x": .text("\"Đạt\" <b>ă</b> 'ơ'")]) == "&quot;Đạt&quot; &lt;b&gt;ă&lt;/b&gt; &#39;ơ&#39;")
        // `<` with a combining long solidus is one Character (≮): swift-mustache left it as it was.
        #expect(render("{{x}}", ["x": .text("a <\u{338} b")]) == "a <\u{338} b")
        let quoteWithAccent = "\"\u{301}"
        let rendered = render("{{x}}", ["x": .text(quoteWithAccent + "&")])
        #expect(rendered == quoteWithAccent + "&amp;")
        #expect(HTMLEscape.escaped("x<y") == "x&lt;y")
    }

    @Test func numbersBoolsAndMissingValues() {
        #expect(render("[{{n}}|{{b}}|{{f}}|{{missing}}|{{nil}}]", ["n": .number(42), "b": .bool(true), "f": .bool(false), "nil": .none]) == "[42|true|false||]")
    }

    @Test func dottedNamesAndTheCurrentContext() {
        let footer = Fields(["siteName": .text("THPT A")])
        let layout = Fields(["footer": .object(footer)])
        #expect(render("{{layout.footer.siteName}}", ["layout": .object(layout)]) == "THPT A")
        #expect(render("{{layout.footer.missing}}|{{layout.nothing.siteName}}", ["layout": .object(layout)]) == "|")
        #expect(render("{{#items}}<{{.}}>{{/items}}", ["items": .list(["a", "b&c"])]) == "<a><b&amp;c>")
        #expect(render("{{#title}}{{.}}{{/title}}", ["title": .text("")]) == "")
    }

    @Test func lookupClimbsToOuterContextsButNotInsideADottedName() {
        let inner = Fields(["name": .text("inner"), "empty": .none])
        let data: [String: TemplateValue] = [
            "name": .text("outer"), "empty": .text("from outside"), "inner": .object(inner),
            "other": .object(Fields(["x": .text("x")])),
        ]
        #expect(render("{{#inner}}{{name}}/{{empty}}{{/inner}}", data) == "inner/from outside")
        // Only the first name of `a.b` climbs: `other.name` is looked up in `other` alone.
        #expect(render("{{#inner}}[{{other.name}}]{{/inner}}", data) == "[]")
        // A leading dot does not climb.
        #expect(render("{{#inner}}[{{.empty}}]{{/inner}}", data) == "[]")
    }

    // MARK: Sections

    @Test func sectionsOverEachKindOfValue() {
        let data: [String: TemplateValue] = [
            "list": .list([Fields(["n": .number(1)]), Fields(["n": .number(2)])]),
            "empty": .list([TemplateValue]()), "yes": .bool(true), "no": .bool(false),
            "text": .text("t"), "blank": .text(""), "object": .object(Fields(["n": .number(9)])),
        ]
        #expect(render("{{#list}}{{n}},{{/list}}", data) == "1,2,")
        #expect(render("[{{#empty}}x{{/empty}}{{#no}}x{{/no}}{{#missing}}x{{/missing}}]", data) == "[]")
        #expect(render("{{#yes}}y{{/yes}}|{{#text}}{{.}}{{/text}}|{{#blank}}b{{/blank}}|{{#object}}{{n}}{{/object}}", data) == "y|t|b|9")
    }

    @Test func invertedSectionsOnEmptyListNilAndFalse() {
        let data: [String: TemplateValue] = [
            "empty": .list([TemplateValue]()), "list": .list(["a"]), "no": .bool(false), "yes": .bool(true),
            "nil": .none, "text": .text(""), "object": .object(Fields([:])),
        ]
        #expect(render("{{^empty}}E{{/empty}}{{^no}}F{{/no}}{{^nil}}N{{/nil}}{{^missing}}M{{/missing}}", data) == "EFNM")
        #expect(render("[{{^list}}x{{/list}}{{^yes}}x{{/yes}}{{^text}}x{{/text}}{{^object}}x{{/object}}]", data) == "[]")
    }

    // MARK: Whitespace

    @Test func standaloneTagsTakeTheirWholeLine() {
        let data: [String: TemplateValue] = ["items": .list(["a", "b"]), "no": .bool(false)]
        #expect(render("<ul>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n</ul>\n", data) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(render("a\n  {{! comment }}  \nb\n", data) == "a\nb\n")
        #expect(render("a\n{{^no}}\nshown\n{{/no}}\nb", data) == "a\nshown\nb")
        // Not standalone: text on the same line keeps the tag's whitespace.
        #expect(render("a {{#items}}{{.}}{{/items}} b\n", data) == "a ab b\n")
        #expect(render("x\r\n{{#no}}\r\n{{/no}}\r\ny", data) == "x\r\ny")
    }

    @Test func standalonePartialsIndentEachLine() {
        let partials = ["p": "one\ntwo\n"]
        #expect(render("<div>\n  {{>p}}\n</div>", partials: partials) == "<div>\n  one\n  two\n</div>")
        #expect(render("x {{>p}}y", partials: partials) == "x one\ntwo\ny")
        #expect(render("[{{>missing}}]") == "[]")
    }

    // MARK: Inheritance

    @Test func parentsWithBlockDefaultsAndOverrides() {
        let partials = [
            "base": "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n{{>footer}}",
            "footer": "<footer>{{$note}}note{{/note}}</footer>\n",
        ]
        // `{{$main}}{{/main}}` shares its line with nothing but itself, yet neither tag is standalone
        // (swift-mustache looks at one tag at a time): the line's newline stays.
        let page = "{{<base}}\n{{$main}}\n<p>{{text}}</p>\n{{/main}}\n{{/base}}\n"
        #expect(render(page, ["text": .text("hi")], partials: partials) == "<title>Default</title>\n<main>\n<p>hi</p>\n\n</main>\n<footer>note</footer>\n")
        let both = "{{<base}}{{$title}}T{{/title}}{{$note}}N{{/note}}{{/base}}"
        #expect(render(both, partials: partials) == "<title>T</title>\n<main>\n\n</main>\n<footer>N</footer>\n")
    }

    @Test func theOutermostOverrideWins() {
        let partials = [
            "base": "[{{$b}}base{{/b}}]",
            "middle": "{{<base}}{{$b}}middle{{/b}}{{/base}}",
        ]
        #expect(render("{{<middle}}{{$b}}page{{/b}}{{/middle}}", partials: partials) == "[page]")
        #expect(render("{{<middle}}{{/middle}}", partials: partials) == "[middle]")
    }

    // MARK: Parse errors

    @Test func parseErrorsCarryLineAndColumn() {
        #expect(parseError("a\n{{#x}}\nb\n{{/y}}") == .init(problem: .sectionCloseNameIncorrect, line: 4, column: 4))
        #expect(parseError("{{#x}}\nb\n") == .init(problem: .expectedSectionEnd, line: 3, column: 1))
        #expect(parseError("ab {{name x}}") == .init(problem: .unfinishedName, line: 1, column: 11))
        #expect(parseError("{{! never closed") == .init(problem: .overflow, line: 1, column: 4))
        #expect(parseError("{{<base}}<p>{{x}}</p>{{/base}}") == .init(problem: .illegalTokenInsideInheritSection, line: 1, column: 31))
    }

    @Test func unsupportedFeaturesAreParseErrorsAtTheTag() {
        #expect(parseError("a\n  {{=<% %>=}}") == .init(problem: .setDelimiterNotSupported, line: 2, column: 3))
        #expect(parseError("{{upper(name)}}") == .init(problem: .transformNotSupported, line: 1, column: 3))
        #expect(parseError("x{{% CONTENT_TYPE: TEXT}}") == .init(problem: .configVariableNotSupported, line: 1, column: 2))
        #expect(parseError("{{>*dynamic}}") == .init(problem: .dynamicPartialNotSupported, line: 1, column: 1))
    }

    @Test func themeRendererReportsE300AtTheLineAndColumn() {
        let theme = ThemeFiles(
            name: "t",
            templates: [
                .init(name: "ok", text: "fine", displaySource: "theme:t/templates/ok.mustache"),
                .init(name: "bad", text: "<p>\n{{#page}}\n{{/pages}}", displaySource: "layouts/bad.mustache"),
            ])
        let (renderer, diagnostics) = ThemeRenderer.compile(theme)
        #expect(diagnostics.count == 1)
        let diagnostic = try! #require(diagnostics.first)
        #expect(diagnostic.code == .templateSyntax)
        #expect(diagnostic.location == SourceLocation(path: "layouts/bad.mustache", line: 3, column: 4))
        #expect(diagnostic.message.en.contains("sectionCloseNameIncorrect"))
        #expect(renderer.library.index(of: "ok") != nil)
        #expect(renderer.library.index(of: "bad") == nil)
    }
}
