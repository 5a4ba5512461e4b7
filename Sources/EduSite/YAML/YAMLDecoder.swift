/// Decodes `Decodable` types from a `YAMLNode`, strictly: wrong types, missing keys, invalid
/// values and unknown keys all become diagnostics located at the offending text.
///
/// Scalars follow the YAML 1.2 core schema, narrowed: `true`/`false` in any letter case are the
/// only booleans (never yes/no/on/off); `~`, `null` and an empty plain value are null; numbers come
/// only from plain scalars; anything quoted is text. Text may be read from a plain number or
/// boolean (phone numbers, years).
///
/// Unknown keys are found for synthesized and hand-written `init(from:)` alike: every key asked for
/// through any keyed container on a mapping counts as known (`allKeys` makes them all known, as
/// dictionaries need); after a successful decode, every other key is reported as E002.
public struct YAMLDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode) throws(DiagnosticError) -> T {
        try Self.read(node) { session in try NodeDecoder(node: node, codingPath: [], session: session).decodeValue(T.self) }
    }

    /// Reads a value from `node` with `body` (a `Decodable` decode, or a `YAMLMappingReader`'s reads),
    /// then turns what went wrong into diagnostics: the error thrown, or else every key never asked for.
    static func read<T>(_ node: YAMLNode, _ body: (DecodingSession) throws -> T) throws(DiagnosticError) -> T {
        let session = DecodingSession()
        let value: T
        do {
            value = try body(session)
        } catch let error as DecodingError {
            throw DiagnosticError(Self.diagnostic(for: error, root: node))
        } catch let error as DiagnosticError {
            throw error
        } catch {
            // Only our own decoders throw here, and they throw the two kinds above: this is a bug.
            throw DiagnosticError(Self.unexpected(error, at: node.location))
        }
        let unknown = session.unknownKeyDiagnostics()
        if !unknown.isEmpty { throw DiagnosticError(unknown) }
        return value
    }

    /// Maps a `DecodingError` back to the node its coding path names.
    static func diagnostic(for error: DecodingError, root: YAMLNode) -> Diagnostic {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let target = NodePath.resolve(context.codingPath, in: root)
            var hint: Words? =
                target.isComplete
                ? nil : Words(vi: "kiểm tra thụt lề của các dòng xung quanh", en: "check the indentation of the lines around it")
            // `feeds:` holding a list of feeds is `upstream_feeds` written otherwise.
            if let key = context.codingPath.last?.stringValue,
                let meant = KeySynonyms.keys(for: UnknownKey.folded(key)).first(where: { $0 != key }),
                NodePath.resolve(Array(context.codingPath.dropLast()), in: root).node.pair(forKey: meant) == nil
            {
                hint = UnknownKey.didYouMean(meant) + (hint.map { Words(verbatim: " ") + $0 } ?? Words(verbatim: ""))
            }
            return Diagnostic(.yamlWrongType, .error, context.message, at: target.node.location, hint: hint)
        case .keyNotFound(let key, let context):
            let target = NodePath.resolve(context.codingPath, in: root)
            let place = NodePath.describe(context.codingPath)
            let name = key.stringValue
            let inside =
                context.codingPath.isEmpty
                ? Words(vi: "ở cấp ngoài cùng", en: "at the top level") : Words(vi: "trong `\(place)`", en: "inside `\(place)`")
            var hint = Words(
                vi: "thêm một dòng `\(name): …` \(inside.vi), thụt lề như các khoá bên cạnh",
                en: "add a line `\(name): …` \(inside.en), indented like the keys next to it")
            if let typo = target.node.pairs?.first(where: { pair in
                pair.key.scalar.map { UnknownKey.suggestion(for: $0.value, among: [name]) != nil } ?? false
            }), let written = typo.key.scalar?.value {
                let line = typo.key.location.line
                hint = Words(
                    vi: "có phải ý bạn là `\(name)` thay cho `\(written)` (dòng \(line))? Nếu không, \(hint.vi)",
                    en: "did you mean `\(name)` instead of `\(written)` (line \(line))? Otherwise \(hint.en)")
            }
            return Diagnostic(
                .yamlMissingKey, .error,
                Words(vi: "thiếu khoá bắt buộc `\(name)` \(inside.vi)", en: "missing required key `\(name)` \(inside.en)"),
                at: target.keyLocation ?? target.node.location, hint: hint)
        case .dataCorrupted(let context):
            let target = NodePath.resolve(context.codingPath, in: root)
            let location: SourceLocation
            if target.node.scalar == nil, let keyLocation = target.keyLocation {
                location = keyLocation
            } else {
                location = target.node.location
            }
            return Diagnostic(.yamlInvalidValue, .error, context.message, at: location)
        @unknown default:
            return unexpected(error, at: root.location)
        }
    }

    /// Words instead of a Swift error's description, which names types the user never sees.
    private static func unexpected(_ error: any Error, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .yamlInvalidValue, .error,
            Words(
                vi: "không đọc được giá trị này (\(type(of: error)))", en: "this value cannot be read (\(type(of: error)))"),
            at: location,
            hint: Words(
                vi: "đối chiếu giá trị với tài liệu hướng dẫn (docs/content-format.md); nếu nó có vẻ đúng thì đây là lỗi của EduSite: hãy báo lỗi kèm tệp này",
                en: "check the value against the documentation (docs/content-format.md); if it looks right, this is a bug in EduSite: please report it with this file"))
    }
}

/// Finding nodes by coding path, and naming paths in messages.
enum NodePath {
    struct Target {
        var node: YAMLNode
        /// The key that leads to `node`, when it is the value of a mapping.
        var keyLocation: SourceLocation?
        /// False when the path went deeper than the tree (the node is the deepest one found).
        var isComplete: Bool
    }

    static func resolve(_ path: [any CodingKey], in root: YAMLNode) -> Target {
        var target = Target(node: root, keyLocation: nil, isComplete: true)
        for component in path {
            switch target.node.content {
            case .mapping:
                guard let pair = target.node.pair(forKey: component.stringValue) else {
                    target.isComplete = false
                    return target
                }
                target.node = pair.value
                target.keyLocation = pair.key.location
            case .sequence(let items):
                guard let index = component.intValue, items.indices.contains(index) else {
                    target.isComplete = false
                    return target
                }
                target.node = items[index]
                target.keyLocation = nil
            case .scalar:
                target.isComplete = false
                return target
            }
        }
        return target
    }

    /// `contact.email`, `upstream_feeds[2].url` (list items counted from 1, as people count).
    static func describe(_ path: [any CodingKey]) -> String {
        var text = ""
        for component in path {
            if let index = component.intValue, component.stringValue == IndexKey.name(index) {
                text += "[\(index + 1)]"
            } else {
                if !text.isEmpty { text += "." }
                text += component.stringValue
            }
        }
        return text
    }
}
