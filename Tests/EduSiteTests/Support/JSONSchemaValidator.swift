import Foundation

/// Just enough of JSON Schema (2020-12) to validate the compliance report against its documented
/// schema: `type`, `required`, `properties`, `additionalProperties: false`, `items`, `enum`,
/// `pattern`, `minimum`, local `$ref`.
struct JSONSchemaValidator {
    let root: [String: Any]

    init(schemaText: String) throws {
        root = try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as! [String: Any]
    }

    /// Every violation, as `path: problem`.
    func validate(jsonText: String) throws -> [String] {
        let value = try JSONSerialization.jsonObject(with: Data(jsonText.utf8), options: [.fragmentsAllowed])
        var problems: [String] = []
        check(value, against: root, at: "$", into: &problems)
        return problems
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return schema }
        let defs = root["$defs"] as? [String: Any] ?? [:]
        return defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any] ?? [:]
    }

    private func check(_ value: Any, against rawSchema: [String: Any], at path: String, into problems: inout [String]) {
        let schema = resolve(rawSchema)
        if let type = schema["type"] as? String, !Self.matches(value, type: type) {
            problems.append("\(path): expected \(type), found \(Swift.type(of: value))")
            return
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): `\(value)` is not one of \(options)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
            text.range(of: pattern, options: .regularExpression) == nil
        {
            problems.append("\(path): `\(text)` does not match \(pattern)")
        }
        if let minimum = schema["minimum"] as? Int, let number = value as? Int, number < minimum {
            problems.append("\(path): \(number) < \(minimum)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): missing `\(key)`")
            }
            for (key, child) in object {
                if let childSchema = properties[key] as? [String: Any] {
                    check(child, against: childSchema, at: "\(path).\(key)", into: &problems)
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected `\(key)`")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(index)]", into: &problems) }
        }
    }

    static func matches(_ value: Any, type: String) -> Bool {
        let isBool = value is Bool && "\(Swift.type(of: value))".contains("Bool")
            || (value as? NSNumber).map { String(cString: $0.objCType) == "c" } == true
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return isBool
        case "integer": return !isBool && value is Int
        case "number": return !isBool && (value is Double || value is Int)
        default: return true
        }
    }
}
