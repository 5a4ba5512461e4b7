/// What a template sees: a value with no `Any` in it. Views answer field lookups with a `switch`
/// (`TemplateObject`, generated into Views/Views+Template.swift); lists stay the views' own arrays and
/// are read element by element.
enum TemplateValue: Sendable {
    case text(String)
    case bool(Bool)
    case number(Int)
    case list(any TemplateSequence)
    case object(any TemplateObject)
    /// A missing field or a nil optional: a lookup climbs to the outer contexts.
    case none
}

/// A view that templates read fields of: `{{title}}`, `{{#page}}…{{/page}}`.
protocol TemplateObject: Sendable, TemplateValueConvertible {
    /// The field's value, or `.none` when there is no such field or it is nil.
    func field(_ key: String) -> TemplateValue
}

/// A list a section iterates over (`{{#items}}…{{/items}}`).
protocol TemplateSequence: Sendable {
    var templateCount: Int { get }
    func templateElement(at index: Int) -> TemplateValue
}

/// Anything a view's stored field can hold.
protocol TemplateValueConvertible: Sendable {
    var templateValue: TemplateValue { get }
}

extension TemplateObject {
    var templateValue: TemplateValue { .object(self) }
}

extension TemplateValue: TemplateValueConvertible {
    var templateValue: TemplateValue { self }
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
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
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    var templateValue: TemplateValue { .list(self) }
}

extension Array: TemplateSequence where Element: TemplateValueConvertible {
    var templateCount: Int { count }
    func templateElement(at index: Int) -> TemplateValue { self[index].templateValue }
}

extension TemplateValue {
    /// The value a field of `self` has; only objects have fields.
    @inline(__always)
    func field(_ key: String) -> TemplateValue {
        if case .object(let object) = self { return object.field(key) }
        return .none
    }
}
