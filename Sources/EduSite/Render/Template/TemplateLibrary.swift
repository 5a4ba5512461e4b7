/// The theme's templates compiled once into node trees, with partial and parent names resolved to
/// indices. Renders a `TemplateObject` into UTF-8 bytes with Mustache's semantics as swift-mustache
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
    /// One compiled template.
    struct Template: Sendable {
        let name: String
        let nodes: [Node]
        /// Bytes of literal text, a first guess at the size of a page.
        let literalSize: Int
    }

    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Node])
        case invertedSection(Name, [Node])
        /// `template` is nil when no template has that name.
        case partial(template: Int?, indentation: [UInt8]?, overrides: [String: Block]?)
        case block(String, default: [Node], indentation: [UInt8])
    }

    /// A block's body, shared by reference as it is passed down to partials.
    final class Block: Sendable {
        let nodes: [Node]
        init(_ nodes: [Node]) { self.nodes = nodes }
    }

    /// A name split at its dots once, at compile time.
    struct Name: Sendable {
        /// Empty for `{{.}}` (the current context).
        let components: [String]
        /// `{{.a}}`: look only in the current context.
        let anchored: Bool
        /// For `a.b.c`: the slot of `a.b`'s value in the root context, which stays the same for the whole
        /// page (`layout.footer` is found once, not boxed again for each of its fields); -1 for one name.
        let prefixSlot: Int

        init(_ text: String, slots: inout [String: Int]) {
            components = text == "." ? [] : text.split(separator: ".").map(String.init)
            anchored = text.first == "."
            if components.count > 1 && !anchored {
                let prefix = components.dropLast().joined(separator: ".")
                if let slot = slots[prefix] {
                    prefixSlot = slot
                } else {
                    prefixSlot = slots.count
                    slots[prefix] = prefixSlot
                }
            } else {
                prefixSlot = -1
            }
        }
    }

    /// A template that did not parse.
    struct Failure: Error, Sendable {
        /// Index in the sources the library was made from.
        let source: Int
        let templateName: String
        let error: TemplateParser.ParseError
    }

    let templates: [Template]
    let failures: [Failure]
    private let indexByName: [String: Int]
    /// How many distinct `a.b` prefixes of dotted names the templates have.
    let prefixSlotCount: Int
    /// Capacity reserved for each template's output.
    private var estimatedSizes: [Int]

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
        var slots: [String: Int] = [:]
        templates = parsed.map { name, tokens in
            let nodes = Self.compile(tokens, indexByName, &slots)
            return Template(name: name, nodes: nodes, literalSize: Self.literalSize(nodes))
        }
        prefixSlotCount = slots.count
        self.failures = failures
        estimatedSizes = []
        estimatedSizes = templates.indices.map(estimatedSize(of:))
    }

    func index(of name: String) -> Int? { indexByName[name] }

    private static func compile(_ tokens: [TemplateParser.Token], _ indexByName: [String: Int], _ slots: inout [String: Int]) -> [Node] {
        var nodes: [Node] = []
        for token in tokens {
            switch token {
            case .text(let text):
                // Adjacent text merges, except after a newline: in an indented partial each node that
                // starts a line gets the indentation.
                if case .text(let previous) = nodes.last, previous.last != UInt8(ascii: "\n") {
                    nodes[nodes.count - 1] = .text(previous + Array(text.utf8))
                } else {
                    nodes.append(.text(Array(text.utf8)))
                }
            case .variable(let name): nodes.append(.variable(Name(name, slots: &slots), escaped: true))
            case .unescapedVariable(let name): nodes.append(.variable(Name(name, slots: &slots), escaped: false))
            case .section(let name, let body): nodes.append(.section(Name(name, slots: &slots), compile(body, indexByName, &slots)))
            case .invertedSection(let name, let body): nodes.append(.invertedSection(Name(name, slots: &slots), compile(body, indexByName, &slots)))
            case .blockDefinition:
                // Only inside `{{<parent}}`, where the parser collects them as overrides.
                continue
            case .blockExpansion(let name, let body, let indentation):
                nodes.append(.block(name, default: compile(body, indexByName, &slots), indentation: Array(indentation.utf8)))
            case .partial(let name, let indentation, let overrides):
                nodes.append(
                    .partial(
                        template: indexByName[name], indentation: indentation.map { Array($0.utf8) },
                        overrides: overrides?.mapValues { Block(compile($0, indexByName, &slots)) }))
            }
        }
        return nodes
    }

    private static func literalSize(_ nodes: [Node]) -> Int {
        nodes.reduce(0) { size, node in
            switch node {
            case .text(let bytes): size + bytes.count
            case .section(_, let body), .invertedSection(_, let body), .block(_, let body, _): size + literalSize(body)
            case .partial(_, _, let overrides): size + (overrides?.values.reduce(0) { $0 + literalSize($1.nodes) } ?? 0)
            case .variable: size
            }
        }
    }

    // MARK: Rendering

    /// The page's bytes, or nil when there is no template of that name.
    func render(_ root: some TemplateObject, template name: String) -> [UInt8]? {
        guard let index = indexByName[name] else { return nil }
        return render(root, template: index)
    }

    func render(_ root: some TemplateObject, template index: Int) -> [UInt8] {
        var renderer = Renderer(library: self, root: .object(root))
        renderer.output.reserveCapacity(estimatedSizes[index])
        renderer.render(templates[index].nodes, indentation: nil, overrides: nil)
        return renderer.output
    }

    /// The template's literal text with its parent's and partials', plus room for the page's own text.
    private func estimatedSize(of index: Int) -> Int {
        var size = templates[index].literalSize
        var seen: Set<Int> = [index]
        var pending = [templates[index].nodes]
        while let nodes = pending.popLast() {
            for node in nodes {
                switch node {
                case .partial(let partial?, _, let overrides):
                    if seen.insert(partial).inserted {
                        size += templates[partial].literalSize
                        pending.append(templates[partial].nodes)
                    }
                    if let overrides { pending += overrides.values.map(\.nodes) }
                case .section(_, let body), .invertedSection(_, let body), .block(_, let body, _): pending.append(body)
                default: break
                }
            }
        }
        return size + 8192
    }
}

