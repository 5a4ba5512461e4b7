/// Parses Mustache text into a syntax tree. The whitespace rules (standalone tags, the indentation of
/// standalone partials and of block definitions) follow swift-mustache 2.1.1's parser step by step, on
/// the same `Character`s, so that the theme renders to the same bytes it did with that library.
///
/// Not supported, and reported as a parse error at the tag: set delimiters (`{{=<% %>=}}`), transforms
/// (`{{upper(name)}}`), configuration tags (`{{% CONTENT_TYPE: TEXT}}`) and dynamic partials (`{{>*name}}`).
struct TemplateParser {
    /// One node of a parsed template.
    indirect enum Token: Equatable {
        case text(String)
        case variable(String)
        case unescapedVariable(String)
        case section(String, [Token])
        case invertedSection(String, [Token])
        /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: overrides the parent's block.
        case blockDefinition(String, [Token])
        /// `{{$name}}default{{/name}}` anywhere else: the block a child template may override.
        case blockExpansion(String, [Token], indentation: String)
        /// `{{>name}}` (overrides nil) or `{{<name}}…{{/name}}` (overrides by block name).
        case partial(String, indentation: String?, overrides: [String: [Token]]?)
    }

    enum Problem: String, Error, Equatable {
        // The names swift-mustache used for the same errors (they show in E300's message).
        case sectionCloseNameIncorrect
        case unfinishedName
        case expectedSectionEnd
        case transformAppliedToInheritanceSection
        case illegalTokenInsideInheritSection
        case overflow
        /// Sections nested deeper than `maxDepth` (EduSite's own limit).
        case tooDeep
        // Features of swift-mustache that EduSite's renderer does not have.
        case setDelimiterNotSupported
        case transformNotSupported
        case configVariableNotSupported
        case dynamicPartialNotSupported

        var message: Words {
            switch self {
            case .sectionCloseNameIncorrect:
                Words(
                    vi: "thẻ đóng {{/…}} không khớp với mục {{#…}} đang mở (\(rawValue))",
                    en: "a closing {{/…}} tag does not match the open {{#…}} section (\(rawValue))")
            case .unfinishedName:
                Words(vi: "một thẻ không được đóng bằng }} (\(rawValue))", en: "a tag is not closed with }} (\(rawValue))")
            case .expectedSectionEnd:
                Words(
                    vi: "một mục {{#…}} không có thẻ đóng {{/…}} (\(rawValue))",
                    en: "a {{#…}} section has no closing {{/…}} tag (\(rawValue))")
            case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection:
                Words(
                    vi: "thẻ này không được dùng trong một khối kế thừa {{<…}} (\(rawValue))",
                    en: "this tag cannot stand in an inheritance block {{<…}} (\(rawValue))")
            case .overflow: Words(vi: "mẫu quá lớn (\(rawValue))", en: "the template is too large (\(rawValue))")
            case .setDelimiterNotSupported:
                Words(
                    vi: "không hỗ trợ đổi dấu phân cách ({{=<% %>=}})", en: "set delimiters ({{=<% %>=}}) are not supported")
            case .transformNotSupported:
                Words(vi: "không hỗ trợ phép biến đổi ({{name(value)}})", en: "transforms ({{name(value)}}) are not supported")
            case .configVariableNotSupported:
                Words(vi: "không hỗ trợ thẻ cấu hình ({{% … }})", en: "configuration tags ({{% … }}) are not supported")
            case .dynamicPartialNotSupported:
                Words(vi: "không hỗ trợ mẫu con động ({{>*name}})", en: "dynamic partials ({{>*name}}) are not supported")
            case .tooDeep:
                Words(
                    vi: "các mục ({{#name}}) lồng nhau quá \(TemplateParser.maxDepth) cấp",
                    en: "sections ({{#name}}) are nested more than \(TemplateParser.maxDepth) levels deep")
            }
        }
    }

    struct ParseError: Error, Equatable {
        let problem: Problem
        /// 1-based, as swift-mustache counted them.
        let line: Int
        let column: Int
    }

    static func parse(_ text: String) throws(ParseError) -> [Token] {
        var parser = TemplateParser(text)
        do {
            return try parser.parse(state: State())
        } catch {
            let (line, column) = parser.lineAndColumn()
            throw ParseError(problem: error, line: line, column: column)
        }
    }

    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    /// Sections and blocks may nest this deep. Themes nest a handful; the parser and compiler recurse
    /// once per level, so a theme file of 100,000 `{{#a}}` must stop here, not on the stack's end.
    static let maxDepth = 100

    private let chars: [Character]
    private var position = 0
    private var depth = 0

    private init(_ text: String) { chars = Array(text) }

    // MARK: The parser (swift-mustache's `MustacheTemplate.parse(_:state:)`)

