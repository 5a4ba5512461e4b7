/// Pages of the previous build that the loader may take instead of reading their files again.
///
/// A page is reused when its file is unchanged (same size and modification time, or else the same
/// content hash) and nothing its links and files resolve against changed: the `resolutionKey` covers
/// `site.yaml`, the build options, every page's URL and every published file's size. When that key
/// differs, every page is read again (a new or renamed page can change what any link points at).
public struct PageReuse: Sendable {
    public struct Entry: Sendable {
        /// The page's file when it was read.
        public var stamp: PageFileStamp
        /// False when the file changed so shortly before the previous build that an unchanged size
        /// and time do not prove it unchanged: its content is compared instead.
        public var stampIsReliable: Bool
        /// Decodes the kept page; nil when its record is unreadable (the file is then read again).
        public var page: @Sendable () -> Page?

        public init(stamp: PageFileStamp, stampIsReliable: Bool, page: @escaping @Sendable () -> Page?) {
            self.stamp = stamp
            self.stampIsReliable = stampIsReliable
            self.page = page
        }
    }

    /// By source, e.g. `content/tin-tuc/a.md`.
    public var entries: [String: Entry]
    public var resolutionKey: ContentHash

    public init(entries: [String: Entry], resolutionKey: ContentHash) {
        self.entries = entries
        self.resolutionKey = resolutionKey
    }
}

/// Whether a file time recorded by a build that started at `buildStart` tells a later change apart.
/// A file changed within a second before that build may have changed again since without its time
/// changing (a clock tick is coarser than a nanosecond), so such files are compared by content, as
/// git does with its index.
public func fileTimeIsReliable(_ modifiedNanoseconds: Int64, buildStart: Int64) -> Bool {
    modifiedNanoseconds < buildStart - 1_000_000_000
}

/// What a loaded page's file was, for the next build's `PageReuse`.
public struct PageFileStamp: Sendable, Hashable {
    public var size: Int
    public var modifiedNanoseconds: Int64
    public var contentHash: ContentHash

    public init(size: Int, modifiedNanoseconds: Int64, contentHash: ContentHash) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.contentHash = contentHash
    }
}
