/// Notices changes to a site by polling: it works in containers, on shared and network folders,
/// where change notifications do not arrive. One `stat` per file per poll.
public struct SiteWatcher: Sendable {
    /// What a file looked like at one poll.
    public struct Stamp: Sendable, Hashable {
        var size: Int
        var modified: Int64
    }

    public let fileSystem: FileSystem
    /// Absolute folders (and files) to watch.
    public let roots: [String]

    public init(fileSystem: FileSystem = .live, roots: [String]) {
        self.fileSystem = fileSystem
        self.roots = roots
    }

    /// The folders a site's build reads: its config, content, static files, layouts, and the theme.
    public static func roots(siteRoot: String, themeFolders: [String]) -> [String] {
        ["site.yaml", "content", "static", "layouts", "themes", "manifests"].map { Path.join(siteRoot, $0) } + themeFolders
    }

    /// Every watched file with its stamp.
    public func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in roots {
            if fileSystem.fileExists(root) {
                stamps[root] = stamp(root)
                continue
            }
            for relative in (try? fileSystem.walkFiles(root)) ?? [] {
                let path = Path.join(root, relative)
                stamps[path] = stamp(path)
            }
        }
        return stamps
    }

    private func stamp(_ path: String) -> Stamp {
        let info = fileSystem.itemInfo(path)
        return Stamp(size: info?.size ?? -1, modified: info?.modifiedNanoseconds ?? 0)
    }

    /// The paths that were added, removed or changed between two snapshots, sorted.
    public static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }
}
