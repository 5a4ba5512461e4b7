/// How site paths become links: every internal link goes through here, so a site served below a
/// sub-path (`https://pgd.example.vn/truong-a/`) works the same as one at a domain's root.
public struct SiteURLs: Sendable, Hashable {
    /// Absolute base URL, ending with `/`.
    public let baseURL: String
    /// Its path, `/` or `/truong-a/`.
    public let basePath: String

    public init(baseURL: String) {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.baseURL = base
        let afterScheme = base.range(of: "://").map { base[$0.upperBound...] } ?? Substring(base)
        if let slash = afterScheme.firstIndex(of: "/") {
            basePath = String(afterScheme[slash...])
        } else {
            basePath = "/"
        }
    }

    /// Root-relative link for a site path (`/tin-tuc/` → `/truong-a/tin-tuc/`), percent-encoded.
    public func href(_ sitePath: String) -> String {
        let relative = sitePath.hasPrefix("/") ? String(sitePath.dropFirst()) : sitePath
        return basePath + Self.encode(relative)
    }

    /// Absolute URL for feeds, sitemaps and `<link rel="canonical">`.
    public func absolute(_ sitePath: String) -> String {
        let relative = sitePath.hasPrefix("/") ? String(sitePath.dropFirst()) : sitePath
        return baseURL + Self.encode(relative)
    }

    /// Percent-encodes what may not stand in a URL path (spaces, non-ASCII, quotes), keeping `/`, `#`, `?`.
    static func encode(_ path: String) -> String {
        let allowed: (UInt8) -> Bool = { byte in
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"),
                UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: "&"), UInt8(ascii: "%"),
                UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "@"),
                UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"):
                true
            default: false
            }
        }
        guard !path.utf8.allSatisfy(allowed) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            if allowed(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
