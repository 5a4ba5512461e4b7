extension DiagnosticCode {
    /// An upstream feed could not be fetched (network, timeout, HTTP error, too large); the last good copy is kept.
    public static let feedFetchFailed: DiagnosticCode = "F001"
    /// An upstream feed was fetched but could not be read (not well-formed, not a feed, refused as unsafe).
    public static let feedParseFailed: DiagnosticCode = "F002"
    /// The kept copy of an upstream feed is older than `UpstreamFeedRefresher.staleAfter`.
    public static let feedStale: DiagnosticCode = "F003"
    /// The feed was read but gave no item with a title.
    public static let feedEmpty: DiagnosticCode = "F004"
    /// The cache file could not be written (`.edusite/feeds/<id>.json`).
    public static let feedCacheUnwritable: DiagnosticCode = "F005"
    /// No copy of an upstream feed was ever fetched.
    public static let feedNeverFetched: DiagnosticCode = "F006"
}
