/// What a build is asked to do beyond what the site says.
public struct LoadOptions: Sendable {
    /// "Now": the build date, injected so that output is reproducible and checks can be run "as of".
    public var buildDate: DateTimeValue
    /// Replaces `base_url` (e.g. for a preview deployment).
    public var baseURL: String?
    /// Folders that hold themes by name, searched after the site's own `themes/`.
    public var themeSearchPaths: [String]
    /// Folders that hold the bundled required-section manifests (`<id>.yaml`).
    public var manifestSearchPaths: [String]
    public var includeDrafts: Bool

    public init(
        buildDate: DateTimeValue, baseURL: String? = nil, themeSearchPaths: [String] = [],
        manifestSearchPaths: [String] = [], includeDrafts: Bool = false
    ) {
        self.buildDate = buildDate
        self.baseURL = baseURL
        self.themeSearchPaths = themeSearchPaths
        self.manifestSearchPaths = manifestSearchPaths
        self.includeDrafts = includeDrafts
    }
}

/// What Load produced: a site when it could be read at all, and every finding on the way.
public struct LoadResult: Sendable {
    public var site: Site?
    public var diagnostics: [Diagnostic]
    /// Each page's file as it was read, by source: what the next build compares against.
    public var stamps: [String: PageFileStamp] = [:]
    /// What every page's links and files resolved against (see `PageReuse`).
    public var resolutionKey = ContentHash()
    /// Pages taken from the previous build rather than read.
    public var reusedPageCount = 0
    /// The names of the files of `content/` and `static/` (`BuildInputs.fileListKey`).
    public var fileListKey = ContentHash()
    /// The theme's own files to copy, for `BuildInputs.key`.
    var themeAssets: [StaticFile] = []

    public init(site: Site?, diagnostics: [Diagnostic]) {
        self.site = site
        self.diagnostics = diagnostics
    }
}
