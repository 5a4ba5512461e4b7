/// Bounds on one HTTP fetch. An upstream server is somebody else's: it may hang, loop or send forever.
public struct FetchLimits: Sendable, Hashable {
    /// The whole request, connection to last byte.
    public var timeout: Duration
    /// Bodies longer than this are cut off and the fetch fails.
    public var maxBytes: Int
    public var maxRedirects: Int

    public init(timeout: Duration = .seconds(15), maxBytes: Int = 5 << 20, maxRedirects: Int = 5) {
        self.timeout = timeout
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }

    public static let `default` = FetchLimits()
}

public struct FetchResponse: Sendable, Hashable {
    public var status: Int
    /// Empty for `304 Not Modified`.
    public var body: [UInt8]
    public var etag: String?
    public var lastModified: String?
    /// The `charset` of `Content-Type`, lowercased.
    public var charset: String?
    /// The server answered `304 Not Modified` to a conditional request: keep what you have.
    public var notModified: Bool
    /// Where the body came from after redirects.
    public var finalURL: String

    public init(
        status: Int, body: [UInt8], etag: String?, lastModified: String?, charset: String?, notModified: Bool, finalURL: String
    ) {
        self.status = status
        self.body = body
        self.etag = etag
        self.lastModified = lastModified
        self.charset = charset
        self.notModified = notModified
        self.finalURL = finalURL
    }
}

public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidURL(String)
    /// Only `http` and `https` are fetched (also after a redirect).
    case unsupportedScheme(String)
    case timedOut(seconds: Int)
    case tooLarge(maxBytes: Int)
    case tooManyRedirects(max: Int)
    /// The server answered 4xx or 5xx.
    case httpStatus(Int)
    /// Connection refused, DNS failure, TLS failure, reset…
    case network(String)
    case cancelled

    public var description: String { reason.en }

    /// What went wrong, in words.
    public var reason: Words {
        switch self {
        case .invalidURL(let url): Words(vi: "`\(url)` không phải một địa chỉ hợp lệ", en: "`\(url)` is not a valid URL")
        case .unsupportedScheme(let scheme):
            Words(
                vi: "chỉ tải các địa chỉ http và https, không tải `\(scheme):`",
                en: "only http and https addresses are fetched, not `\(scheme):`")
        case .timedOut(let seconds):
            Words(vi: "máy chủ không trả lời trong \(seconds) giây", en: "the server did not answer within \(seconds) s")
        case .tooLarge(let max):
            Words(
                vi: "câu trả lời lớn hơn \(max / 1024) KB nên đã bị cắt",
                en: "the answer is larger than \(max / 1024) KB and was cut off")
        case .tooManyRedirects(let max):
            Words(
                vi: "bị chuyển hướng quá \(max) lần (có thể là một vòng chuyển hướng)",
                en: "more than \(max) redirects (a redirect loop?)")
        case .httpStatus(let status): Words(vi: "máy chủ trả lời mã HTTP \(status)", en: "the server answered HTTP \(status)")
        case .network(let reason): Words(vi: "lỗi mạng: \(reason)", en: "network error: \(reason)")
        case .cancelled: Words(vi: "đã bị huỷ", en: "cancelled")
        }
    }
}
