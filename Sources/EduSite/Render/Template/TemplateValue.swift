/// What a template sees: a value with no `Any` in it. Views answer field lookups with a `switch`
/// (`TemplateObject`, generated into Views/Views+Template.swift); lists stay the views' own arrays and
/// are read element by element.
enum TemplateValue: Sendable {
    case text(String)
    /// Text as UTF-8 bytes: a page's body, read from the body file. Behaves exactly like `.text`.
    case utf8(UTF8Text)
    case bool(Bool)
    case number(Int)
    case list(any TemplateSequence)
    case object(any TemplateObject)
    /// A missing field or a nil optional: a lookup climbs to the outer contexts.
    case none
}

/// One name of a `{{a.b}}` tag, numbered once when the template is compiled: the generated views
/// switch on `id` (an integer jump table) instead of comparing strings at every lookup.
struct TemplateKey: Sendable {
    /// The name's index in `TemplateKey.viewFieldNames` (every field name of the views, generated), or
    /// -1 when no view has a field of that name.
    let id: Int
    let name: String

    init(_ name: String) {
        self.name = name
        id = Self.idsByName[name] ?? -1
    }

    private static let idsByName: [String: Int] = Dictionary(
        uniqueKeysWithValues: viewFieldNames.enumerated().map { ($0.element, $0.offset) })
}

/// A view that templates read fields of: `{{title}}`, `{{#page}}…{{/page}}`.
///
/// Implement either `field(_: String)` (tests' ad-hoc objects) or `field(_: TemplateKey)` (the generated
/// views); each one's default calls the other.
protocol TemplateObject: Sendable, TemplateValueConvertible {
    /// The field's value, or `.none` when there is no such field or it is nil.
    func field(_ key: String) -> TemplateValue
    func field(_ key: TemplateKey) -> TemplateValue
    /// `{{key}}`: writes the field and returns true, or returns false when it is missing or nil (the
    /// lookup climbs on). The generated views write their `String` fields straight from storage, with
    /// no `TemplateValue` made and no retain.
    func append(_ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool
}

extension TemplateObject {
    func field(_ key: String) -> TemplateValue { field(TemplateKey(key)) }
    func field(_ key: TemplateKey) -> TemplateValue { field(key.name) }

    func append(_ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool {
        TemplateOutput.append(field(key), escaped: escaped, to: &output)
    }
}

/// A list a section iterates over (`{{#items}}…{{/items}}`).
protocol TemplateSequence: Sendable {
    var templateCount: Int { get }
    func templateElement(at index: Int) -> TemplateValue
    /// `templateElement(at: index).field(key)`, without boxing the element in a `TemplateValue` first.
    func templateField(at index: Int, _ key: TemplateKey) -> TemplateValue
    /// `append` of `templateElement(at: index)`'s field, without boxing the element.
    func appendTemplateField(at index: Int, _ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool
}

extension TemplateSequence {
    func templateField(at index: Int, _ key: TemplateKey) -> TemplateValue {
        templateElement(at: index).field(key)
    }

    func appendTemplateField(at index: Int, _ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool {
        templateElement(at: index).append(key, escaped: escaped, to: &output)
    }
}

/// Anything a view's stored field can hold.
protocol TemplateValueConvertible: Sendable {
    var templateValue: TemplateValue { get }
    /// `templateValue.field(key)`; objects answer directly.
    func templateField(_ key: TemplateKey) -> TemplateValue
    /// `templateValue.append(key, …)`; objects answer directly.
    func appendTemplateField(_ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool
}

extension TemplateValueConvertible {
    func templateField(_ key: TemplateKey) -> TemplateValue { templateValue.field(key) }

    func appendTemplateField(_ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool {
        templateValue.append(key, escaped: escaped, to: &output)
    }
}

extension TemplateObject {
    var templateValue: TemplateValue { .object(self) }

    func templateField(_ key: TemplateKey) -> TemplateValue { field(key) }

    func appendTemplateField(_ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool {
        append(key, escaped: escaped, to: &output)
    }
}

extension TemplateValue: TemplateValueConvertible {
    var templateValue: TemplateValue { self }
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
}

/// Text held as its UTF-8 bytes, for the largest field a page has (its rendered body, read from the
/// body file as bytes): a template writes it like a `String` without it ever being validated into one.
struct UTF8Text: Sendable, TemplateValueConvertible {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var templateValue: TemplateValue { .utf8(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .bool(self) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    var templateValue: TemplateValue {
        switch self {
        case .some(let value): value.templateValue
        case .none: .none
        }
    }

    func templateField(_ key: TemplateKey) -> TemplateValue {
        switch self {
        case .some(let value): value.templateField(key)
        case .none: .none
        }
    }

    func appendTemplateField(_ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool {
        switch self {
        case .some(let value): value.appendTemplateField(key, escaped: escaped, to: &output)
        case .none: false
        }
    }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    var templateValue: TemplateValue { .list(self) }
}

extension Array: TemplateSequence where Element: TemplateValueConvertible {
    var templateCount: Int { count }
    func templateElement(at index: Int) -> TemplateValue { self[index].templateValue }

    func templateField(at index: Int, _ key: TemplateKey) -> TemplateValue { self[index].templateField(key) }

    func appendTemplateField(at index: Int, _ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool {
        self[index].appendTemplateField(key, escaped: escaped, to: &output)
    }
}

extension TemplateValue {
    /// The value a field of `self` has; only objects have fields.
    @inline(__always)
    func field(_ key: TemplateKey) -> TemplateValue {
        if case .object(let object) = self { return object.field(key) }
        return .none
    }

    /// Writes the field of `self` named `key` (see `TemplateObject.append`).
    @inline(__always)
    func append(_ key: TemplateKey, escaped: Bool, to output: inout [UInt8]) -> Bool {
        if case .object(let object) = self { return object.append(key, escaped: escaped, to: &output) }
        return false
    }
}

extension BodyHTML {
    /// The body for a view's field: its bytes, as they are in the body file.
    var templateText: UTF8Text { UTF8Text(bytes) }
}
