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
        guard let slash = lastIndex(of: slash, in: path) else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    public static func lastComponent(_ path: String) -> String {
        guard let slash = lastIndex(of: slash, in: path) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    /// The extension without its dot, lowercased; empty when there is none.
    public static func fileExtension(_ path: String) -> String {
        let utf8 = path.utf8
        let nameStart = lastOffset(of: slash, in: path).map { $0 + 1 } ?? 0
        guard let dot = lastOffset(of: dot, in: path, from: nameStart), dot != nameStart else { return "" }
        let ext = path[utf8.index(utf8.startIndex, offsetBy: dot + 1)...]
        return ext.utf8.allSatisfy({ !(65...90).contains($0) }) ? String(ext) : ext.lowercased()
    }

    /// `path.utf8.lastIndex(of: byte)`, found on the contiguous bytes: the generic search through the
    /// UTF-8 view showed in profiles (these helpers run for every file, page and link).
    private static func lastIndex(of byte: UInt8, in path: String) -> String.Index? {
        lastOffset(of: byte, in: path).map { path.utf8.index(path.utf8.startIndex, offsetBy: $0) }
    }

    /// The UTF-8 offset of the last `byte` at or after offset `lower`.
    private static func lastOffset(of byte: UInt8, in path: String, from lower: Int = 0) -> Int? {
        var path = path
        return path.withUTF8 { bytes in
            var index = bytes.count - 1
            while index >= lower {
                if bytes[index] == byte { return index }
                index -= 1
            }
            return nil
        }
    }

    /// `path.split(separator: "/")`: the non-empty parts between slashes. Cut on bytes when every `/`
    /// stands alone (see `slashesStandAlone`), which gives the same parts without Character breaking.
    public static func parts(_ path: String) -> [Substring] {
        var copy = path
        let cuts: [Range<Int>]? = copy.withUTF8 { bytes in
            guard slashesStandAlone(bytes) else { return nil }
            var ranges: [Range<Int>] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == slash {
                if index > start { ranges.append(start..<index) }
                start = index + 1
            }
            return ranges
        }
        guard let cuts else { return path.split(separator: "/") }
        let utf8 = path.utf8
        return cuts.map { range in
            path[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
    }


    public static func removingExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
    }

    /// Resolves `.` and `..` lexically. Returns nil when `..` would climb above the start,
    /// which is how an attachment "leaving the site" is caught.
    ///
    /// The rules are those of `split(separator: "/")` on Characters, which a `/` followed by a
    /// combining mark does not match. When every `/` stands alone (its neighbours are ASCII, so it is
    /// a Character of its own), splitting the bytes gives the same parts, and this runs on bytes:
    /// it is called for every link of every page. An already normal path comes back as it is.
    public static func normalize(_ path: String) -> String? {
        var path = path
        let result: NormalizedBytes = path.withUTF8 { bytes in
            guard slashesStandAlone(bytes) else { return .unsure }
            return normalizeBytes(bytes)
        }
        switch result {
        case .unchanged: return path
        case .changed(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .climbsOut: return nil
        case .unsure: return normalizeByCharacters(path)
        }
    }

    /// The general form of `normalize`, for paths where a `/` shares a Character with its neighbour.
    static func normalizeByCharacters(_ path: String) -> String? {
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

    private enum NormalizedBytes {
        case unchanged
        case changed([UInt8])
        case climbsOut
        case unsure
    }

    /// True when no `/` byte can belong to a Character with a neighbouring scalar: the bytes next to
    /// each one are ASCII (an ASCII scalar is never a combining mark nor a prepended one), so
    /// Character-wise and byte-wise splitting on `/` agree.
    static func slashesStandAlone(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            if bytes[index] == slash {
                if index > 0, bytes[index - 1] >= 0x80 { return false }
                if index + 1 < count, bytes[index + 1] >= 0x80 { return false }
            }
            index += 1
        }
        return true
    }

    /// `normalizeByCharacters` on bytes whose slashes stand alone.
    private static func normalizeBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> NormalizedBytes {
        let count = bytes.count
        let absolute = count > 0 && bytes[0] == slash
        // First pass: is anything to be removed? (empty parts, `.`, `..`; a path that is not just "/"
        // ending in `/` has an empty last part.)
        var needsWork = false
        var start = 0
        while start <= count {
            var end = start
            while end < count, bytes[end] != slash { end += 1 }
            let length = end - start
            if length == 0 {
                // An empty part is dropped, except the one before an absolute path's first `/` and
                // those of "" and "/", which come back as they are.
                let kept = count == 0 || (absolute && (start == 0 || count == 1))
                if !kept {
                    needsWork = true
                    break
                }
            } else if bytes[start] == dot, length == 1 || (length == 2 && bytes[start + 1] == dot) {
                needsWork = true
                break
            }
            start = end + 1
        }
        if !needsWork { return .unchanged }

        var out: [UInt8] = []
        out.reserveCapacity(count)
        if absolute { out.append(slash) }
        let prefixLength = out.count
        var parts = 0
        start = 0
        while start < count {
            var end = start
            while end < count, bytes[end] != slash { end += 1 }
            let length = end - start
            if length == 0 || (length == 1 && bytes[start] == dot) {
                // empty or `.`: nothing
            } else if length == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                if parts == 0 { return .climbsOut }
                parts -= 1
                if parts == 0 {
                    out.removeSubrange(prefixLength...)
                } else {
                    let cut = out.lastIndex(of: slash)!
                    out.removeSubrange(cut...)
                }
            } else {
                if parts > 0 { out.append(slash) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                parts += 1
            }
            start = end + 1
        }
        return .changed(out)
    }

    /// `child` relative to `base` when it lies inside it.
    public static func relative(_ child: String, to base: String) -> String? {
        if child == base { return "" }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard child.hasPrefix(prefix) else { return nil }
        return String(child.dropFirst(prefix.count))
    }
}
