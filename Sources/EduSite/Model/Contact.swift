/// How the unit is reached: its parent office, contact details and feedback channel.

public struct ParentOffice: Sendable, Hashable, Decodable {
    public var name: String
    public var url: String?

    enum CodingKeys: String, CodingKey { case name, url }

    public init(name: String, url: String?) {
        self.name = name
        self.url = url
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        url = try c.decodeIfPresent(AbsoluteURL.self, forKey: .url)?.string
    }
}

public struct Contact: Sendable, Hashable, Decodable {
    public var address: String
    /// Landline (điện thoại cố định), required by the portal criteria.
    public var landline: String
    public var email: String
    public var hotline: String?
    public var fax: String?
    public var mapURL: String?
    /// Office hours, e.g. "Thứ Hai - Thứ Sáu: 7g00 - 17g00".
    public var hours: String?

    enum CodingKeys: String, CodingKey {
        case address, landline, email, hotline, fax
        case mapURL = "map_url"
        case hours
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        address = try c.decode(String.self, forKey: .address)
        landline = try c.decode(String.self, forKey: .landline)
        email = try c.decode(EmailAddress.self, forKey: .email).value
        hotline = try c.decodeIfPresent(String.self, forKey: .hotline)
        fax = try c.decodeIfPresent(String.self, forKey: .fax)
        mapURL = try c.decodeIfPresent(AbsoluteURL.self, forKey: .mapURL)?.string
        hours = try c.decodeIfPresent(String.self, forKey: .hours)
    }
}

/// Where feedback (góp ý) goes: a form service URL, an email address, or both.
public struct Feedback: Sendable, Hashable, Decodable {
    /// The form's `action` (e.g. a Google Forms or Microsoft Forms response URL).
    public var formAction: String?
    /// Fallback: the address a `mailto:` link opens.
    public var email: String?
    /// An external page that hosts the whole form, linked instead of embedding one.
    public var url: String?

    enum CodingKeys: String, CodingKey {
        case formAction = "form_action"
        case email, url
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formAction = try c.decodeIfPresent(AbsoluteURL.self, forKey: .formAction)?.string
        email = try c.decodeIfPresent(EmailAddress.self, forKey: .email)?.value
        url = try c.decodeIfPresent(AbsoluteURL.self, forKey: .url)?.string
        if formAction == nil && email == nil && url == nil {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    Words(
                        vi: "`feedback` cần ít nhất một trong `form_action`, `email` hoặc `url`, để phụ huynh có nơi gửi ý kiến",
                        en: "`feedback` needs at least one of `form_action`, `email` or `url`, so parents have somewhere to send their opinions")))
        }
    }
}
