/// A parent office's feed as the build sees it: what `site.yaml` says, and the last good copy that
/// `edusite feeds` kept (nil before the first successful fetch).
public struct LoadedUpstreamFeed: Sendable {
    public var config: UpstreamFeed
    public var snapshot: UpstreamFeedSnapshot?
    /// The feed's entry in `site.yaml`.
    public var location: SourceLocation

    public init(config: UpstreamFeed, snapshot: UpstreamFeedSnapshot?, location: SourceLocation) {
        self.config = config
        self.snapshot = snapshot
        self.location = location
    }
}
