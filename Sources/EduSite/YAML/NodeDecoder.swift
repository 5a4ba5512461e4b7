/// The `Decoder` for one node. Containers and nested decoders share one `DecodingSession`.
///
/// Internal and used by one decode on one thread, so it is a plain (non-Sendable) class.
final class NodeDecoder: Decoder {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    let session: DecodingSession
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: YAMLNode, codingPath: [any CodingKey], session: DecodingSession) {
        self.node = node
        self.codingPath = codingPath
        self.session = session
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let pairs) = node.content else {
            throw mismatch(Key.self, expected: ScalarReader.mappingWords)
        }
        let tracker = session.tracker(for: node, pairs: pairs, codingPath: codingPath)
        return KeyedDecodingContainer(YAMLKeyedContainer<Key>(decoder: self, pairs: pairs, tracker: tracker))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let items) = node.content else {
            throw mismatch([Any].self, expected: ScalarReader.sequenceWords)
        }
        return YAMLUnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        YAMLSingleValueContainer(decoder: self)
    }

    private func mismatch(_ type: Any.Type, expected: Words) -> DecodingError {
        ScalarReader.mismatch(type, expected: expected, node: node, path: codingPath)
    }

    /// A child decoder one step down.
    func child(_ node: YAMLNode, key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], session: session)
    }

    /// Decodes any `Decodable` at this node, with fast paths for the common scalars and better
    /// words for enums of fixed values.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try ScalarReader.string(node, codingPath) as! T }
        if T.self == Int.self { return try ScalarReader.integer(Int.self, node, codingPath) as! T }
        if T.self == Bool.self { return try ScalarReader.bool(node, codingPath) as! T }
        do {
            return try T(from: self)
        } catch DecodingError.dataCorrupted(let context)
            where context.codingPath.count == codingPath.count && node.scalar != nil
        {
            guard let choices = T.self as? any (CaseIterable & RawRepresentable).Type else {
                throw DecodingError.dataCorrupted(context)
            }
            throw ScalarReader.notAChoice(Self.rawValues(of: choices), node: node, path: codingPath)
        }
    }

    private static func rawValues<E: CaseIterable & RawRepresentable>(of type: E.Type) -> [String] {
        E.allCases.map { "\($0.rawValue)" }
    }
}

/// A list index as a coding key (`Index 2`, as Swift's own decoders name them).
struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(_ index: Int) {
        intValue = index
        stringValue = Self.name(index)
    }

    init?(intValue: Int) { self.init(intValue) }
    init?(stringValue: String) { nil }

    static func name(_ index: Int) -> String { "Index \(index)" }
}

/// State of one top-level decode: which keys were asked for on which mapping.
final class DecodingSession {
    private var trackers: [KeyTracker] = []
    private var trackerIndex: [String: Int] = [:]

    /// The tracker of the mapping at this coding path; all keyed containers on one node share it.
    func tracker(for node: YAMLNode, pairs: [YAMLPair], codingPath: [any CodingKey]) -> KeyTracker {
        var id = ""
        for component in codingPath {
            id += component.stringValue
            id += "\u{1F}"
        }
        if let index = trackerIndex[id] { return trackers[index] }
        let tracker = KeyTracker(pairs: pairs, codingPath: codingPath)
        trackerIndex[id] = trackers.count
        trackers.append(tracker)
        return tracker
    }

    func unknownKeyDiagnostics() -> [Diagnostic] {
        trackers.flatMap { $0.unknownKeyDiagnostics() }.sortedForOutput()
    }
}

/// The keys asked for on one mapping, in the order first asked.
final class KeyTracker {
    let pairs: [YAMLPair]
    let codingPath: [any CodingKey]
    private(set) var requested: [String] = []
    var allKnown = false

    init(pairs: [YAMLPair], codingPath: [any CodingKey]) {
        self.pairs = pairs
        self.codingPath = codingPath
    }

    func request(_ key: String) {
        guard !allKnown, !requested.contains(key) else { return }
        requested.append(key)
    }

    func unknownKeyDiagnostics() -> [Diagnostic] {
        guard !allKnown else { return [] }
        var found: [Diagnostic] = []
        for pair in pairs {
            let name = pair.key.scalar?.value
            if let name, requested.contains(name) { continue }
            found.append(UnknownKey.diagnostic(name: name, at: pair.key.location, expected: requested, codingPath: codingPath))
        }
        return found
    }
}
