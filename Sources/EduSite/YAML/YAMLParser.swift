import CYAML

/// Parses one YAML document with libyaml's event API into a `YAMLNode` tree whose locations are
/// file coordinates.
public enum YAMLParser {
    /// Aliases may add at most this many nodes in total: enough for any real site, and a
    /// "billion laughs" file stops here at once (copies share storage, so nothing is expanded).
    static let maxAliasNodes = 100_000

    /// Lists and groups may nest at most this deep, aliases included. A site.yaml or front matter
    /// nests 3 or 4 levels; 64 leaves room for anything written by hand, while every walk over the
    /// tree (decoding, hashing, freeing, the cache's coder, limited to 200) stays a few KB of stack.
    /// Without it a 100 KB `[[[[…` ended the process with signal 11.
    static let maxDepth = 64

    /// One YAML document. `firstLine` = the file line on which the YAML text starts (front matter
    /// starts on line 2). Empty document → nil.
    public static func parse(
        _ bytes: ArraySlice<UInt8>, path: String, firstLine: Int = 1
    ) throws(DiagnosticError) -> YAMLNode? {
        try parse(bytes, path: path, firstLine: firstLine, knownUTF8: false)
    }

    /// `knownUTF8`: the caller has already checked the bytes (the page loader checks whole files), so
    /// they are not scanned a second time.
    static func parse(
        _ bytes: ArraySlice<UInt8>, path: String, firstLine: Int, knownUTF8: Bool
    ) throws(DiagnosticError) -> YAMLNode? {
        let text = SourceText(bytes: bytes, path: path, firstLine: firstLine)
        if !knownUTF8, let offset = UTF8Validation.firstInvalidByte(in: bytes) {
            throw DiagnosticError(text.notUTF8(atOffset: offset))
        }
        let result: Result<YAMLNode?, DiagnosticError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return .success(nil) }
            var builder = TreeBuilder(text: text)
            do throws(DiagnosticError) {
                return .success(try builder.run(base, count: buffer.count))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

/// Turns events into nodes. A stack of open collections; no per-node dictionaries.
private struct TreeBuilder {
    struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// Nodes in this collection's subtree, itself included.
        var nodeCount = 1
        /// Levels of collections in this subtree, itself included.
        var height = 1
    }

    let text: SourceText
    var stack: [Frame] = []
    var root: YAMLNode?
    var documents = 0
    /// Anchors in document order; a later one with the same name wins. Usually empty.
    var anchors: [(name: String, node: YAMLNode, nodeCount: Int, height: Int)] = []
    var aliasNodes = 0

    init(text: SourceText) {
        self.text = text
        stack.reserveCapacity(8)
    }

    mutating func run(_ base: UnsafePointer<UInt8>, count: Int) throws(DiagnosticError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw DiagnosticError(Diagnostic(.yamlMalformed, .error, YAMLProblem.outOfMemory, at: text.location()))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, base, count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw DiagnosticError(YAMLProblem.diagnostic(for: parser, in: text))
            }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw DiagnosticError(
                        Diagnostic(
                            .yamlMultipleDocuments, .error,
                            Words(
                                vi: "một tài liệu YAML thứ hai bắt đầu ở đây: dòng `---` bên trong YAML mở một tài liệu mới",
                                en: "a second YAML document starts here: a `---` line inside YAML starts a new document"),
                            at: location(event.start_mark),
                            hint: Words(
                                vi: "xoá dòng `---` này; mỗi tệp chỉ chứa một nhóm thiết lập",
                                en: "remove this `---` line; one file holds one group of settings")))
                }
            case YAML_SCALAR_EVENT:
                try scalar(event)
            case YAML_SEQUENCE_START_EVENT:
                try checkDepth(adding: 1, at: event.start_mark)
                stack.append(
                    Frame(isMapping: false, location: location(event.start_mark),
                          anchor: Self.string(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                try checkDepth(adding: 1, at: event.start_mark)
                stack.append(
                    Frame(isMapping: true, location: location(event.start_mark),
                          anchor: Self.string(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                try endCollection()
            case YAML_ALIAS_EVENT:
                try alias(event)
            default:
                break
            }
        }
    }

    private func checkDepth(adding levels: Int, at mark: yaml_mark_t) throws(DiagnosticError) {
        guard stack.count + levels > YAMLParser.maxDepth else { return }
        throw DiagnosticError(
            Diagnostic(
                .yamlTooDeep, .error,
                Words(
                    vi: "danh sách và nhóm lồng nhau quá \(YAMLParser.maxDepth) cấp ở đây",
                    en: "lists and groups are nested more than \(YAMLParser.maxDepth) levels deep here"),
                at: location(mark),
                hint: Words(
                    vi: "thiết lập không bao giờ cần nhiều cấp như vậy: bỏ bớt `[`, `{`, `- ` hoặc nhóm thụt lề thừa (chữ bắt đầu bằng `[` hoặc `{` phải đặt trong dấu ngoặc kép)",
                    en: "settings never need this many levels: remove the extra `[`, `{`, `- ` or indented groups (text that starts with `[` or `{` must be in quotes)")))
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        text.location(line0: Int(mark.line), column0: Int(mark.column))
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private mutating func scalar(_ event: yaml_event_t) throws(DiagnosticError) {
        let data = event.data.scalar
        let value: String
        if let pointer = data.value, data.length > 0 {
            value = String(decoding: UnsafeBufferPointer(start: pointer, count: data.length), as: UTF8.self)
        } else {
            value = ""
        }
        let style: YAMLScalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let node = YAMLNode(
            .scalar(YAMLScalar(value, style: style, tag: Self.string(data.tag))), at: location(event.start_mark))
        if let anchor = Self.string(data.anchor) { anchors.append((anchor, node, 1, 0)) }
        try add(node, nodeCount: 1, height: 0)
    }

    private mutating func endCollection() throws(DiagnosticError) {
        let frame = stack.removeLast()
        let node: YAMLNode
        if frame.isMapping {
            try Self.checkDuplicateKeys(frame.pairs)
            node = YAMLNode(.mapping(frame.pairs), at: frame.location)
        } else {
            node = YAMLNode(.sequence(frame.items), at: frame.location)
        }
        if let anchor = frame.anchor { anchors.append((anchor, node, frame.nodeCount, frame.height)) }
        try add(node, nodeCount: frame.nodeCount, height: frame.height)
    }

    private mutating func alias(_ event: yaml_event_t) throws(DiagnosticError) {
        let at = location(event.start_mark)
        let name = Self.string(event.data.alias.anchor) ?? ""
        guard let anchor = anchors.last(where: { $0.name == name }) else {
            throw DiagnosticError(
                Diagnostic(
                    .yamlUnknownAlias, .error,
                    Words(
                        vi: "`*\(name)` trỏ tới neo `&\(name)` chưa được khai báo ở phía trước",
                        en: "`*\(name)` refers to an anchor `&\(name)` that is not defined before it"),
                    at: at,
                    hint: Words(
                        vi: "khai báo `&\(name)` ở một giá trị phía trên, hoặc, nếu `*` là một phần của chữ, đặt cả giá trị trong dấu ngoặc kép",
                        en: "define `&\(name)` on an earlier value, or, if `*` is part of the text, put the whole value in quotes")))
        }
        aliasNodes += anchor.nodeCount
        guard aliasNodes <= YAMLParser.maxAliasNodes else {
            throw DiagnosticError(
                Diagnostic(
                    .yamlTooManyAliases, .error,
                    Words(
                        vi: "các bí danh (`*tên`) trong tệp này bung ra hơn \(YAMLParser.maxAliasNodes) giá trị",
                        en: "aliases (`*name`) in this file expand to more than \(YAMLParser.maxAliasNodes) values"),
                    at: at,
                    hint: Words(
                        vi: "viết thẳng các giá trị thay vì lồng bí danh; kiểu viết này được dùng để làm treo máy",
                        en: "write the values out instead of nesting aliases; this pattern is used to overload computers")))
        }
        // A copy of a deep anchor inside deep lists is as deep as both together.
        try checkDepth(adding: anchor.height, at: event.start_mark)
        var copy = anchor.node
        copy.location = at
        try add(copy, nodeCount: anchor.nodeCount, height: anchor.height)
    }

    private mutating func add(_ node: YAMLNode, nodeCount: Int, height: Int) throws(DiagnosticError) {
        guard !stack.isEmpty else {
            root = Self.isEmptyDocument(node) ? nil : node
            return
        }
        let top = stack.count - 1
        stack[top].nodeCount += nodeCount
        stack[top].height = max(stack[top].height, height + 1)
        if !stack[top].isMapping {
            stack[top].items.append(node)
        } else if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            stack[top].pendingKey = node
        }
    }

    private static func isEmptyDocument(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node.content else { return false }
        return scalar.style == .plain && scalar.value.isEmpty && scalar.tag == nil
    }

    /// E006, naming both lines. Small mappings compare pairwise; large ones use a table.
    private static func checkDuplicateKeys(_ pairs: [YAMLPair]) throws(DiagnosticError) {
        guard pairs.count > 1 else { return }
        if pairs.count <= 16 {
            for later in 1..<pairs.count {
                guard let key = pairs[later].key.scalar?.value else { continue }
                for earlier in 0..<later where pairs[earlier].key.scalar?.value == key {
                    throw duplicate(key, first: pairs[earlier].key.location, second: pairs[later].key.location)
                }
            }
        } else {
            var seen: [String: SourceLocation] = [:]
            seen.reserveCapacity(pairs.count)
            for pair in pairs {
                guard let key = pair.key.scalar?.value else { continue }
                if let first = seen[key] { throw duplicate(key, first: first, second: pair.key.location) }
                seen[key] = pair.key.location
            }
        }
    }

    private static func duplicate(_ key: String, first: SourceLocation, second: SourceLocation) -> DiagnosticError {
        DiagnosticError(
            Diagnostic(
                .yamlDuplicateKey, .error,
                Words(
                    vi: "khoá `\(key)` được viết hai lần trong cùng một nhóm: ở dòng \(first.line) và dòng \(second.line)",
                    en: "the key `\(key)` is written twice in the same group: on line \(first.line) and on line \(second.line)"),
                at: second,
                hint: Words(vi: "chỉ giữ một dòng `\(key):` (gộp hai giá trị lại)", en: "keep only one `\(key):` line (merge the two values)"),
                related: [first]))
    }
}
