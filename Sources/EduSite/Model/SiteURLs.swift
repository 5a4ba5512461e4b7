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
        // Most links: a site at a domain's root and a path with nothing to encode, which is its own link.
        if basePath == "/", sitePath.utf8.first == UInt8(ascii: "/"), !Self.needsEncoding(sitePath) { return sitePath }
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
        guard needsEncoding(path) else { return path }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in path.utf8 {
            if isAllowed(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any byte of the path is not allowed as it is; on the string's contiguous bytes when it has
    /// them (native strings do), which is much faster than walking the `UTF8View`.
    private static func needsEncoding(_ path: String) -> Bool {
        path.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { !isAllowed($0) } }
            ?? path.utf8.contains { !isAllowed($0) }
    }

    @inline(__always)
    private static func isAllowed(_ byte: UInt8) -> Bool {
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
}
