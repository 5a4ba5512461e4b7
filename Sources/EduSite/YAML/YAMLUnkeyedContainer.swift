/// Sequential access to a list.
struct YAMLUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [YAMLNode]
    private(set) var currentIndex = 0

    init(decoder: NodeDecoder, items: [YAMLNode]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next<T>(_ type: T.Type) throws -> (YAMLNode, IndexKey) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                T.self,
                .init(
                    codingPath: codingPath + [IndexKey(currentIndex)],
                    Words(
                        vi: "danh sách có ít mục hơn cần thiết (\(items.count))",
                        en: "the list has fewer items than expected (\(items.count))")))
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], IndexKey(currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return true }
        guard ScalarReader.isNull(items[currentIndex]) else { return false }
        currentIndex += 1
        return true
    }

    private mutating func read<T>(_ type: T.Type, _ body: (YAMLNode, [any CodingKey]) throws -> T) throws -> T {
        let (node, key) = try next(T.self)
        return try body(node, codingPath + [key])
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read(type) { try ScalarReader.bool($0, $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try read(type) { try ScalarReader.string($0, $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read(type) { try ScalarReader.floating(type, $0, $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read(type) { try ScalarReader.floating(type, $0, $1) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try read(type) { try ScalarReader.integer(type, $0, $1) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try read(type) { try ScalarReader.integer(type, $0, $1) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try read(type) { try ScalarReader.integer(type, $0, $1) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try read(type) { try ScalarReader.integer(type, $0, $1) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try read(type) { try ScalarReader.integer(type, $0, $1) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try read(type) { try ScalarReader.integer(type, $0, $1) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type) { try ScalarReader.integer(type, $0, $1) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type) { try ScalarReader.integer(type, $0, $1) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type) { try ScalarReader.integer(type, $0, $1) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type) { try ScalarReader.integer(type, $0, $1) } }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (node, key) = try next(T.self)
        return try decoder.child(node, key: key).decodeValue(T.self)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let (node, key) = try next([String: Any].self)
        return try decoder.child(node, key: key).container(keyedBy: NestedKey.self)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, key) = try next([Any].self)
        return try decoder.child(node, key: key).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, key) = try next((any Decoder).self)
        return decoder.child(node, key: key)
    }
}

/// The node itself as one value.
struct YAMLSingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }
    private var node: YAMLNode { decoder.node }

    func decodeNil() -> Bool { ScalarReader.isNull(node) }

    func decode(_ type: Bool.Type) throws -> Bool { try ScalarReader.bool(node, codingPath) }
    func decode(_ type: String.Type) throws -> String { try ScalarReader.string(node, codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try ScalarReader.floating(type, node, codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try ScalarReader.floating(type, node, codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try ScalarReader.integer(type, node, codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try ScalarReader.integer(type, node, codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try ScalarReader.integer(type, node, codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try ScalarReader.integer(type, node, codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try ScalarReader.integer(type, node, codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try ScalarReader.integer(type, node, codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try ScalarReader.integer(type, node, codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try ScalarReader.integer(type, node, codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try ScalarReader.integer(type, node, codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try ScalarReader.integer(type, node, codingPath) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decodeValue(T.self)
    }
}
