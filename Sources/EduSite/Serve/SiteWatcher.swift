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
    /// The site folder: links in roots inside it may point anywhere in it (as the build allows).
    public let siteRoot: String?

    public init(fileSystem: FileSystem = .live, roots: [String], siteRoot: String? = nil) {
        self.fileSystem = fileSystem
        self.roots = roots
        self.siteRoot = siteRoot
    }

    /// The folders a site's build reads: its config, content, static files, layouts, and the theme.
    public static func roots(siteRoot: String, themeFolders: [String]) -> [String] {
        ["site.yaml", "content", "static", "layouts", "themes", "manifests"].map { Path.join(siteRoot, $0) } + themeFolders
    }

    /// Every watched file with its stamp. Folders are listed as the build lists them (`SiteFiles`):
    /// a link to `/` is stamped as a link, not walked.
    public func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for root in roots {
            if fileSystem.fileExists(root) {
                stamps[root] = stamp(fileSystem.itemInfo(root))
                continue
            }
            let boundary = siteRoot.flatMap { Path.relative(root, to: $0) != nil ? $0 : nil } ?? root
            let listing = SiteFiles(fileSystem: fileSystem, boundary: boundary).walk(root, display: Path.lastComponent(root) + "/")
            for file in listing.files { stamps[Path.join(root, file.path)] = stamp(file.info) }
            for link in listing.refused { stamps[link] = stamp(fileSystem.linkInfo(link)) }
        }
        return stamps
    }

    private func stamp(_ info: ItemInfo?) -> Stamp {
        Stamp(size: info?.size ?? -1, modified: info?.modifiedNanoseconds ?? 0)
    }

    /// The paths that were added, removed or changed between two snapshots, sorted.
    public static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new where old[path] != stamp { changed.append(path) }
        for path in old.keys where new[path] == nil { changed.append(path) }
        return changed.sorted()
    }
}
