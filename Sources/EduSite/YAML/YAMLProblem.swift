import CYAML

/// libyaml's problem texts, reworded for an IT teacher: what is wrong, where, and how to fix it.
enum YAMLProblem {
    static let specialCharacters = "`: # [ ] { } , & * ! | > ' \" % @`"

    static let outOfMemory = Words(vi: "hết bộ nhớ khi đọc YAML", en: "out of memory while reading YAML")

    static func diagnostic(for parser: yaml_parser_t, in text: SourceText) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) } ?? ""
        if parser.error == YAML_READER_ERROR {
            let at = text.location(ofByteOffset: Int(parser.problem_offset))
            if problem.contains("control characters") {
                let value = String(UInt32(bitPattern: parser.problem_value), radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - value.count)) + value
                return Diagnostic(
                    .yamlMalformed, .error,
                    Words(
                        vi: "có một ký tự điều khiển vô hình (\(code)) trong chữ ở đây",
                        en: "an invisible control character (\(code)) is in the text here"),
                    at: at,
                    hint: Words(
                        vi: "xoá ký tự đó: những ký tự như vậy thường đi theo khi chép chữ từ Word hoặc PDF",
                        en: "delete it: such characters often come along when text is copied from Word or a PDF"))
            }
            return Diagnostic(
                .yamlMalformed, .error,
                Words(vi: "không đọc được chữ ở đây (\(problem))", en: "the text cannot be read here (\(problem))"), at: at,
                hint: Words(vi: "lưu lại tệp dạng chữ UTF-8", en: "save the file again as UTF-8 text"))
        }
        if parser.error == YAML_MEMORY_ERROR {
            return Diagnostic(.yamlMalformed, .error, outOfMemory, at: text.location())
        }
        let problemMark = parser.problem_mark
        let contextMark = parser.context_mark
        let pLine = Int(problemMark.line)
        let pColumn = Int(problemMark.column)
        let atProblem = text.location(line0: pLine, column0: pColumn)
        let atContext = text.location(line0: Int(contextMark.line), column0: Int(contextMark.column))
        let character = text.character(line0: pLine, column0: pColumn)

        func make(_ message: Words, at location: SourceLocation, hint: Words) -> Diagnostic {
            Diagnostic(.yamlMalformed, .error, message, at: location, hint: hint)
        }
        let tab = Words(vi: "ở đây dùng ký tự tab để thụt lề", en: "a tab character is used for indentation here")
        let tabHint = Words(
            vi: "thụt lề bằng dấu cách, không dùng tab: thay tab bằng dấu cách (thường là 2 dấu cách mỗi cấp)",
            en: "indent with spaces, not tabs: replace the tab with spaces (2 spaces per level is usual)")

        if problem.contains("tab character") {
            return make(tab, at: atProblem, hint: tabHint)
        }
        switch problem {
        case "found character that cannot start any token":
            if character == "\t" {
                return make(tab, at: atProblem, hint: tabHint)
            }
            let shown = character.map { String($0) } ?? "?"
            return make(
                Words(
                    vi: "một giá trị không thể bắt đầu bằng `\(shown)`: YAML dành riêng ký tự này",
                    en: "a value cannot start with `\(shown)`: YAML reserves this character"),
                at: atProblem,
                hint: Words(
                    vi: "đặt cả giá trị trong dấu ngoặc kép, ví dụ key: \"\(shown)…\"",
                    en: "put the whole value in double quotes, e.g. key: \"\(shown)…\""))
        case "mapping values are not allowed in this context":
            if colonBefore(column0: pColumn, inLine: text.scalars(ofLine: pLine)) {
                return make(
                    Words(
                        vi: "dòng này có `: ` thứ hai: YAML hiểu `: ` là chỗ bắt đầu một khoá, nên giá trị không được chứa nó khi không có ngoặc kép",
                        en: "a second `: ` on this line: YAML reads `: ` as the start of a key, so this value cannot contain one unquoted"),
                    at: atProblem,
                    hint: Words(
                        vi: "đặt cả giá trị trong dấu ngoặc kép, ví dụ title: \"Thông báo: lịch thi học kỳ I\"",
                        en: "put the whole value in double quotes, e.g. title: \"Thông báo: lịch thi học kỳ I\""))
            }
            return make(
                Words(
                    vi: "dòng này thụt vào sâu hơn khoá ở trên, nên YAML đọc nó như một phần giá trị của khoá đó",
                    en: "this line is indented further than the key above it, so YAML reads it as part of that value"),
                at: atProblem,
                hint: Words(
                    vi: "các khoá cùng nhóm phải thụt lề bằng nhau; để mở một nhóm con, để trống giá trị của khoá phía trên (`contact:` rồi các khoá thụt vào bên dưới)",
                    en: "give keys of the same group the same indentation; to start a nested group, leave the value of the key above empty (`contact:` then the indented keys below)"))
        case "found unexpected end of stream", "found unexpected document indicator":
            if context.contains("quoted scalar") {
                return make(
                    Words(
                        vi: "đoạn chữ trong ngoặc kép này không được đóng: thiếu dấu ngoặc đóng",
                        en: "this quoted text is never closed: the closing quote is missing"),
                    at: atContext,
                    hint: Words(
                        vi: "thêm dấu ngoặc đóng ở cuối giá trị; bên trong ngoặc kép hãy viết dấu ngoặc kép là \\\", hoặc dùng ngoặc đơn bao quanh chữ có chứa \"",
                        en: "add the closing quote at the end of the value; inside double quotes write a quote as \\\", or use single quotes around text that contains \""))
            }
            return make(
                Words(vi: "tệp kết thúc giữa chừng một giá trị", en: "the text ends in the middle of a value"), at: atProblem,
                hint: Words(vi: "viết nốt giá trị, hoặc xoá dòng còn dở", en: "finish the value, or remove the incomplete line"))
        case "found unknown escape character":
            return make(
                Words(
                    vi: "dấu gạch ngược `\\` trong ngoặc kép mở đầu một chuỗi đặc biệt, và chuỗi này không hợp lệ",
                    en: "a backslash `\\` inside double quotes starts a special sequence, and this one is not known"),
                at: atProblem,
                hint: Words(
                    vi: "dùng ngoặc đơn bao quanh chữ có dấu gạch ngược (ví dụ 'C:\\Tài liệu'), hoặc viết mỗi dấu gạch ngược thành \\\\",
                    en: "use single quotes around text that contains backslashes (e.g. 'C:\\Tài liệu'), or write each backslash as \\\\"))
        case "did not find expected key":
            if quoteBefore(column0: pColumn, inLine: text.scalars(ofLine: pLine)) {
                return make(
                    Words(vi: "còn chữ phía sau dấu ngoặc đóng", en: "there is more text after the closing quote"),
                    at: atProblem,
                    hint: Words(
                        vi: "giá trị trong ngoặc phải kết thúc bằng dấu ngoặc; để giữ dấu ngoặc kép bên trong chữ, đặt cả giá trị trong ngoặc đơn: title: 'Lễ khai giảng \"năm học mới\" 2025'",
                        en: "a quoted value must end with its quote; to keep quotes inside the text, put the whole value in single quotes: title: 'Lễ khai giảng \"năm học mới\" 2025'"))
            }
            return make(
                Words(
                    vi: "dòng này không thẳng hàng với các khoá của nhóm bắt đầu ở dòng \(atContext.line)",
                    en: "this line does not line up with the keys of the group that starts on line \(atContext.line)"),
                at: atProblem,
                hint: Words(
                    vi: "thụt lề mọi khoá của một nhóm bằng nhau, bằng dấu cách",
                    en: "give every key of one group the same indentation, with spaces"))
        case "did not find expected '-' indicator":
            return make(
                Words(
                    vi: "dòng này không tiếp nối danh sách bắt đầu ở dòng \(atContext.line)",
                    en: "this line does not continue the list that starts on line \(atContext.line)"),
                at: atProblem,
                hint: Words(
                    vi: "bắt đầu mọi mục của danh sách bằng `- ` ở cùng độ thụt lề, hoặc, nếu đây là khoá mới, thụt vào ít hơn",
                    en: "start every item of a list with `- ` at the same indentation, or, if this is a new key, indent it less"))
        case "could not find expected ':'":
            return make(
                Words(
                    vi: "dòng này không có `:`, nên không phải dòng `khoá: giá trị` cũng không phải phần tiếp của một giá trị",
                    en: "this line has no `:`, so it is neither a `key: value` line nor the continuation of a value"),
                at: atContext,
                hint: Words(
                    vi: "viết thành `khoá: giá trị`; nếu nó là phần tiếp của chữ ở dòng trên, đặt cả giá trị đó trong dấu ngoặc kép",
                    en: "write it as `key: value`; if it continues the text of the line above, put that whole value in quotes"))
        case "block sequence entries are not allowed in this context":
            return make(
                Words(
                    vi: "một mục danh sách (`- `) không được bắt đầu trên cùng dòng với khoá của nó",
                    en: "a list item (`- `) cannot start on the same line as its key"),
                at: atProblem,
                hint: Words(
                    vi: "đặt mỗi mục trên một dòng riêng bên dưới khoá, thụt vào:\n    key:\n      - mục thứ nhất\n      - mục thứ hai\n  hoặc, nếu `-` là một phần của chữ, đặt giá trị trong dấu ngoặc kép",
                    en: "put each item on its own line below the key, indented:\n    key:\n      - first item\n      - second item\n  or, if `-` is part of the text, put the value in quotes"))
        case "did not find expected ',' or ']'":
            return make(
                Words(
                    vi: "danh sách trong ngoặc vuông mở ở đây không được đóng",
                    en: "the list in square brackets that opens here is never closed"),
                at: atContext,
                hint: Words(
                    vi: "thêm dấu `]` đóng; chữ có chứa `,` `[` hoặc `]` phải đặt trong dấu ngoặc kép",
                    en: "add the closing `]`; text that contains `,` `[` or `]` must be in quotes"))
        case "did not find expected ',' or '}'":
            return make(
                Words(
                    vi: "nhóm trong ngoặc nhọn mở ở đây không được đóng",
                    en: "the group in curly braces that opens here is never closed"),
                at: atContext,
                hint: Words(
                    vi: "thêm dấu `}` đóng; chữ có chứa `,` `{` hoặc `}` phải đặt trong dấu ngoặc kép",
                    en: "add the closing `}`; text that contains `,` `{` or `}` must be in quotes"))
        case "did not find expected node content":
            return make(
                Words(vi: "ở đây cần một giá trị", en: "a value is expected here"), at: atProblem,
                hint: Words(
                    vi: "viết một giá trị, hoặc đặt nó trong dấu ngoặc kép nếu nó bắt đầu bằng một trong các ký tự \(specialCharacters)",
                    en: "write a value, or put it in quotes if it starts with one of \(specialCharacters)"))
        case "did not find expected <document start>":
            return make(
                Words(
                    vi: "còn chữ phía sau chỗ kết thúc YAML (`...`)",
                    en: "there is more text after the end of the YAML (`...`)"),
                at: atProblem, hint: Words(vi: "xoá dòng `...`", en: "remove the `...` line"))
        case "did not find expected alphabetic or numeric character":
            return make(
                Words(
                    vi: "`&` hoặc `*` ở đầu giá trị đặt tên cho một neo hoặc bí danh, nhưng không có tên nào theo sau",
                    en: "`&` or `*` at the start of a value names an anchor or alias, and no name follows it"),
                at: atContext,
                hint: Words(
                    vi: "đặt cả giá trị trong dấu ngoặc kép nếu `&` hoặc `*` là một phần của chữ",
                    en: "put the whole value in quotes if `&` or `*` is part of the text"))
        default:
            let detail = context.isEmpty ? problem : problem + ", " + context
            return make(
                Words(vi: "đây không phải YAML hợp lệ (\(detail))", en: "this is not valid YAML (\(detail))"),
                at: atProblem,
                hint: Words(
                    vi: "viết các dòng `khoá: giá trị` thụt lề bằng dấu cách; đặt trong dấu ngoặc kép những giá trị bắt đầu bằng hoặc chứa một trong các ký tự \(specialCharacters)",
                    en: "write `key: value` lines indented with spaces; put values that start with or contain any of \(specialCharacters) in quotes"))
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
