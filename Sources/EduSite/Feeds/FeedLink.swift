import Foundation

/// Upstream links: resolved against the document (or `xml:base`), and kept only when they are
/// `http` or `https` with a host. `javascript:`, `data:`, `file:`, `mailto:` and the rest give nil.
enum FeedLink {
    static func resolve(_ raw: String, base: String?) -> String? {
        // Browsers drop tabs and newlines inside URLs, so `java\tscript:` is `javascript:`: do the same first.
        let text = String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
            .trimmingCharacters(in: .whitespaces.union(.controlCharacters))
        guard !text.isEmpty, text.count <= 2048 else { return nil }
        let baseURL = base.flatMap { URL(string: $0) }
        guard let url = URL(string: text, relativeTo: baseURL)?.absoluteURL, isWebURL(url) else { return nil }
        // A scheme is case-insensitive (RFC 3986 3.1): `HTTP://` is written as its canonical `http://`.
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return nil }
        components.scheme = components.scheme?.lowercased()
        return components.url?.absoluteString
    }

    static func isWebURL(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        guard let host = url.host, !host.isEmpty else { return false }
        return true
    }

    /// For a snapshot read back from disk: keep a link only if it is still a plain web address.
    static func isSafe(_ link: String) -> Bool {
        guard let url = URL(string: link) else { return false }
        return isWebURL(url) && url.absoluteString == link && LinkPolicy.refusal(link) == nil
    }
}
