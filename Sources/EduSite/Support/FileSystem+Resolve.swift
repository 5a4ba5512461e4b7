extension FileSystem {
    /// `path` with every symlink along it replaced by what it points at, as far as the path exists
    /// (the rest is kept as written); nil for a loop or a chain of more than 40 links. Works the same
    /// on every `FileSystem`, so the Write stage judges an output folder by where it really is.
    public func resolvingSymlinks(_ path: String) -> String? {
        guard var pending = Path.normalize(path).map({ Path.parts($0).map(String.init) }) else { return nil }
        pending.reverse()
        var resolved = "/"
        var links = 0
        while let part = pending.popLast() {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                resolved = Path.parent(resolved).isEmpty ? "/" : Path.parent(resolved)
                continue
            }
            let next = Path.join(resolved, part)
            guard let info = linkInfo(next), info.kind == .symlink, let target = try? readLink(next) else {
                resolved = next
                continue
            }
            links += 1
            if links > 40 { return nil }
            if target.hasPrefix("/") { resolved = "/" }
            pending.append(contentsOf: Path.parts(target).map(String.init).reversed())
        }
        return resolved
    }
}
