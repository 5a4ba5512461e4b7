/// One node of a parsed YAML document, with the place it starts in its file.
///
/// Aliases are already resolved (copied), so a tree is plain data: `Sendable`, `Hashable`, and
/// cheap to copy (its arrays are shared until changed).
public struct YAMLNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// Where the node starts, in file coordinates (1-based line and column, columns in characters).
    public var location: SourceLocation

    public init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The pairs, when this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items, when this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// Mapping lookup by scalar key (the first pair with that key); nil for other nodes.
    public subscript(key: String) -> YAMLNode? {
        pair(forKey: key)?.value
    }

    func pair(forKey key: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs {
            if case .scalar(let scalar) = pair.key.content, scalar.value == key { return pair }
        }
        return nil
    }

    /// Location of the key (not the value) at this dotted path, e.g. `["contact", "landline"]`.
    ///
    /// When the path does not exist, the location of the deepest existing ancestor's key, or
    /// `self.location` when not even the first key exists. An empty path gives `self.location`.
    public func location(ofKeyPath path: [String]) -> SourceLocation {
        var node = self
        var found = location
        for key in path {
            guard let pair = node.pair(forKey: key) else { break }
            found = pair.key.location
            node = pair.value
        }
        return found
    }

    /// Plain-words name of what this node is, for messages: "text (`abc`)", "a list", ….
    var kindDescription: Words {
        switch content {
        case .sequence: return Words(vi: "một danh sách", en: "a list")
        case .mapping: return ScalarReader.mappingWords
        case .scalar(let scalar):
            if scalar.isNull { return Words(vi: "không có gì (một giá trị trống)", en: "nothing (an empty value)") }
            let shown = scalar.value.count > 40 ? String(scalar.value.prefix(40)) + "…" : scalar.value
            if scalar.style == .plain {
                if scalar.boolValue != nil { return Words(verbatim: "true/false (`\(shown)`)") }
                if YAMLNumber.isNumber(scalar.value) { return Words(vi: "một số (`\(shown)`)", en: "a number (`\(shown)`)") }
            }
            return Words(vi: "chữ (`\(shown)`)", en: "text (`\(shown)`)")
        }
    }
}

/// One `key: value` entry of a mapping, in source order.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar as written: its text (after unquoting and folding), how it was written, and its tag.
public struct YAMLScalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var value: String
    public var style: Style
    /// An explicit tag (`!!str` arrives as `tag:yaml.org,2002:str`), nil when none was written.
    public var tag: String?

    public init(_ value: String, style: Style = .plain, tag: String? = nil) {
        self.value = value
        self.style = style
        self.tag = tag
    }

    static let strTag = "tag:yaml.org,2002:str"

    /// Only plain, untagged scalars are resolved to null, booleans and numbers; anything quoted
    /// or tagged `!!str` is text.
    var isResolvable: Bool { style == .plain && tag != Self.strTag }

    /// `~`, `null` (any case) or nothing at all, written plain.
    var isNull: Bool {
        guard isResolvable else { return false }
        switch value {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// `true` / `false` in any letter case, written plain. Never yes/no/on/off.
    var boolValue: Bool? {
        guard isResolvable else { return nil }
        if YAMLNumber.equalsIgnoringASCIICase(value, "true") { return true }
        if YAMLNumber.equalsIgnoringASCIICase(value, "false") { return false }
        return nil
    }
}