    private mutating func parse(state initial: State) throws(Problem) -> [Token] {
        guard depth < Self.maxDepth else { throw .tooDeep }
        depth += 1
        defer { depth -= 1 }
        var tokens: [Token] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(while: { $0 == " " || $0 == "\t" })
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline()
            if current.isNewline {
                tokens.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if reachedEnd { break }
            let tagStart = position - 2
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName()
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                tokens.append(inverted ? .invertedSection(name, body) : .section(name, body))

            case "/":
                position += 1
                let nameStart = position
                let name = try parseName()
                guard name == state.sectionName else {
                    position = nameStart
                    throw .sectionCloseNameIncorrect
                }
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                return tokens

            case "!":
                position += 1
                try skipComment()
                setNewLine = isStandalone(state)

            case "{":
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                position += 1
                let name = try parseName()
                guard try read("}") else { throw .unfinishedName }
                tokens.append(.unescapedVariable(name))

            case "&":
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                position += 1
                let name = try parseName()
                tokens.append(.unescapedVariable(name))

            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                if current == "*" {
                    position = tagStart
                    throw .dynamicPartialNotSupported
                }
                let name = try parsePartialName()
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                }
                if isStandalone(state) {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: whiteSpaceBefore, overrides: nil))
                } else {
                    tokens.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let name = try parsePartialName()
                if name.first == "*" {
                    position = tagStart
                    throw .dynamicPartialNotSupported
                }
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                }
                if isStandalone(state) {
                    setNewLine = true
                }
                let body = try parse(state: state.withInheritancePartial(name))
                var overrides: [String: [Token]] = [:]
                for token in body {
                    switch token {
                    case .blockDefinition(let block, let blockBody): overrides[block] = blockBody
                    case .text: break
                    default: throw .illegalTokenInsideInheritSection
                    }
                }
                tokens.append(.partial(name, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                position += 1
                let name = try parseName()
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) {
                        setNewLine = true
                    }
                    let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockDefinition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty {
                        tokens.append(.text(whiteSpaceBefore))
                    }
                    if isStandalone(state) {
                        setNewLine = true
                    }
                    let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    tokens.append(.blockExpansion(name, body, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }

            case "=":
                position = tagStart
                throw .setDelimiterNotSupported

            case "%":
                position = tagStart
                throw .configVariableNotSupported

            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let name = try parseName()
                tokens.append(.variable(name))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw .expectedSectionEnd }
        return tokens
    }

    /// Text up to a newline (not included) or up to and past the next `{{`.
    private mutating func readUntilDelimiterOrNewline() throws(Problem) -> String {
        var text = ""
        while !reachedEnd {
            let start = position
            while position < chars.count, chars[position] != "\n", chars[position] != "\r\n", chars[position] != "{" {
                position += 1
            }
            text += String(chars[start..<position])
            if current.isNewline {
                break
            } else if current == "{" {
                if try read(string: "{{") { break }
                text.append("{")
                position += 1
            }
        }
        return text
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// A name and the closing `}}`.
    private mutating func parseName() throws(Problem) -> String {
        _ = read(while: \.isWhitespace)
        let nameStart = position
        let name = read(while: { Self.nameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        guard try read(string: "}}") else { throw .unfinishedName }
        if name.contains("(") || name.contains(")") {
            position = nameStart
            throw .transformNotSupported
        }
        return name
    }

    private mutating func parsePartialName() throws(Problem) -> String {
        _ = read(while: \.isWhitespace)
        let name = read(while: { Self.partialNameCharacters.contains($0) })
        _ = read(while: \.isWhitespace)
        guard try read(string: "}}") else { throw .unfinishedName }
        return name
    }

    /// Up to and past `}}`; at the end of the text, an error at the comment's start.
    private mutating func skipComment() throws(Problem) {
        var index = position
        while index + 1 < chars.count {
            if chars[index] == "}", chars[index + 1] == "}" {
                position = index + 2
                return
            }
            index += 1
        }
        throw .overflow
    }

    /// A standalone tag: the line had only whitespace before it (`state.newLine`) and has only
    /// whitespace after it; the rest of the line and its newline are skipped.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var index = position
        while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 }
        if index < chars.count, chars[index].isNewline {
            position = index + 1
            return true
        }
        return false
    }

    // MARK: Reading

    private var reachedEnd: Bool { position == chars.count }

    private var current: Character { position < chars.count ? chars[position] : "\0" }

    private mutating func read(while predicate: (Character) -> Bool) -> String {
        let start = position
        while position < chars.count, predicate(chars[position]) { position += 1 }
        return String(chars[start..<position])
    }

    /// Past `string` if it is next; an error if the text ends before as many characters.
    private mutating func read(string: String) throws(Problem) -> Bool {
        let expected = Array(string)
        guard chars.count - position >= expected.count else { throw .overflow }
        guard chars[position..<position + expected.count].elementsEqual(expected) else { return false }
        position += expected.count
        return true
    }

    private mutating func read(_ character: Character) throws(Problem) -> Bool {
        guard !reachedEnd else { throw .overflow }
        guard chars[position] == character else { return false }
        position += 1
        return true
    }

    /// swift-mustache's `Parser.getContext()`: lines are counted by every newline character before the
    /// position, the column from the last `\n`.
    private func lineAndColumn() -> (Int, Int) {
        var index = position
        var column = 0
        while index > 0 {
            index -= 1
            if chars[index] == "\n" { break }
            column += 1
        }
        let line = chars[0..<position].reduce(0) { $1.isNewline ? $0 + 1 : $0 }
        return (line + 1, column + 1)
    }
}
