/// Small value types that validate themselves while decoding, so that a bad value is reported at
/// its own line and column with a message saying what was expected.

/// A value written as one YAML string that checks itself: `init?(validating:)` reads the text, and
/// `problem(with:)` says, in both languages, what was expected when it cannot.
protocol TextDecodable: Decodable {
    init?(validating text: String)
    static func problem(with text: String) -> Words
}

extension TextDecodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(validating: text) else { throw DecodingError.invalidValue(in: container, Self.problem(with: text)) }
        self = value
    }
}

/// An `http(s)` URL with a host.
public struct AbsoluteURL: Sendable, Hashable, Decodable {
    public let string: String

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self).trimmingSpaces()
        guard let url = AbsoluteURL(text) else {
            throw DecodingError.invalidValue(
                in: container,
                Words(
                    vi: "`\(text)` không phải một địa chỉ web: hãy viết đầy đủ, bắt đầu bằng https:// (ví dụ https://thptnguyenvancu.hcm.edu.vn/)",
                    en: "`\(text)` is not a web address: write it in full, starting with https:// (for example https://thptnguyenvancu.hcm.edu.vn/)"))
        }
        self = url
    }

    public init?(_ text: String) {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return nil
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty, !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            return nil
        }
        self.string = text
    }

    /// The URL with exactly one trailing `/`, for use as a base.
    public var directoryString: String { string.hasSuffix("/") ? string : string + "/" }
}

/// A URL a page shows as a link (a menu entry): anything `LinkPolicy` allows.
public struct LinkURL: Sendable, Hashable, Decodable {
    public let string: String

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self).trimmingSpaces()
        if let refusal = LinkPolicy.refusal(text) {
            throw DecodingError.invalidValue(
                in: container,
                Words(
                    vi: "`\(text)` không thể là một liên kết trên trang: \(refusal.vi). Hãy viết \(LinkPolicy.allowedWords.vi)",
                    en: "`\(text)` cannot be a link on the site: \(refusal.en). Write \(LinkPolicy.allowedWords.en)"))
        }
        string = text
    }
}

public struct EmailAddress: Sendable, Hashable, Decodable {
    public let value: String

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self).trimmingSpaces()
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(" ") else {
            throw DecodingError.invalidValue(
                in: container,
                Words(
                    vi: "`\(text)` không phải một địa chỉ thư điện tử: hãy viết như c3nguyenvancu@hcm.edu.vn",
                    en: "`\(text)` is not an email address: write it like c3nguyenvancu@hcm.edu.vn"))
        }
        value = text
    }
}

/// A lowercase URL-safe id: letters a-z, digits and `-`.
public struct Identifier: Sendable, Hashable, Decodable {
    public let value: String

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard Identifier.isValid(text) else {
            throw DecodingError.invalidValue(
                in: container,
                Words(
                    vi: "`\(text)` không phải một mã định danh hợp lệ: chỉ dùng chữ thường không dấu, chữ số và '-' (ví dụ `\(Slug.make(text))`)",
                    en: "`\(text)` is not a valid id: use only lowercase letters without accents, digits and '-' (for example `\(Slug.make(text))`)"))
        }
        value = text
    }

    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }
}

public struct PositiveInt: Sendable, Hashable, Decodable {
    public let value: Int

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let number = try container.decode(Int.self)
        guard number > 0 else {
            throw DecodingError.invalidValue(
                in: container,
                Words(
                    vi: "cần một số nguyên lớn hơn 0, nhưng gặp \(number)",
                    en: "expected a whole number greater than 0, found \(number)"))
        }
        value = number
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view = view.dropFirst() }
        while let last = view.last, last.isWhitespace { view = view.dropLast() }
        return String(view)
    }
}
