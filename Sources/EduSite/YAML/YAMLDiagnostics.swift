/// Codes of the YAML layer (parser, decoder, front matter): E001–E019.
extension DiagnosticCode {
    /// The text is not valid YAML (libyaml's problem, in plain words).
    static let yamlMalformed: DiagnosticCode = "E001"
    /// A key that the config or front matter does not know (often a typo).
    static let yamlUnknownKey: DiagnosticCode = "E002"
    /// A value of the wrong kind: a list where text was expected, text where a number was expected, ….
    static let yamlWrongType: DiagnosticCode = "E003"
    /// A required key is missing.
    static let yamlMissingKey: DiagnosticCode = "E004"
    /// A value of the right kind that is not acceptable (not a URL, not a date, …).
    static let yamlInvalidValue: DiagnosticCode = "E005"
    /// The same key twice in one mapping.
    static let yamlDuplicateKey: DiagnosticCode = "E006"
    /// The file is not UTF-8 text.
    static let yamlNotUTF8: DiagnosticCode = "E007"
    /// Aliases (`*name`) expand to too many nodes ("billion laughs").
    static let yamlTooManyAliases: DiagnosticCode = "E008"
    /// An alias (`*name`) that names no earlier anchor (`&name`).
    static let yamlUnknownAlias: DiagnosticCode = "E009"
    /// A front matter block opened with `---` on line 1 is never closed.
    static let frontMatterNotClosed: DiagnosticCode = "E010"
    /// More than one YAML document in one file (or front matter).
    static let yamlMultipleDocuments: DiagnosticCode = "E011"
    /// Lists and groups nested deeper than `YAMLParser.maxDepth`.
    static let yamlTooDeep: DiagnosticCode = "E012"
}

/// A decoding error's message in both languages, carried as the `underlyingError` of its context
/// (`debugDescription` holds the English): `YAMLDecoder` turns it into the finding's message.
struct DecodingProblem: Error, Sendable {
    var message: Words
}

extension DecodingError.Context {
    init(codingPath: [any CodingKey], _ message: Words) {
        self.init(codingPath: codingPath, debugDescription: message.en, underlyingError: DecodingProblem(message: message))
    }

    /// The message in both languages; a context made elsewhere (never by EduSite's types) has
    /// only its English.
    var message: Words {
        (underlyingError as? DecodingProblem)?.message ?? Words(verbatim: debugDescription)
    }
}

extension DecodingError {
    /// A value of the right kind that is not acceptable (E005), worded in both languages.
    static func invalidValue(in container: any SingleValueDecodingContainer, _ message: Words) -> DecodingError {
        .dataCorrupted(.init(codingPath: container.codingPath, message))
    }

    /// The same for the value of one key of a mapping.
    static func invalidValue<Key: CodingKey>(
        forKey key: Key, in container: KeyedDecodingContainer<Key>, _ message: Words
    ) -> DecodingError {
        .dataCorrupted(.init(codingPath: container.codingPath + [key], message))
    }
}