/// One page's rendering: the context stack and the output.
private struct Renderer {
    let library: TemplateLibrary
    var stack: [TemplateValue]
    var output: [UInt8] = []

    /// Values of dotted names' prefixes found in the root context (see `Name.prefixSlot`).
    var rootPrefixes: [TemplateValue?]

    init(library: TemplateLibrary, root: TemplateValue) {
        self.library = library
        stack = [root]
        stack.reserveCapacity(16)
        rootPrefixes = Array(repeating: nil, count: library.prefixSlotCount)
    }

    typealias Node = TemplateLibrary.Node
    typealias Overrides = [String: TemplateLibrary.Block]

    /// One of swift-mustache's `MustacheTemplate.render(context:)`: with an indentation, each node's
    /// non-empty output that starts after a newline of this same render gets the indentation first.
    mutating func render(_ nodes: [Node], indentation: [UInt8]?, overrides: Overrides?) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, indentation: indentation, overrides: overrides) }
            return
        }
        let start = output.count
        for node in nodes {
            let afterNewline = endsWithNewline(since: start)
            let before = output.count
            render(node, indentation: indentation, overrides: overrides)
            if afterNewline, output.count > before {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// Whether the output since `start` ends with the character `\n` (a `\r\n` is one other character).
    private func endsWithNewline(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == UInt8(ascii: "\n") else { return false }
        return !(count - start >= 2 && output[count - 2] == UInt8(ascii: "\r"))
    }

    private mutating func render(_ node: Node, indentation: [UInt8]?, overrides: Overrides?) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            write(lookUp(name), escaped: escaped)

        case .section(let name, let body):
            let value = lookUp(name)
            switch value {
            case .list(let list):
                let count = list.templateCount
                for index in 0..<count {
                    stack.append(list.templateElement(at: index))
                    render(body, indentation: indentation, overrides: overrides)
                    stack.removeLast()
                }
            case .bool(let isTrue):
                if isTrue { render(body, indentation: indentation, overrides: overrides) }
            case .none:
                break
            case .text, .number, .object:
                stack.append(value)
                render(body, indentation: indentation, overrides: overrides)
                stack.removeLast()
            }

        case .invertedSection(let name, let body):
            let value = lookUp(name)
            switch value {
            case .list(let list):
                // swift-mustache renders an empty list's inverted section with the list as context.
                if list.templateCount == 0 {
                    stack.append(value)
                    render(body, indentation: indentation, overrides: overrides)
                    stack.removeLast()
                }
            case .bool(let isTrue):
                if !isTrue { render(body, indentation: indentation, overrides: overrides) }
            case .none:
                render(body, indentation: indentation, overrides: overrides)
            case .text, .number, .object:
                break
            }

        case .partial(let index, let indented, let inheriting):
            guard let index else { return }
            let partialIndentation = indented.map { (indentation ?? []) + $0 } ?? indentation
            var partialOverrides = overrides
            if let inheriting {
                if let overrides {
                    partialOverrides = overrides.merging(inheriting) { outer, _ in outer }
                } else {
                    partialOverrides = inheriting
                }
            }
            render(library.templates[index].nodes, indentation: partialIndentation, overrides: partialOverrides)

        case .block(let name, let defaultNodes, let indented):
            let blockIndentation = (indentation ?? []) + indented
            render(overrides?[name]?.nodes ?? defaultNodes, indentation: blockIndentation, overrides: overrides)
        }
    }

    /// swift-mustache's `getChild(named:)`.
    private mutating func lookUp(_ name: TemplateLibrary.Name) -> TemplateValue {
        let components = name.components
        guard let first = components.first else { return stack[stack.count - 1] }
        var value: TemplateValue
        if name.anchored {
            value = stack[stack.count - 1].field(first)
        } else {
            value = .none
            var index = stack.count - 1
            while index > 0 {
                value = stack[index].field(first)
                if case .none = value {
                    index -= 1
                    continue
                }
                break
            }
            if index == 0 {
                if name.prefixSlot >= 0 {
                    // The root context does not change during a page: its `a.b` is looked up once.
                    let prefix: TemplateValue
                    if let known = rootPrefixes[name.prefixSlot] {
                        prefix = known
                    } else {
                        prefix = Self.walk(stack[0], components.dropLast())
                        rootPrefixes[name.prefixSlot] = prefix
                    }
                    return prefix.field(components[components.count - 1])
                }
                value = stack[0].field(first)
            }
        }
        return Self.walk(value, components.dropFirst())
    }

    /// `names` looked up one in the other from `value`.
    private static func walk(_ value: TemplateValue, _ names: ArraySlice<String>) -> TemplateValue {
        var value = value
        for name in names {
            if case .none = value { return .none }
            value = value.field(name)
        }
        return value
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped {
                HTMLEscape.append(text, to: &output)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .number(let number):
            output.append(contentsOf: String(number).utf8)
        case .bool(let bool):
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .list(let list):
            writeDescription(of: list, escaped: escaped)
        case .object(let object):
            writeDescription(of: object, escaped: escaped)
        case .none:
            break
        }
    }

    /// As swift-mustache did for any other value: `String(describing:)` (a view prints as its Swift
    /// description, which no theme wants, but it is what it did).
    private mutating func writeDescription(of value: some Any, escaped: Bool) {
        let text = String(describing: value)
        if escaped {
            HTMLEscape.append(text, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
    }
}
