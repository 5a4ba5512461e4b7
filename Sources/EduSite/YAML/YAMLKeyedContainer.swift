/// Keyed access to a mapping. Every key asked for is recorded on the mapping's `KeyTracker`.
struct YAMLKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let pairs: [YAMLPair]
    let tracker: KeyTracker
    /// The text of each pair's key, nil where the key is not a scalar.
    let keyNames: [String?]

    init(decoder: NodeDecoder, pairs: [YAMLPair], tracker: KeyTracker) {
        self.decoder = decoder
        self.pairs = pairs
        self.tracker = tracker
        keyNames = pairs.map { $0.key.scalar?.value }
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    /// Asking for all keys (as dictionaries do) makes every key of the mapping known.
    var allKeys: [Key] {
        tracker.allKnown = true
        return pairs.compactMap { pair in pair.key.scalar.flatMap { Key(stringValue: $0.value) } }
    }

    func contains(_ key: Key) -> Bool {
        find(key) != nil
    }

    private func find(_ key: Key) -> YAMLNode? {
        let name = key.stringValue
        tracker.request(name)
        // The first pair whose key is a scalar with this text, found among the key texts without
        // copying each pair's nodes out of the array.
        guard let index = keyNames.firstIndex(of: name) else { return nil }
        return pairs[index].value
    }

    private func require(_ key: Key) throws -> YAMLNode {
        guard let node = find(key) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "missing required key `\(key.stringValue)`"))  // worded by YAMLDecoder
        }
        return node
    }

    /// nil when the key is absent or its value is null.
    private func optional(_ key: Key) -> YAMLNode? {
        guard let node = find(key), !ScalarReader.isNull(node) else { return nil }
        return node
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { ScalarReader.isNull(try require(key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try ScalarReader.bool(try require(key), path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try ScalarReader.string(try require(key), path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try float(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try float(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try int(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try int(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try int(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try int(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try int(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try int(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try int(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try int(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try int(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try int(type, key) }

    private func int<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
        try ScalarReader.integer(T.self, try require(key), path(key))
    }

    private func float<T: BinaryFloatingPoint>(_ type: T.Type, _ key: Key) throws -> T {
        try ScalarReader.floating(T.self, try require(key), path(key))
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.child(try require(key), key: key).decodeValue(T.self)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try optional(key).map { try ScalarReader.bool($0, path(key)) }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try optional(key).map { try ScalarReader.string($0, path(key)) }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try optional(key).map { try ScalarReader.integer(Int.self, $0, path(key)) }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try optional(key).map { try ScalarReader.floating(Double.self, $0, path(key)) }
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = optional(key) else { return nil }
        return try decoder.child(node, key: key).decodeValue(T.self)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(try require(key), key: key).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.child(try require(key), key: key).unkeyedContainer()
    }

    /// The value at key `super`, or null when there is none.
    func superDecoder() throws -> any Decoder {
        let key = AnyKey(stringValue: "super")
        tracker.request(key.stringValue)
        return decoder.child(
            decoder.node.pair(forKey: "super")?.value ?? Self.null(at: decoder.node.location), key: key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.child(find(key) ?? Self.null(at: decoder.node.location), key: key)
    }

    static func null(at location: SourceLocation) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar("")), at: location)
    }
}
