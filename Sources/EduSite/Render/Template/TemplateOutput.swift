/// How `{{name}}` and `{{{name}}}` write a value. The generated views call the overloads for their
/// `String` fields directly (the most specific overload wins), so the common case reads the string in
/// place; every other field goes through its `TemplateValue`.
enum TemplateOutput {
    @inline(__always)
    static func append(_ text: String, escaped: Bool, to output: inout [UInt8]) -> Bool {
        if escaped {
            HTMLEscape.append(text, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
        return true
    }

    @inline(__always)
    static func append(_ text: String?, escaped: Bool, to output: inout [UInt8]) -> Bool {
        guard let text else { return false }
        return append(text, escaped: escaped, to: &output)
    }

    @inline(__always)
    static func append(_ text: UTF8Text, escaped: Bool, to output: inout [UInt8]) -> Bool {
        if escaped {
            text.bytes.withUnsafeBufferPointer { HTMLEscape.append($0, to: &output) }
        } else {
            output.append(contentsOf: text.bytes)
        }
        return true
    }

    @inline(__always)
    static func append(_ text: UTF8Text?, escaped: Bool, to output: inout [UInt8]) -> Bool {
        guard let text else { return false }
        return append(text, escaped: escaped, to: &output)
    }

    /// `String(number)`'s digits, written without making the string (page numbers of every list's
    /// pagination); digits and `-` need no escaping.
    @inline(__always)
    static func append(_ number: Int, escaped: Bool, to output: inout [UInt8]) -> Bool {
        appendDecimal(number, to: &output)
        return true
    }

    static func appendDecimal(_ number: Int, to output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    static func append(_ value: some TemplateValueConvertible, escaped: Bool, to output: inout [UInt8]) -> Bool {
        append(value.templateValue, escaped: escaped, to: &output)
    }

    /// Writes any value; false (and nothing written) for `.none`.
    static func append(_ value: TemplateValue, escaped: Bool, to output: inout [UInt8]) -> Bool {
        switch value {
        case .text(let text):
            return append(text, escaped: escaped, to: &output)
        case .utf8(let text):
            return append(text, escaped: escaped, to: &output)
        case .number(let number):
            appendDecimal(number, to: &output)
        case .bool(let bool):
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        case .list(let list):
            appendDescription(of: list, escaped: escaped, to: &output)
        case .object(let object):
            appendDescription(of: object, escaped: escaped, to: &output)
        case .none:
            return false
        }
        return true
    }

    /// As swift-mustache did for any other value: `String(describing:)` (a view prints as its Swift
    /// description, which no theme wants, but it is what it did).
    private static func appendDescription(of value: some Any, escaped: Bool, to output: inout [UInt8]) {
        _ = append(String(describing: value), escaped: escaped, to: &output)
    }
}
