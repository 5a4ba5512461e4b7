/// Reads the keys of one mapping straight from the tree, for types read on every page (front matter)
/// where `Decodable`'s keyed containers cost more than the reading itself.
///
/// It asks for keys, reads scalars and words its errors exactly as `YAMLDecoder` does (the same
/// `ScalarReader` calls, the same coding paths, the same `KeyTracker` for unknown keys), and decodes any
/// other type through `NodeDecoder`, so a page gets the same diagnostics either way. Use it inside
/// `YAMLDecoder.read`, which turns its errors into diagnostics.
struct YAMLMappingReader {
    private let pairs: [YAMLPair]
    /// The text of each pair's key, nil where the key is not a scalar: looked through for every key
    /// asked for, without copying each pair's nodes out of the array.
    private let keyNames: [String?]
    private let session: DecodingSession
    private let tracker: KeyTracker

    /// Fails as `Decoder.container(keyedBy:)` does when the node is not a mapping.
    init(_ node: YAMLNode, session: DecodingSession) throws {
        guard case .mapping(let pairs) = node.content else {
            throw ScalarReader.mismatch([String: Any].self, expected: ScalarReader.mappingWords, node: node, path: [])
        }
        self.pairs = pairs
        keyNames = pairs.map { $0.key.scalar?.value }
        self.session = session
        tracker = session.tracker(for: node, pairs: pairs, codingPath: [])
    }

    /// The value of the first pair whose key is `key`; the key counts as known either way.
    private func find(_ key: String) -> YAMLNode? {
        tracker.request(key)
        guard let index = keyNames.firstIndex(of: key) else { return nil }
        return pairs[index].value
    }

    private func require(_ key: String) throws -> YAMLNode {
        guard let value = find(key) else {
            throw DecodingError.keyNotFound(
                AnyKey(stringValue: key), .init(codingPath: [], debugDescription: "missing required key `\(key)`"))  // worded by YAMLDecoder
        }
        return value
    }

    /// nil when the key is absent or its value is null.
    private func optional(_ key: String) -> YAMLNode? {
        guard let value = find(key), !ScalarReader.isNull(value) else { return nil }
        return value
    }

    private func path(_ key: String) -> [any CodingKey] { [AnyKey(stringValue: key)] }

    func string(_ key: String) throws -> String { try ScalarReader.string(try require(key), path(key)) }

    func optionalString(_ key: String) throws -> String? {
        try optional(key).map { try ScalarReader.string($0, path(key)) }
    }

    func optionalBool(_ key: String) throws -> Bool? {
        try optional(key).map { try ScalarReader.bool($0, path(key)) }
    }

    func optionalInt(_ key: String) throws -> Int? {
        try optional(key).map { try ScalarReader.integer(Int.self, $0, path(key)) }
    }

    /// A list of text, as `[String]` decodes; anything but a list goes through `NodeDecoder` for its error.
    func optionalStrings(_ key: String) throws -> [String]? {
        guard let value = optional(key) else { return nil }
        guard case .sequence(let items) = value.content else { return try decode([String].self, value, key) }
        var strings: [String] = []
        strings.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            strings.append(try ScalarReader.string(item, path(key) + [IndexKey(index)]))
        }
        return strings
    }

    /// A date; anything that is not one goes through `DateTimeValue`'s `Decodable` init for its error.
    func optionalDate(_ key: String) throws -> DateTimeValue? {
        guard let value = optional(key) else { return nil }
        if case .scalar(let scalar) = value.content, !scalar.isNull, let date = DateTimeValue.parse(scalar.value) {
            return date
        }
        return try decode(DateTimeValue.self, value, key)
    }

    func decode<T: Decodable>(_ type: T.Type, _ key: String) throws -> T {
        try decode(type, try require(key), key)
    }

    func optional<T: Decodable>(_ type: T.Type, _ key: String) throws -> T? {
        guard let value = optional(key) else { return nil }
        return try decode(type, value, key)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ value: YAMLNode, _ key: String) throws -> T {
        try NodeDecoder(node: value, codingPath: path(key), session: session).decodeValue(T.self)
    }
}
