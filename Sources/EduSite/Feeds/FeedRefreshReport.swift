/// How refreshing one upstream feed went, in words and as a diagnostic for the CLI.
public struct FeedRefreshReport: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// New items were fetched and saved.
        case updated
        /// The server said nothing changed (304); the kept copy stays.
        case notModified
        /// The fetch failed; the kept copy (if any) stays.
        case fetchFailed(FetchError)
        /// The document came but could not be read; the kept copy (if any) stays.
        case parseFailed(FeedParseError)
    }

    public var feedID: String
    public var url: String
    public var outcome: Outcome
    /// What the cache holds now (after this refresh).
    public var snapshot: UpstreamFeedSnapshot?
    /// The snapshot could not be saved.
    public var saveError: FileSystemError?
    /// The feed's place in `site.yaml`, when the loader knew it.
    public var location: SourceLocation?
    /// When this refresh ran.
    public var now: ContentDate

    public init(
        feedID: String, url: String, outcome: Outcome, snapshot: UpstreamFeedSnapshot?, saveError: FileSystemError? = nil,
        location: SourceLocation?, now: ContentDate
    ) {
        self.feedID = feedID
        self.url = url
        self.outcome = outcome
        self.snapshot = snapshot
        self.saveError = saveError
        self.location = location
        self.now = now
    }

    public var succeeded: Bool {
        switch outcome {
        case .updated, .notModified: true
        case .fetchFailed, .parseFailed: false
        }
    }

    public var itemCount: Int { snapshot?.items.count ?? 0 }

    /// Age of the kept items in plain words: "just now", "5 minutes ago", "3 days ago".
    public var keptAge: String? {
        guard let fetchedAt = snapshot?.fetchedAt else { return nil }
        return Self.age(seconds: now.epochSeconds - fetchedAt.epochSeconds)
    }

    /// One line for the terminal, e.g. `tin-tuc: kept 12 items from 3 days ago (the server answered HTTP 500)`.
    public var summary: String {
        let items = Self.count(itemCount, "item")
        switch outcome {
        case .updated: return "\(feedID): \(items) updated"
        case .notModified: return "\(feedID): not changed since last time, \(items) kept"
        case .fetchFailed(let error): return "\(feedID): \(kept) (\(error))"
        case .parseFailed(let error): return "\(feedID): \(kept) (\(error))"
        }
    }

    private var kept: String {
        guard let age = keptAge else { return "nothing kept yet, the home page shows no items for this feed" }
        return "kept \(Self.count(itemCount, "item")) from \(age)"
    }

    /// Warnings when something needs a look: a failed fetch or read (F001, F002), a kept copy older than
    /// `staleAfterSeconds` (F003), a feed without items (F004), a cache that could not be written (F005).
    public func diagnostics(staleAfterSeconds: Int64 = UpstreamFeedRefresher.staleAfterSeconds) -> [Diagnostic] {
        let place = location ?? .file("site.yaml")
        var found: [Diagnostic] = []
        switch outcome {
        case .fetchFailed(let error):
            found.append(
                Diagnostic(
                    .feedFetchFailed, .warning, "upstream feed `\(feedID)` could not be fetched from \(url): \(error); \(kept)",
                    at: place,
                    hint: "check the `url` of this feed in `site.yaml`, or try again later; the build goes on with the kept items"))
        case .parseFailed(let error):
            found.append(
                Diagnostic(
                    .feedParseFailed, .warning, "upstream feed `\(feedID)` at \(url) could not be read: \(error); \(kept)",
                    at: place, hint: "open the address in a browser: it should be an RSS or Atom feed (or use `format: sitemap`)"))
        case .updated, .notModified:
            if itemCount == 0 {
                found.append(
                    Diagnostic(
                        .feedEmpty, .warning, "upstream feed `\(feedID)` at \(url) has no items with a title", at: place,
                        hint: "check that the `url` is the feed itself, not a page that links to it"))
            }
        }
        if let fetchedAt = snapshot?.fetchedAt, now.epochSeconds - fetchedAt.epochSeconds > staleAfterSeconds {
            found.append(
                Diagnostic(
                    .feedStale, .warning,
                    "the kept items of upstream feed `\(feedID)` are from \(keptAge ?? "long ago"): the home page shows old news",
                    at: place, hint: "run `edusite feeds` where the network reaches \(url), e.g. in the hourly CI job"))
        }
        if let saveError {
            found.append(Diagnostic(.feedCacheUnwritable, .warning, "upstream feed `\(feedID)`: \(saveError)", at: place))
        }
        return found
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    static func age(seconds: Int64) -> String {
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return count(Int(seconds / 60), "minute") + " ago"
        case ..<86_400: return count(Int(seconds / 3600), "hour") + " ago"
        default: return count(Int(seconds / 86_400), "day") + " ago"
        }
    }
}
