/// Reads typed values from scalar nodes, and words the errors when a node is not what a type needs.
///
/// `path` is an autoclosure: the coding path is only built when something goes wrong.
enum ScalarReader {
    static let textWords = Words(vi: "chữ", en: "text")
    static let boolWords = Words(vi: "`true` hoặc `false`", en: "`true` or `false`")
    static let integerWords = Words(vi: "một số nguyên", en: "a whole number")
    static let numberWords = Words(vi: "một số", en: "a number")
    static let mappingWords = Words(vi: "một nhóm các dòng `khoá: giá trị`", en: "a group of `key: value` lines")
    static let sequenceWords = Words(vi: "một danh sách (các dòng bắt đầu bằng '- ')", en: "a list (lines starting with '- ')")

    static func isNull(_ node: YAMLNode) -> Bool {
        node.scalar?.isNull ?? false
    }

    static func string(_ node: YAMLNode, _ path: @autoclosure () -> [any CodingKey]) throws -> String {
        guard case .scalar(let scalar) = node.content, !scalar.isNull else {
            throw mismatch(String.self, expected: textWords, node: node, path: path())
        }
        return scalar.value
    }

    static func bool(_ node: YAMLNode, _ path: @autoclosure () -> [any CodingKey]) throws -> Bool {
        guard case .scalar(let scalar) = node.content, let value = scalar.boolValue else {
            throw mismatch(Bool.self, expected: boolWords, node: node, path: path(), quotedWouldBe: { $0.boolValue != nil })
        }
        return value
    }

    static func integer<T: FixedWidthInteger>(
        _ type: T.Type, _ node: YAMLNode, _ path: @autoclosure () -> [any CodingKey]
    ) throws -> T {
        if case .scalar(let scalar) = node.content, scalar.isResolvable {
            switch YAMLNumber.integer(scalar.value, as: T.self) {
            case .value(let value): return value
            case .outOfRange:
                throw DecodingError.typeMismatch(
                    T.self,
                    .init(
                        codingPath: path(),
                        Words(
                            vi: "cần một số nguyên từ \(T.min) đến \(T.max), nhưng gặp \(scalar.value)",
                            en: "expected a whole number from \(T.min) to \(T.max), found \(scalar.value)")))
            case .notANumber: break
            }
        }
        throw mismatch(T.self, expected: integerWords, node: node, path: path(), quotedWouldBe: {
            if case .value = YAMLNumber.integer($0.value, as: T.self) { return true }
            return false
        })
    }

    static func floating<T: BinaryFloatingPoint>(
        _ type: T.Type, _ node: YAMLNode, _ path: @autoclosure () -> [any CodingKey]
    ) throws -> T {
        if case .scalar(let scalar) = node.content, scalar.isResolvable, let value = YAMLNumber.floating(scalar.value) {
            let converted = T(value)
            if converted.isInfinite && value.isFinite {
                throw DecodingError.typeMismatch(
                    T.self,
                    .init(
                        codingPath: path(),
                        Words(
                            vi: "cần một số nhỏ hơn, nhưng gặp \(scalar.value)",
                            en: "expected a smaller number, found \(scalar.value)")))
            }
            return converted
        }
        throw mismatch(T.self, expected: numberWords, node: node, path: path(), quotedWouldBe: {
            YAMLNumber.floating($0.value) != nil
        })
    }

    /// "expected a list (lines starting with '- '), found text (`abc`)".
    static func mismatch(
        _ type: Any.Type, expected: Words, node: YAMLNode, path: [any CodingKey],
        quotedWouldBe matches: (YAMLScalar) -> Bool = { _ in false }
    ) -> DecodingError {
        let found = node.kindDescription
        var message = Words(vi: "cần \(expected.vi), nhưng gặp \(found.vi)", en: "expected \(expected.en), found \(found.en)")
        if let scalar = node.scalar, scalar.style == .singleQuoted || scalar.style == .doubleQuoted,
            matches(YAMLScalar(scalar.value))
        {
            message = message + Words(vi: ": dấu ngoặc biến nó thành chữ, hãy bỏ dấu ngoặc", en: ": the quotes make it text, so remove them")
        }
        let context = DecodingError.Context(codingPath: path, message)
        return ScalarReader.isNull(node) ? .valueNotFound(type, context) : .typeMismatch(type, context)
    }

    /// An enum of fixed values got a value that is none of them.
    static func notAChoice(
        _ choices: [String], node: YAMLNode, path: [any CodingKey]
    ) -> DecodingError {
        let value = node.scalar?.value ?? ""
        let allowed = choices.map { "`\($0)`" }.joined(separator: ", ")
        var message = Words(
            vi: "`\(value)` không phải một trong các giá trị được dùng ở đây: \(allowed)",
            en: "`\(value)` is not one of the values allowed here: \(allowed)")
        if let suggestion = UnknownKey.suggestion(for: value, among: choices) {
            let meant = UnknownKey.didYouMean(suggestion)
            message = message + Words(vi: " (\(meant.vi))", en: " (\(meant.en))")
        }
        return .dataCorrupted(.init(codingPath: path, message))
    }
}
