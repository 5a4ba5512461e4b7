import Foundation

/// One JSON file per upstream feed, `<folder>/<id>.json`: pretty-printed, keys sorted, so the same
/// snapshot always gives the same bytes. Usually `folder` is `<site>/.edusite/feeds`.
public struct UpstreamFeedCache: Sendable {
    public let folder: String
    public let fileSystem: FileSystem

    public init(folder: String, fileSystem: FileSystem) {
        self.folder = folder
        self.fileSystem = fileSystem
    }

    /// The cache folder of a site.
    public static func folder(siteRoot: String) -> String { Path.join(siteRoot, ".edusite/feeds") }

    public func path(feedID: String) -> String { Path.join(folder, feedID + ".json") }

    /// The kept snapshot, or nil when there is none or it cannot be read (a damaged file counts as none).
    /// Links that are not plain web addresses are dropped again, in case the file was edited by hand.
    /// A symlink counts as none too: `edusite feeds` writes plain files, and a committed link could
    /// point anywhere outside the site.
    public func load(feedID: String) -> UpstreamFeedSnapshot? {
        guard Self.isSafeID(feedID), fileSystem.linkInfo(path(feedID: feedID))?.kind == .file,
            let bytes = try? fileSystem.readFile(path(feedID: feedID))
        else { return nil }
        guard var snapshot = try? JSONDecoder().decode(UpstreamFeedSnapshot.self, from: Data(bytes)) else { return nil }
        for index in snapshot.items.indices where snapshot.items[index].link.map(FeedLink.isSafe) == false {
            snapshot.items[index].link = nil
        }
        return snapshot
    }

    /// The kept copy of `feed`, its dates shown in `zone`; nil when there is none or it is of another
    /// address (a changed `url` starts afresh).
    func snapshot(of feed: UpstreamFeed, shownIn zone: SiteTimeZone) -> UpstreamFeedSnapshot? {
        load(feedID: feed.id).flatMap { $0.url == feed.url ? $0.shown(in: zone) : nil }
    }

    public func save(_ snapshot: UpstreamFeedSnapshot) throws(FileSystemError) {
        guard Self.isSafeID(snapshot.feedID) else {
            throw FileSystemError(path: path(feedID: snapshot.feedID), reason: .other(22), operation: "write feed cache")
        }
        let bytes = Self.encode(snapshot)
        let target = path(feedID: snapshot.feedID)
        let temporary = target + ".tmp"
        try fileSystem.createDirectory(folder)
        try fileSystem.writeFile(temporary, bytes)
        try fileSystem.moveItem(temporary, target)
    }

    /// The exact bytes a snapshot is stored as.
    public static func encode(_ snapshot: UpstreamFeedSnapshot) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding our own value types cannot fail: every field is a string, number or array of them.
        guard let data = try? encoder.encode(snapshot) else { return [] }
        return Array(data) + [0x0A]
    }

    /// Feed ids come from `site.yaml` (already validated); this keeps a hand-built id from leaving the folder.
    static func isSafeID(_ id: String) -> Bool {
        id.utf8.count <= 100 && Identifier.isValid(id)
    }
}
