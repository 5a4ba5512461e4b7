/// Small, allocation-light helpers for `/`-separated path strings.
public enum Path {
    public static func join(_ base: String, _ component: String) -> String {
        if component.isEmpty { return base }
        if base.isEmpty { return component }
        if component.hasPrefix("/") { return base.hasSuffix("/") ? base + component.dropFirst() : base + component }
        return base.hasSuffix("/") ? base + component : base + "/" + component
    }

    public static func join(_ base: String, _ components: String...) -> String {
        components.reduce(base) { join($0, $1) }
    }

    // Byte-level searches: these run for every link and file of a site.
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    public static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: slash) else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func lastComponent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: slash) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The extension without its dot, lowercased; empty when there is none.
    public static func fileExtension(_ path: String) -> String {
        let utf8 = path.utf8
        let nameStart = utf8.lastIndex(of: slash).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[nameStart...].lastIndex(of: dot), dot != nameStart else { return "" }
        let ext = path[utf8.index(after: dot)...]
        return ext.utf8.allSatisfy({ !(65...90).contains($0) }) ? String(ext) : ext.lowercased()
    }

    public static func removingExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
    }

    /// Resolves `.` and `..` lexically. Returns nil when `..` would climb above the start,
    /// which is how an attachment "leaving the site" is caught.
    public static func normalize(_ path: String) -> String? {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return (absolute ? "/" : "") + parts.joined(separator: "/")
    }

    /// `child` relative to `base` when it lies inside it.
    public static func relative(_ child: String, to base: String) -> String? {
        if child == base { return "" }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard child.hasPrefix(prefix) else { return nil }
        return String(child.dropFirst(prefix.count))
    }
}
