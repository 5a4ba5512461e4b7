extension FileSystem {
    /// `path` with every symlink along it replaced by what it points at, as far as the path exists
    /// (the rest is kept as written); nil for a loop or a chain of more than 40 links. Works the same
    /// on every `FileSystem`, so the Write stage judges an output folder by where it really is, and
    /// `SiteFiles` a link by where it really points.
    public func resolvingSymlinks(_ path: String) -> String? {
        Path.resolvingLinks(path) { next in
            guard let info = linkInfo(next), info.kind == .symlink else { return nil }
            return try? readLink(next)
        }
    }
}

extension Path {
    /// The one way a path's links are followed, on the disk and in the memory tree alike: `target`
    /// answers what the link at a path points at (nil: not a link). Nil for more than 40 links.
    static func resolvingLinks(_ path: String, target: (String) -> String?) -> String? {
        guard var pending = normalize(path).map({ parts($0).map(String.init) }) else { return nil }
        pending.reverse()
        var resolved = "/"
        var links = 0
        while let part = pending.popLast() {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                resolved = parent(resolved).isEmpty ? "/" : parent(resolved)
                continue
            }
            let next = join(resolved, part)
            guard let pointsAt = target(next) else {
                resolved = next
                continue
            }
            links += 1
            if links > 40 { return nil }
            if pointsAt.hasPrefix("/") { resolved = "/" }
            pending.append(contentsOf: parts(pointsAt).map(String.init).reversed())
        }
        return resolved
    }
}
