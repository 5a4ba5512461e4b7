import CYAML

/// libyaml's problem texts, reworded for an IT teacher: what is wrong, where, and how to fix it.
enum YAMLProblem {
    static let specialCharacters = "`: # [ ] { } , & * ! | > ' \" % @`"

    static func diagnostic(for parser: yaml_parser_t, in text: SourceText) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) } ?? ""
        if parser.error == YAML_READER_ERROR {
            let at = text.location(ofByteOffset: Int(parser.problem_offset))
            if problem.contains("control characters") {
                let value = String(UInt32(bitPattern: parser.problem_value), radix: 16, uppercase: true)
                return Diagnostic(
                    .yamlMalformed, .error,
                    "an invisible control character (U+\(String(repeating: "0", count: max(0, 4 - value.count)) + value)) is in the text here",
                    at: at, hint: "delete it: such characters often come along when text is copied from Word or a PDF")
            }
            return Diagnostic(.yamlMalformed, .error, "the text cannot be read here (\(problem))", at: at,
                              hint: "save the file again as UTF-8 text")
        }
        if parser.error == YAML_MEMORY_ERROR {
            return Diagnostic(.yamlMalformed, .error, "out of memory while reading YAML", at: text.location())
        }
        let problemMark = parser.problem_mark
        let contextMark = parser.context_mark
        let pLine = Int(problemMark.line)
        let pColumn = Int(problemMark.column)
        let atProblem = text.location(line0: pLine, column0: pColumn)
        let atContext = text.location(line0: Int(contextMark.line), column0: Int(contextMark.column))
        let character = text.character(line0: pLine, column0: pColumn)

        func make(_ message: String, at location: SourceLocation, hint: String) -> Diagnostic {
            Diagnostic(.yamlMalformed, .error, message, at: location, hint: hint)
        }
        let tabHint = "indent with spaces, not tabs: replace the tab with spaces (2 spaces per level is usual)"

        if problem.contains("tab character") {
            return make("a tab character is used for indentation here", at: atProblem, hint: tabHint)
        }
        switch problem {
        case "found character that cannot start any token":
            if character == "\t" {
                return make("a tab character is used for indentation here", at: atProblem, hint: tabHint)
            }
            let shown = character.map { String($0) } ?? "?"
            return make(
                "a value cannot start with `\(shown)`: YAML reserves this character", at: atProblem,
                hint: "put the whole value in double quotes, e.g. key: \"\(shown)…\"")
        case "mapping values are not allowed in this context":
            if colonBefore(column0: pColumn, inLine: text.scalars(ofLine: pLine)) {
                return make(
                    "a second `: ` on this line: YAML reads `: ` as the start of a key, so this value cannot contain one unquoted",
                    at: atProblem,
                    hint: "put the whole value in double quotes, e.g. title: \"Thông báo: lịch thi học kỳ I\"")
            }
            return make(
                "this line is indented further than the key above it, so YAML reads it as part of that value",
                at: atProblem,
                hint: "give keys of the same group the same indentation; to start a nested group, leave the value of the key above empty (`contact:` then the indented keys below)")
        case "found unexpected end of stream", "found unexpected document indicator":
            if context.contains("quoted scalar") {
                return make(
                    "this quoted text is never closed: the closing quote is missing", at: atContext,
                    hint: "add the closing quote at the end of the value; inside double quotes write a quote as \\\", or use single quotes around text that contains \"")
            }
            return make("the text ends in the middle of a value", at: atProblem,
                        hint: "finish the value, or remove the incomplete line")
        case "found unknown escape character":
            return make(
                "a backslash `\\` inside double quotes starts a special sequence, and this one is not known",
                at: atProblem,
                hint: "use single quotes around text that contains backslashes (e.g. 'C:\\Tài liệu'), or write each backslash as \\\\")
        case "did not find expected key":
            if quoteBefore(column0: pColumn, inLine: text.scalars(ofLine: pLine)) {
                return make(
                    "there is more text after the closing quote", at: atProblem,
                    hint: "a quoted value must end with its quote; to keep quotes inside the text, put the whole value in single quotes: title: 'Lễ khai giảng \"năm học mới\" 2025'")
            }
            return make(
                "this line does not line up with the keys of the group that starts on line \(atContext.line)",
                at: atProblem,
                hint: "give every key of one group the same indentation, with spaces")
        case "did not find expected '-' indicator":
            return make(
                "this line does not continue the list that starts on line \(atContext.line)", at: atProblem,
                hint: "start every item of a list with `- ` at the same indentation, or, if this is a new key, indent it less")
        case "could not find expected ':'":
            return make(
                "this line has no `:`, so it is neither a `key: value` line nor the continuation of a value",
                at: atContext,
                hint: "write it as `key: value`; if it continues the text of the line above, put that whole value in quotes")
        case "block sequence entries are not allowed in this context":
            return make(
                "a list item (`- `) cannot start on the same line as its key", at: atProblem,
                hint: "put each item on its own line below the key, indented:\n    key:\n      - first item\n      - second item\n  or, if `-` is part of the text, put the value in quotes")
        case "did not find expected ',' or ']'":
            return make(
                "the list in square brackets that opens here is never closed", at: atContext,
                hint: "add the closing `]`; text that contains `,` `[` or `]` must be in quotes")
        case "did not find expected ',' or '}'":
            return make(
                "the group in curly braces that opens here is never closed", at: atContext,
                hint: "add the closing `}`; text that contains `,` `{` or `}` must be in quotes")
        case "did not find expected node content":
            return make("a value is expected here", at: atProblem,
                        hint: "write a value, or put it in quotes if it starts with one of \(specialCharacters)")
        case "did not find expected <document start>":
            return make("there is more text after the end of the YAML (`...`)", at: atProblem,
                        hint: "remove the `...` line")
        case "did not find expected alphabetic or numeric character":
            return make(
                "`&` or `*` at the start of a value names an anchor or alias, and no name follows it", at: atContext,
                hint: "put the whole value in quotes if `&` or `*` is part of the text")
        default:
            return make(
                "this is not valid YAML (\(context.isEmpty ? problem : problem + ", " + context))", at: atProblem,
                hint: "write `key: value` lines indented with spaces; put values that start with or contain any of \(specialCharacters) in quotes")
        }
    }

    /// A `: ` (or `:` at the end) before the problem column, after the line's first key.
    private static func colonBefore(column0: Int, inLine line: [Unicode.Scalar]) -> Bool {
        var seen = 0
        for (index, character) in line.enumerated() where index < column0 && character == ":" {
            if index + 1 < line.count, line[index + 1] == " " { seen += 1 }
        }
        return seen >= 1
    }

    /// The last non-blank character before the problem is a closing quote.
    private static func quoteBefore(column0: Int, inLine line: [Unicode.Scalar]) -> Bool {
        var index = min(column0, line.count) - 1
        while index >= 0, line[index] == " " { index -= 1 }
        return index >= 0 && (line[index] == "\"" || line[index] == "'")
    }
}
